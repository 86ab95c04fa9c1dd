import { addDays, CHINA_UTC_OFFSET_MINUTES, dayKeyAt, weekdayOf } from '@protocol/roster.ts';
import { daysOfMonth } from '@protocol/console/rotation.ts';

/**
 * The roster's calendar: weeks start on Monday (as the rotation's turns do), days are the stations' local days.
 */
export type RosterView = 'week' | 'month';

export const todayAtStations = (now: number = Date.now()): string => dayKeyAt(now, CHINA_UTC_OFFSET_MINUTES);

export const mondayOf = (day: string): string => addDays(day, -((weekdayOf(day) + 6) % 7));

export const weekDays = (day: string): string[] => {
  const monday = mondayOf(day);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
};

/** The month's days in rows of a week, Monday first; days of the neighbouring months are null. */
export const monthWeeks = (month: string): (string | null)[][] => {
  const days = daysOfMonth(month);
  const lead = (weekdayOf(days[0]!) + 6) % 7;
  const cells: (string | null)[] = [...Array.from({ length: lead }, () => null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, row) => cells.slice(row * 7, row * 7 + 7));
};

/** The first and last day a view shows around a day (the roster query's from and to). */
export const viewRange = (view: RosterView, day: string): { from: string; to: string } => {
  if (view === 'week') {
    const days = weekDays(day);
    return { from: days[0]!, to: days[6]! };
  }
  const days = daysOfMonth(day.slice(0, 7));
  return { from: days[0]!, to: days.at(-1)! };
};

/** The day a step back or forward lands on: a week, or the first of the month before or after. */
export const stepView = (view: RosterView, day: string, direction: -1 | 1): string => {
  if (view === 'week') return addDays(mondayOf(day), 7 * direction);
  const [year, month] = day.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) + direction;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
};
