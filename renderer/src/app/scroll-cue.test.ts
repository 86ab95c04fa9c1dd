import { describe, expect, it } from 'vitest';
import { cueStep, hasMoreBelow } from './scroll-cue.ts';

describe('the "more below" cue', () => {
  it('shows while anything lies below the fold, and not for a margin or at the bottom', () => {
    expect(hasMoreBelow({ scrollTop: 0, clientHeight: 600, scrollHeight: 900 })).toBe(true);
    expect(hasMoreBelow({ scrollTop: 290, clientHeight: 600, scrollHeight: 900 })).toBe(true);
    expect(hasMoreBelow({ scrollTop: 300, clientHeight: 600, scrollHeight: 900 })).toBe(false);
    expect(hasMoreBelow({ scrollTop: 0, clientHeight: 600, scrollHeight: 606 })).toBe(false);
    expect(hasMoreBelow({ scrollTop: 0, clientHeight: 600, scrollHeight: 600 })).toBe(false);
  });

  it('scrolls most of a screen, so the last lines seen stay in view', () => {
    expect(cueStep(600)).toBe(420);
    expect(cueStep(0)).toBe(1);
  });
});
