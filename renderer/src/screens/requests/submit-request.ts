import type { RequestEvent, ResidentRequest } from '@protocol/records.ts';
import { commitRecord, type Draft } from '../../store/commit.ts';
import type { YizhanDb } from '../../store/db.ts';
import { requestNumber } from '@shared/format/request-number.ts';

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
      async (ctx) => ({ ...draft, kind: 'request', number: requestNumber(ctx.day, await ctx.nextInDay('request')) }),
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
