import type { Shift } from './catalogue.ts';
import { parseClock } from './time.ts';

/**
 * When a shift of the roster occurs, the same on the kiosk and at the centre. Days are local calendar days
 * (yyyy-mm-dd) of the station; instants are computed with the station's UTC offset, which the caller passes
 * (China has one zone, UTC+8, and no daylight saving, so a fixed offset is exact there).
 */

/** Asia/Shanghai. */
export const CHINA_UTC_OFFSET_MINUTES = 480;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;

const pad = (n: number) => String(n).padStart(2, '0');

/** The UTC midnight of a day key, as a number: day arithmetic without any time zone in the way. */
const utcMidnight = (day: string): number => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
};

const keyOfUtc = (ms: number): string => {
  const date = new Date(ms);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
};

export const addDays = (day: string, days: number): string => keyOfUtc(utcMidnight(day) + days * DAY_MS);

/** 0 = Sunday, as Date.getDay() and the roster's weekdays count. */
export const weekdayOf = (day: string): number => new Date(utcMidnight(day)).getUTCDay();

/** The station-local day of an instant. */
export const dayKeyAt = (instant: number, offsetMinutes: number): string => keyOfUtc(instant + offsetMinutes * MINUTE_MS);

/** Minutes since the station-local midnight of an instant. */
export const minutesOfDayAt = (instant: number, offsetMinutes: number): number => {
  const local = instant + offsetMinutes * MINUTE_MS;
  return Math.floor((local - Math.floor(local / DAY_MS) * DAY_MS) / MINUTE_MS);
};

/** The station-local month (yyyy-mm) of an instant. */
export const monthKeyAt = (instant: number, offsetMinutes: number): string => dayKeyAt(instant, offsetMinutes).slice(0, 7);

/** The instant of a local day's clock time ("HH:MM", or minutes past midnight). */
export const instantOf = (day: string, clock: string | number, offsetMinutes: number): number =>
  utcMidnight(day) + ((typeof clock === 'number' ? clock : parseClock(clock)) - offsetMinutes) * MINUTE_MS;

/** A shift whose end is not after its start runs past midnight into the next day. */
export const isOvernight = (shift: Pick<Shift, 'start' | 'end'>): boolean => parseClock(shift.end) <= parseClock(shift.start);

/** Whether the shift begins on this local day. */
export const occursOn = (shift: Shift, day: string): boolean => {
  if (shift.date !== undefined) return shift.date === day;
  if (shift.from !== undefined && day < shift.from) return false;
  if (shift.until !== undefined && day > shift.until) return false;
  return shift.weekdays?.includes(weekdayOf(day)) ?? false;
};

/** One occurrence of a shift: the day it begins and its start and end as instants. */
export interface ShiftOccurrence {
  shift: Shift;
  day: string;
  start: number;
  end: number;
}

export const occurrenceOn = (shift: Shift, day: string, offsetMinutes: number): ShiftOccurrence => {
  const start = instantOf(day, shift.start, offsetMinutes);
  const endMinutes = parseClock(shift.end) + (isOvernight(shift) ? DAY_MINUTES : 0);
  return { shift, day, start, end: instantOf(day, endMinutes, offsetMinutes) };
};

/**
 * Every occurrence of these shifts that overlaps [from, to) (instants), in start order. Looks one day back for
 * shifts that began the evening before.
 */
export const occurrencesBetween = (shifts: readonly Shift[], from: number, to: number, offsetMinutes: number): ShiftOccurrence[] => {
  const found: ShiftOccurrence[] = [];
  const last = dayKeyAt(to, offsetMinutes);
  for (let day = addDays(dayKeyAt(from, offsetMinutes), -1); day <= last; day = addDays(day, 1)) {
    for (const shift of shifts) {
      if (!occursOn(shift, day)) continue;
      const occurrence = occurrenceOn(shift, day, offsetMinutes);
      if (occurrence.end > from && occurrence.start < to) found.push(occurrence);
    }
  }
  return found.sort((a, b) => a.start - b.start || a.shift.id.localeCompare(b.shift.id));
};

/**
 * The shift a member's sign-in at `at` is for: one of theirs that is under way then, or starts within
 * `earlyMinutes`; the nearest start wins. Undefined for a sign-in outside the roster (it is still welcome).
 */
export const shiftForSignIn = (
  shifts: readonly Shift[],
  memberId: string,
  at: number,
  offsetMinutes: number,
  earlyMinutes = 60,
): ShiftOccurrence | undefined => {
  const own = shifts.filter((shift) => shift.memberId === memberId);
  const candidates = occurrencesBetween(own, at, at + earlyMinutes * MINUTE_MS, offsetMinutes).filter((o) => o.end > at);
  return candidates.sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0];
};
