import { foldRequestEvents, type RequestStatus } from '@protocol/request-state.ts';
import type { RequestEvent, ResidentRequest } from '@protocol/records.ts';
import type { YizhanDb } from '../../store/db.ts';

/** The normal way through the loop; cancelled and reopened step off it. */
const loop = ['submitted', 'dispatched', 'taken', 'done', 'rated'] as const satisfies readonly RequestStatus[];

/**
 * Only what anyone who types the number may see: never the contact, nor the free text, which may hold an
 * address or a name.
 */
export type ShownRequest = Pick<ResidentRequest, 'number' | 'requestKind' | 'category' | 'phrases' | 'at'>;

export interface RequestProgress {
  request: ShownRequest;
  /** Null only while the submit event has not arrived. */
  status: RequestStatus | null;
  /** Each accepted event as the status it led to, oldest first; refused events are left out. */
  reached: { status: RequestStatus; at: string }[];
  /** The steps still ahead on the normal loop. */
  ahead: RequestStatus[];
}

const stepsAhead = (status: RequestStatus | null): RequestStatus[] => {
  if (status === null) return [...loop];
  if (status === 'cancelled') return [];
  if (status === 'reopened') return loop.slice(1);
  return loop.slice(loop.indexOf(status) + 1);
};

const byTimeThenId = (a: { at: string; id: string }, b: { at: string; id: string }) =>
  Date.parse(a.at) - Date.parse(b.at) || a.id.localeCompare(b.id);

/** Each accepted event with the status it led to, by replaying the shared state machine up to it. */
const statusesReached = (accepted: readonly RequestEvent[]): RequestProgress['reached'] =>
  accepted.flatMap((event, i) => {
    const { status } = foldRequestEvents(accepted.slice(0, i + 1));
    return status ? [{ status, at: event.at }] : [];
  });

/**
 * A request on this tablet by the number the resident typed, with its progress. A number names one request of
 * the station for good (request-number.ts); the MMDD numbers of older kiosks came round every year, so of
 * several, the newest. Null when there is no such request here.
 */
export const findRequest = async (db: YizhanDb, number: string): Promise<RequestProgress | null> => {
  const candidates = await db.requests.where('number').equals(number).toArray();
  const request = candidates.sort(byTimeThenId).at(-1);
  if (!request) return null;
  const { requestKind, category, phrases, at } = request;
  const events = (await db.requestEvents.where('requestId').equals(request.id).toArray()).sort(byTimeThenId);
  const { status, refused } = foldRequestEvents(events);
  const skipped = new Set(refused.map((r) => r.event));
  const reached = statusesReached(events.filter((e) => !skipped.has(e)));
  return { request: { number, requestKind, category, phrases, at }, status, reached, ahead: stepsAhead(status) };
};
