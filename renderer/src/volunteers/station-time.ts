import { CHINA_UTC_OFFSET_MINUTES, dayKeyAt, minutesOfDayAt, weekdayOf } from '@protocol/roster.ts';

/**
 * The station's own clock, whatever zone the tablet was left in. Rosters, shifts, opening hours and hours are
 * written in the station's local time, and the centre reads them at +08:00 (console/hours.ts); a tablet set to UTC
 * must still see a 08:30 shift begin at 08:30 Beijing time. China has one zone and no daylight saving, so a
 * fixed offset is exact. Neither the catalogue nor the station config carries a zone: every station is in China.
 */
export const STATION_TIME_ZONE = 'Asia/Shanghai';
export const STATION_OFFSET_MINUTES = CHINA_UTC_OFFSET_MINUTES;

/** The station-local day, yyyy-mm-dd. */
export const stationDay = (now: Date): string => dayKeyAt(now.getTime(), STATION_OFFSET_MINUTES);

/** Minutes since the station-local midnight, to compare with "HH:MM" times of the roster and opening hours. */
export const stationMinuteOfDay = (now: Date): number => minutesOfDayAt(now.getTime(), STATION_OFFSET_MINUTES);

/** 0 = Sunday, as the roster's weekdays count. */
export const stationWeekday = (now: Date): number => weekdayOf(stationDay(now));

/** "08:25": an instant's station-local time of day. */
export const stationClock = (instant: number): string => {
  const minutes = minutesOfDayAt(instant, STATION_OFFSET_MINUTES);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};
