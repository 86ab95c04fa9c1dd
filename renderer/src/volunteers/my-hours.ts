import type { Shift, StationSettings } from '@protocol/catalogue.ts';
import type { ShiftSession } from '@protocol/hours.ts';
import type { ShiftEvent } from '@protocol/records.ts';
import { monthKeyAt } from '@protocol/roster.ts';
import { STATION_OFFSET_MINUTES } from './station-time.ts';
import { sessionsOf } from './shifts.ts';

export interface PeriodHours {
  /** yyyy-mm or yyyy. */
  period: string;
  /** Credited minutes needing no review (or reviewed). */
  minutes: number;
  /** Credited minutes waiting for staff (closed automatically, a clock that went backwards). */
  pendingMinutes: number;
  /** Of all these minutes, those the centre has not received yet. */
  unsyncedMinutes: number;
  shifts: number;
}

export interface MyHours {
  month: PeriodHours;
  year: PeriodHours;
  /** This month's shifts, the latest first, each with whether the centre has all of its events. */
  sessions: (ShiftSession & { synced: boolean })[];
}

/**
 * A member's own hours on this tablet: computed from their shift events with the same code as the centre's
 * (hours.ts), unsynced events included. A session that waits for staff review is counted apart (pendingMinutes):
 * the review is made at the centre and does not reach the tablet, so only the centre knows what it will count.
 */
export const myHours = (
  input: { events: readonly ShiftEvent[]; shifts: readonly Shift[]; station: StationSettings; unsyncedIds: ReadonlySet<string> },
  now: Date,
): MyHours => {
  const offset = STATION_OFFSET_MINUTES;
  const month = monthKeyAt(now.getTime(), offset);
  const year = month.slice(0, 4);
  const closers = new Map<string, string[]>();
  for (const event of input.events) if (event.signInId) closers.set(event.signInId, [...(closers.get(event.signInId) ?? []), event.id]);
  const sessions = sessionsOf(input.events, input.shifts, input.station, now)
    .filter((session) => session.end !== null)
    .map((session) => ({ ...session, synced: ![session.signInId, ...(closers.get(session.signInId) ?? [])].some((id) => input.unsyncedIds.has(id)) }));
  const total = (period: string, inPeriod: (key: string) => boolean): PeriodHours => {
    const within = sessions.filter((session) => inPeriod(monthKeyAt(session.start, offset)));
    const sum = (list: typeof within) => list.reduce((minutes, session) => minutes + session.minutes, 0);
    return {
      period,
      minutes: sum(within.filter((s) => !s.needsReview)),
      pendingMinutes: sum(within.filter((s) => s.needsReview)),
      unsyncedMinutes: sum(within.filter((s) => !s.synced)),
      shifts: within.length,
    };
  };
  return {
    month: total(month, (key) => key === month),
    year: total(year, (key) => key.startsWith(year)),
    sessions: sessions.filter((session) => monthKeyAt(session.start, offset) === month).sort((a, b) => b.start - a.start),
  };
};
