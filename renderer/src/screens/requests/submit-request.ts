import type { RequestEvent, ResidentRequest } from '@protocol/records.ts';
import { commitRecord, type Draft } from '../../store/commit.ts';
import type { YizhanDb } from '../../store/db.ts';
import { nextRequestNumber } from '@shared/format/request-number.ts';

/** The last receipt number this database gave (request-number.ts): numbers only ever grow. */
const LAST_NUMBER = 'counter:request-number';

/** The next receipt number, recorded in the caller's transaction: a request that is not written uses none up. */
const allocateNumber = async (db: YizhanDb, at: Date): Promise<string> => {
  const last = (await db.meta.get(LAST_NUMBER))?.value;
  const next = nextRequestNumber(at, typeof last === 'number' ? last : null);
  await db.meta.put({ key: LAST_NUMBER, value: next });
  return String(next);
};

/** What the resident chose; the number is allocated when it is written. */
export type RequestDraft = Omit<Draft<'request'>, 'kind' | 'number'>;

export interface SubmittedRequest {
  request: ResidentRequest;
  event: RequestEvent;
}

/**
 * Writes the request and its first event (submitted by the resident) as one unit. Each commitRecord runs as a
 * sub-transaction of the transaction opened here, so the request, its event and their two outbox entries are
 * all on disk or none is: a request without its submit event would have no status anywhere.
 */
export const submitRequest = (db: YizhanDb, stationId: string, draft: RequestDraft, now: Date = new Date()): Promise<SubmittedRequest> =>
  db.transaction('rw', [db.requests, db.requestEvents, db.outbox, db.meta], async () => {
    const request = await commitRecord(
      db,
      'request',
      stationId,
      async () => ({ ...draft, kind: 'request', number: await allocateNumber(db, now) }),
      now,
    );
    const event = await commitRecord(
      db,
      'request-event',
      stationId,
      () => ({ kind: 'request-event', requestId: request.id, type: 'submit', actor: 'resident' }),
      now,
    );
    return { request, event };
  });
