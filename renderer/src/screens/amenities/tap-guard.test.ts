import { describe, expect, it } from 'vitest';
import { createTapGuard, DOUBLE_TAP_MS } from './tap-guard.ts';

describe('createTapGuard', () => {
  const clock = () => {
    const c = { at: 0, now: () => c.at };
    return c;
  };

  it('ignores a second tap on the same button within the window, and counts one after it', () => {
    const c = clock();
    const guard = createTapGuard(DOUBLE_TAP_MS, c.now);
    expect(guard.accept('use')).toBe(true);
    c.at = DOUBLE_TAP_MS - 1;
    expect(guard.accept('use')).toBe(false);
    c.at = DOUBLE_TAP_MS;
    expect(guard.accept('use')).toBe(true);
  });

  it('measures the window from the tap that counted, so steady slow taps still count', () => {
    const c = clock();
    const guard = createTapGuard(1500, c.now);
    expect(guard.accept('use')).toBe(true);
    c.at = 1000;
    expect(guard.accept('use')).toBe(false);
    c.at = 1600;
    expect(guard.accept('use')).toBe(true);
  });

  it('keeps each button apart', () => {
    const c = clock();
    const guard = createTapGuard(1500, c.now);
    expect(guard.accept('lend')).toBe(true);
    expect(guard.accept('return')).toBe(true);
    expect(guard.accept('lend')).toBe(false);
  });
});
