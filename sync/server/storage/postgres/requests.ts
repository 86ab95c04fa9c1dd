import { assignAfter, type RequestStatus } from '../../../protocol/request-state.ts';
import { assignmentOf, centreEventRecord, FOUND_REQUEST_COLUMNS, toFoundRequest, json, statusValue } from '../shared.ts';
import type { CentreEventResult, Storage } from '../types.ts';
import { nextChangeSeqs, type PostgresConnection, upsertEntry } from './connection.ts';
import { postgresConsoleCentreStep } from './console-requests.ts';

type FoundRequestRow = Parameters<typeof toFoundRequest>[0];

/** Requests as the centre sees them: found by id or number, their status, and the centre's own events on them. */
export const postgresRequests = ({ pool, transaction }: PostgresConnection): Pick<Storage, 'getRequestStatus' | 'findRequests' | 'appendCentreRequestEvent'> => ({
  async getRequestStatus(requestId) {
    const { rows } = await pool.query<{ station_id: string; status: RequestStatus | null }>('SELECT station_id, status FROM requests WHERE id = $1', [requestId]);
    return rows[0] ? { stationId: rows[0].station_id, status: rows[0].status } : null;
  },

  async findRequests(lookup) {
    const select = `SELECT ${FOUND_REQUEST_COLUMNS} FROM requests r JOIN records rec ON rec.id = r.id`;
    const order = 'ORDER BY r.station_id, rec.at, r.id';
    const { rows } =
      'id' in lookup
        ? await pool.query<FoundRequestRow>(`${select} WHERE r.id = $1`, [lookup.id])
        : lookup.stationId === undefined
          ? await pool.query<FoundRequestRow>(`${select} WHERE r.number = $1 ${order}`, [lookup.number])
          : await pool.query<FoundRequestRow>(`${select} WHERE r.number = $1 AND r.station_id = $2 ${order}`, [lookup.number, lookup.stationId]);
    return rows.map(toFoundRequest);
  },

  async appendCentreRequestEvent({ event, now, validate }): Promise<CentreEventResult> {
    return transaction(async (client): Promise<CentreEventResult> => {
      const { rows } = await client.query<{ station_id: string; status: RequestStatus | null; published: string | null }>(
        `SELECT r.station_id, r.status, e.value AS published FROM requests r
         LEFT JOIN centre_entries e ON e.collection = 'request-status' AND e.scope = r.station_id AND e.id = r.id WHERE r.id = $1 FOR UPDATE OF r`,
        [event.requestId],
      );
      const request = rows[0];
      if (!request) return { ok: false, reason: 'unknown-request' };
      const result = validate(request.status);
      if (!result.ok) return { ok: false, reason: result.reason };
      await client.query('UPDATE requests SET status = $1, updated_at = $2 WHERE id = $3', [result.status, now, event.requestId]);
      const record = centreEventRecord(event, request.station_id, now);
      await postgresConsoleCentreStep(client, record, event.console ?? { staffId: null }, now);
      const seq = await nextChangeSeqs(client, 2);
      await upsertEntry(client, { collection: 'request-events', scope: request.station_id, id: event.id, value: json(record), seq, at: now });
      const assignment = assignAfter(assignmentOf(request.published), event);
      const status = statusValue({ requestId: event.requestId, status: result.status, event: event.type, at: now.toISOString(), assignment }, request.station_id);
      await upsertEntry(client, { collection: 'request-status', scope: request.station_id, id: event.requestId, value: json(status), seq: seq + 1, at: now });
      return { ok: true, status: result.status, stationId: request.station_id, seq: seq + 1 };
    });
  },
});
