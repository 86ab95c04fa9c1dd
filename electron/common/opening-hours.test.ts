// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isWithinOpeningHours, type OpeningSchedule } from './opening-hours.ts';

const schedule: OpeningSchedule = {
  hours: { open: '08:30', close: '17:30' },
  eveningHour: { start: '18:30', end: '19:30' },
  redWeekend: { weekdays: [6, 0], start: '09:00', end: '12:00' },
};
// 2025-01-06 is a Monday; dates are local time, as on the tablet.
const at = (day: number, hh: number, mm: number) => new Date(2025, 0, 6 + ((day + 6) % 7), hh, mm);

describe('isWithinOpeningHours', () => {
  it('is open in regular hours and the evening hour, with a margin around them', () => {
    expect(isWithinOpeningHours(at(1, 12, 0), schedule)).toBe(true);
    expect(isWithinOpeningHours(at(1, 8, 15), schedule)).toBe(true);
    expect(isWithinOpeningHours(at(1, 8, 14), schedule)).toBe(false);
    expect(isWithinOpeningHours(at(1, 19, 44), schedule)).toBe(true);
    expect(isWithinOpeningHours(at(1, 19, 45), schedule)).toBe(false);
    expect(isWithinOpeningHours(at(1, 3, 0), schedule, 0)).toBe(false);
  });

  it('handles hours that close after midnight, across the end of the week', () => {
    const late = { ...schedule, hours: { open: '20:00', close: '02:00' } };
    expect(isWithinOpeningHours(at(0, 1, 0), late, 0)).toBe(true); // Sunday 01:00, from Saturday 20:00
    expect(isWithinOpeningHours(at(1, 1, 0), late, 0)).toBe(true); // Monday 01:00, from Sunday
    expect(isWithinOpeningHours(at(1, 2, 30), late, 0)).toBe(false);
  });

  it('adds red-weekend hours on their weekdays only', () => {
    const closedDays = { ...schedule, hours: { open: '13:00', close: '14:00' } };
    expect(isWithinOpeningHours(at(6, 10, 0), closedDays, 0)).toBe(true);
    expect(isWithinOpeningHours(at(3, 10, 0), closedDays, 0)).toBe(false);
  });
});
