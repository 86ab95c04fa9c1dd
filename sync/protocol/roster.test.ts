import { describe, expect, it } from 'vitest';
import type { Shift } from './catalogue.ts';
import { shiftSchema } from './catalogue.ts';
import { addDays, CHINA_UTC_OFFSET_MINUTES, dayKeyAt, instantOf, occurrencesBetween, occursOn, shiftForSignIn, weekdayOf } from './roster.ts';

const CN = CHINA_UTC_OFFSET_MINUTES;
const at = (local: string) => Date.parse(`${local}:00+08:00`);
const rotation = (id: string, weekdays: number[], start: string, end: string, extra: Partial<Shift> = {}): Shift =>
  ({ id, memberId: 'li-ming', weekdays, start, end, kind: 'regular', ...extra }) as Shift;

describe('roster occurrences', () => {
  it('counts days across month and year ends, and knows their weekdays', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(weekdayOf('2026-12-06')).toBe(0);
    expect(dayKeyAt(at('2026-12-06T23:59'), CN)).toBe('2026-12-06');
    expect(dayKeyAt(at('2026-12-07T00:00'), CN)).toBe('2026-12-07');
  });

  it('places a rotation on its weekdays within its dates, and a dated shift on its day only', () => {
    const weekdays = rotation('r', [1, 3], '08:30', '12:00', { from: '2026-12-01', until: '2026-12-31' });
    expect(occursOn(weekdays, '2026-12-07')).toBe(true);
    expect(occursOn(weekdays, '2026-12-08')).toBe(false);
    expect(occursOn(weekdays, '2027-01-04')).toBe(false);
    const dated = { id: 'd', memberId: 'li-ming', date: '2026-12-08', start: '17:30', end: '18:30', kind: 'evening-hour' } as Shift;
    expect(occursOn(dated, '2026-12-08')).toBe(true);
    expect(occursOn(dated, '2026-12-15')).toBe(false);
  });

  it('refuses a shift that is both a rotation and a dated shift, or neither', () => {
    const base = { id: 's', memberId: 'li-ming', start: '08:00', end: '12:00', kind: 'regular' };
    expect(shiftSchema.safeParse({ ...base, weekdays: [1] }).success).toBe(true);
    expect(shiftSchema.safeParse({ ...base, date: '2026-12-08' }).success).toBe(true);
    expect(shiftSchema.safeParse({ ...base, weekdays: [1], date: '2026-12-08' }).success).toBe(false);
    expect(shiftSchema.safeParse(base).success).toBe(false);
    expect(shiftSchema.safeParse({ ...base, date: '2026-12-08', until: '2026-12-31' }).success).toBe(false);
  });

  it('runs an overnight shift into the next morning, found from either day', () => {
    const night = rotation('night', [6], '22:00', '02:00');
    const found = occurrencesBetween([night], at('2026-12-06T01:00'), at('2026-12-06T01:30'), CN);
    expect(found.map((o) => [o.day, new Date(o.start).toISOString(), new Date(o.end).toISOString()])).toEqual([
      ['2026-12-05', '2026-12-05T14:00:00.000Z', '2026-12-05T18:00:00.000Z'],
    ]);
    expect(instantOf('2026-12-05', '22:00', CN)).toBe(at('2026-12-05T22:00'));
  });

  it('matches a sign-in to the member’s nearest shift under way or about to start', () => {
    const shifts = [rotation('am', [1], '08:30', '12:00'), rotation('pm', [1], '13:30', '17:30'), { ...rotation('other', [1], '08:30', '12:00'), memberId: 'zhao' }];
    expect(shiftForSignIn(shifts, 'li-ming', at('2026-12-07T08:10'), CN)?.shift.id).toBe('am');
    expect(shiftForSignIn(shifts, 'li-ming', at('2026-12-07T12:50'), CN)?.shift.id).toBe('pm');
    expect(shiftForSignIn(shifts, 'li-ming', at('2026-12-07T19:00'), CN)).toBeUndefined();
    expect(shiftForSignIn(shifts, 'zhao', at('2026-12-08T09:00'), CN)).toBeUndefined();
  });
});
