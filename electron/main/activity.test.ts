// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Activity, localDay, nightlyReloadDue } from './activity.ts';

const min = 60_000;

describe('Activity', () => {
  it('uses the system idle time until the renderer reports, then the renderer', () => {
    const a = new Activity();
    expect(a.idleMs(1000, 5 * min)).toBe(5 * min);
    a.report(false, 1000);
    expect(a.idleMs(10 * min, 60 * min)).toBe(0);
    a.report(true, 10 * min);
    expect(a.idleMs(12 * min, 0)).toBe(2 * min);
    a.report(true, 11 * min);
    expect(a.idleMs(12 * min, 0)).toBe(2 * min);
  });
});

describe('nightlyReloadDue', () => {
  const window = { from: '02:00', to: '05:00' };
  const night = new Date(2025, 0, 6, 3, 0);

  it('reloads once a night, in the window, when nobody is there', () => {
    expect(nightlyReloadDue({ now: night, window, lastDay: '2025-01-05', idleMs: 30 * min })).toBe(true);
    expect(nightlyReloadDue({ now: night, window, lastDay: localDay(night), idleMs: 30 * min })).toBe(false);
    expect(nightlyReloadDue({ now: night, window, lastDay: null, idleMs: 2 * min })).toBe(false);
    expect(nightlyReloadDue({ now: new Date(2025, 0, 6, 12, 0), window, lastDay: null, idleMs: 30 * min })).toBe(false);
  });

  it('handles a window across midnight', () => {
    const late = { from: '23:00', to: '01:00' };
    expect(nightlyReloadDue({ now: new Date(2025, 0, 6, 0, 30), window: late, lastDay: '2025-01-05', idleMs: 30 * min })).toBe(true);
    expect(nightlyReloadDue({ now: new Date(2025, 0, 6, 1, 30), window: late, lastDay: null, idleMs: 30 * min })).toBe(false);
  });
});
