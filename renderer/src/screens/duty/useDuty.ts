import type { Shift } from '@protocol/catalogue.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMinute } from '../../app/wall-clock.ts';
import { useStore } from '../../store/StoreProvider.tsx';
import { policyOf } from '../../volunteers/policy.ts';
import { type Presence, presenceAt } from '../../volunteers/presence.ts';
import { openSessions, recentShiftEvents, sessionsOf } from '../../volunteers/shifts.ts';
import { nextDuty, type NextDuty } from './roster.ts';

export interface Duty extends Presence {
  /** Who comes next, for when nobody is here now. */
  next: NextDuty | undefined;
  shifts: Shift[];
  /** The minute this was computed for. */
  at: Date;
}

/**
 * Who is on duty as of this minute, kept current: the roster and the sign-ins together (presence.ts), re-read
 * when the community publishes a new roster or someone signs in or out, and recomputed at every minute of the
 * kiosk's one clock, so a screen left open rolls over to the next shift (and the next day) by itself.
 */
export const useDuty = (): Duty | undefined => {
  const { db, station } = useStore();
  const at = useMinute();
  const data = useLiveQuery(async () => {
    const [shifts, members, units, events] = await Promise.all([db.shifts.toArray(), db.members.toArray(), db.units.toArray(), recentShiftEvents(db, new Date())]);
    return { shifts, members, units, events };
  }, [db]);
  if (!data) return undefined;
  const { shifts, members, units, events } = data;
  const open = openSessions(sessionsOf(events, shifts, station, at));
  const presence = presenceAt({ shifts, members, units, open, lateAfterMinutes: policyOf(station).lateAfterMinutes }, at);
  return { ...presence, next: nextDuty(shifts, members, units, at), shifts, at };
};
