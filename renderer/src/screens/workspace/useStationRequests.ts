import { dayKey } from '@protocol/time.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Stored, YizhanDb } from '../../store/db.ts';
import type { ResidentRequest } from '@protocol/records.ts';
import { unreflectedIds } from '../../store/outbox.ts';
import { useStore } from '../../store/StoreProvider.tsx';
import { orderRequests, requestView, type RequestView } from '../../volunteers/station-requests.ts';

const DAY_MS = 86_400_000;
/** Finished requests stay in the list this long; open ones stay until they are finished. */
const FINISHED_DAYS = 7;
const RECENT_DAYS = 180;

/** These requests as the server and this tablet see them now (station-requests.ts). */
export const readRequestViews = async (db: YizhanDb, requests: readonly Stored<ResidentRequest>[]): Promise<RequestView[]> => {
  const ids = requests.map((r) => r.id);
  const [events, statuses, deadLetters, unreflected] = await Promise.all([
    db.requestEvents.where('requestId').anyOf(ids).toArray(),
    db.requestStatus.bulkGet(ids),
    db.deadLetters.toArray(),
    unreflectedIds(db, 'request-event'),
  ]);
  const dead = new Map(deadLetters.flatMap((d) => (d.id ? [[d.id, d] as const] : [])));
  const eventsOf = new Map<string, typeof events>();
  for (const event of events) eventsOf.set(event.requestId, [...(eventsOf.get(event.requestId) ?? []), event]);
  return requests.map((request, i) => requestView(request, eventsOf.get(request.id) ?? [], statuses[i], dead, unreflected));
};

/** One request as it stands this moment, read afresh (the list on screen may be a moment old). */
export const readRequestView = async (db: YizhanDb, requestId: string): Promise<RequestView | undefined> => {
  const request = await db.requests.get(requestId);
  return request ? (await readRequestViews(db, [request]))[0] : undefined;
};

/**
 * The station's requests, live: a pull that brings the centre's dispatch or another tablet's take updates the
 * list at once.
 */
export const useStationRequests = (): RequestView[] | undefined => {
  const { db } = useStore();
  return useLiveQuery(async () => {
    const now = Date.now();
    const requests = await db.requests.where('day').aboveOrEqual(dayKey(new Date(now - RECENT_DAYS * DAY_MS))).toArray();
    const views = await readRequestViews(db, requests);
    const cutoff = new Date(now - FINISHED_DAYS * DAY_MS).toISOString();
    const finished = (status: string | null) => status === 'done' || status === 'rated' || status === 'cancelled';
    return orderRequests(views.filter((view) => !finished(view.status) || view.lastAt >= cutoff));
  }, [db]);
};
