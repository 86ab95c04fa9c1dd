import type { ShiftSession } from '@protocol/hours.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import { useNow } from '../app/Clock.tsx';
import { useStore } from '../store/StoreProvider.tsx';
import { openSessions, recentShiftEvents, sessionsOf } from './shifts.ts';

/** The shifts open at this station now, kept current as people sign in and out. */
export const useOpenSessions = (): ShiftSession[] | undefined => {
  const { db, station } = useStore();
  const now = useNow(30_000);
  const data = useLiveQuery(async () => ({ events: await recentShiftEvents(db, new Date()), shifts: await db.shifts.toArray() }), [db]);
  return data ? openSessions(sessionsOf(data.events, data.shifts, station, now)) : undefined;
};
