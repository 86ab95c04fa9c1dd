import { describe, expect, it } from 'vitest';
import { daysBetween, fillDays, reportMonth, reportRange } from './report-range.ts';

describe('the days a report covers', () => {
  it('defaults to the last 30 days up to today', () => {
    expect(reportRange(new URLSearchParams(), '2026-03-05')).toEqual({ from: '2026-02-04', to: '2026-03-05' });
  });

  it('takes a range from the address and puts a wrong one right', () => {
    expect(reportRange(new URLSearchParams('from=2026-01-01&to=2026-01-31'), '2026-03-05')).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    expect(reportRange(new URLSearchParams('from=2026-02-10&to=2026-02-01'), '2026-03-05')).toEqual({ from: '2026-02-01', to: '2026-02-01' });
    expect(reportRange(new URLSearchParams('from=2020-01-01&to=2026-03-05'), '2026-03-05').from).toBe('2025-03-05');
    expect(reportRange(new URLSearchParams('from=yesterday'), '2026-03-05').from).toBe('2026-02-04');
  });

  it('picks the month', () => {
    expect(reportMonth(new URLSearchParams('month=2026-02'), '2026-03-05')).toBe('2026-02');
    expect(reportMonth(new URLSearchParams('month=2026-13'), '2026-03-05')).toBe('2026-03');
  });

  it('gives every day of the range its value, 0 where none', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(fillDays([{ day: '2026-02-28', visits: 4 }], '2026-02-27', '2026-03-01', (row) => row.visits)).toEqual([0, 4, 0]);
  });
});
