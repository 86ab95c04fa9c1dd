import type { Shift } from '@protocol/catalogue.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMinute } from '../../app/wall-clock.ts';
import { useStore } from '../../store/StoreProvider.tsx';
import { dutyFor, type DutyToday, nextDuty, type NextDuty } from './roster.ts';

export interface Duty extends DutyToday {
  /** Who comes next, for when nobody is here now. */
  next: NextDuty | undefined;
  shifts: Shift[];
  /** The minute this was computed for. */
  at: Date;
}

/**
 * The roster as of this minute, kept current: it re-reads when the community publishes a new one and
 * recomputes every minute on the kiosk's one clock, so a screen left open rolls over to the next shift by itself.
 */
export const useDuty = (): Duty | undefined => {
  const { db } = useStore();
  const at = useMinute();
  const data = useLiveQuery(async () => {
    const [shifts, members, units] = await Promise.all([db.shifts.toArray(), db.members.toArray(), db.units.toArray()]);
    return { shifts, members, units };
  }, [db]);
  if (!data) return undefined;
  const { shifts, members, units } = data;
  return { ...dutyFor(shifts, members, units, at), next: nextDuty(shifts, members, units, at), shifts, at };
};
