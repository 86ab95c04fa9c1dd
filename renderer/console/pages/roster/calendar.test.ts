import { describe, expect, it } from 'vitest';
import { monthWeeks, stepView, todayAtStations, viewRange, weekDays } from './calendar.ts';

describe('the roster calendar', () => {
  it('runs weeks Monday to Sunday', () => {
    // 2026-03-05 is a Thursday.
    expect(weekDays('2026-03-05')).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08']);
    expect(weekDays('2026-03-08')[0]).toBe('2026-03-02');
    expect(viewRange('week', '2026-03-05')).toEqual({ from: '2026-03-02', to: '2026-03-08' });
  });

  it('lays a month out in weeks with blanks around it', () => {
    // February 2026 starts on a Sunday: six blanks, then 28 days, then blanks to fill the last week.
    const weeks = monthWeeks('2026-02');
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-02-01']);
    expect(weeks.at(-1)?.filter(Boolean).at(-1)).toBe('2026-02-28');
    expect(weeks.flat().filter(Boolean)).toHaveLength(28);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
    expect(viewRange('month', '2026-02-14')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('steps by a week or a month, across years', () => {
    expect(stepView('week', '2026-03-05', 1)).toBe('2026-03-09');
    expect(stepView('month', '2026-12-15', 1)).toBe('2027-01-01');
    expect(stepView('month', '2026-01-31', -1)).toBe('2025-12-01');
  });

  it('knows the stations\' today (UTC+8), not the browser\'s', () => {
    expect(todayAtStations(Date.parse('2026-03-04T17:00:00Z'))).toBe('2026-03-05');
  });
});
