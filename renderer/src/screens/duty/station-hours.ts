import type { Shift, StationSettings } from '@protocol/catalogue.ts';
import { parseClock } from '@protocol/time.ts';
import { stationMinuteOfDay, stationWeekday } from '../../volunteers/station-time.ts';

export interface HoursRow {
  kind: 'open' | 'evening-hour' | 'red-weekend';
  /** The weekdays the row applies to; undefined when it applies every day. */
  days: number[] | undefined;
  start: string;
  end: string;
  /** Whether these hours are still on today (running now or yet to come), so nobody is sent to a closed door. */
  today: boolean;
}

/**
 * The station's opening hours with its two extended ones. The settings give the evening hour's times but not
 * its days; the roster does, since an evening hour is only open when someone is rostered for it.
 */
export const stationHours = (station: StationSettings, shifts: readonly Shift[], now: Date): HoursRow[] => {
  const weekday = stationWeekday(now);
  const notOver = (end: string) => stationMinuteOfDay(now) < parseClock(end);
  const eveningDays = [...new Set(shifts.filter((s) => s.kind === 'evening-hour').flatMap((s) => s.weekdays ?? []))].sort();
  const evening = eveningDays.length > 0 ? eveningDays : undefined;
  const rows: HoursRow[] = [
    { kind: 'open', days: undefined, start: station.hours.open, end: station.hours.close, today: notOver(station.hours.close) },
    {
      kind: 'evening-hour',
      days: evening,
      start: station.eveningHour.start,
      end: station.eveningHour.end,
      today: (evening?.includes(weekday) ?? true) && notOver(station.eveningHour.end),
    },
  ];
  const weekend = station.redWeekend.weekdays;
  if (weekend.length > 0) {
    rows.push({ kind: 'red-weekend', days: [...weekend].sort(), start: station.redWeekend.start, end: station.redWeekend.end, today: weekend.includes(weekday) && notOver(station.redWeekend.end) });
  }
  return rows;
};
