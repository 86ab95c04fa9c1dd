import { stationSettingsSchema } from '../../sync/protocol/catalogue.ts';
import type { z } from 'zod';

/** The part of the station settings (published by the community) that says when the station is staffed. */
export const openingScheduleSchema = stationSettingsSchema.pick({ hours: true, eveningHour: true, redWeekend: true });
export type OpeningSchedule = z.infer<typeof openingScheduleSchema>;

const minutes = (clock: string): number => {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** Minute of the week (0 = Sunday 00:00) of a local time. */
const DAY = 24 * 60;
const WEEK = 7 * DAY;

/** The intervals of one week, in minutes from Sunday 00:00, in which the station is open. */
const weeklyIntervals = (schedule: OpeningSchedule): Array<[number, number]> => {
  const out: Array<[number, number]> = [];
  const add = (day: number, start: string, end: string) => {
    const from = day * DAY + minutes(start);
    let to = day * DAY + minutes(end);
    if (to <= from) to += DAY; // closes after midnight
    out.push([from, to]);
  };
  for (let day = 0; day < 7; day += 1) {
    add(day, schedule.hours.open, schedule.hours.close);
    add(day, schedule.eveningHour.start, schedule.eveningHour.end);
  }
  for (const day of schedule.redWeekend.weekdays) add(day, schedule.redWeekend.start, schedule.redWeekend.end);
  return out;
};

/**
 * True when the station is staffed at `now` (local time), or within `marginMinutes` of opening or closing:
 * the screen stays on then, and may sleep otherwise. Regular hours and the evening hour apply every day;
 * "red weekend" hours on their weekdays.
 */
export const isWithinOpeningHours = (now: Date, schedule: OpeningSchedule, marginMinutes = 15): boolean => {
  const t = now.getDay() * DAY + now.getHours() * 60 + now.getMinutes();
  return weeklyIntervals(schedule).some(([from, to]) =>
    // Compare on the circle of the week so Saturday evening and Sunday morning wrap correctly.
    [t, t + WEEK, t - WEEK].some((x) => x >= from - marginMinutes && x < to + marginMinutes),
  );
};
