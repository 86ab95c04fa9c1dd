import { assignAfter, type RequestStatus } from '../../../protocol/request-state.ts';
import { assignmentOf, centreEventRecord, FOUND_REQUEST_COLUMNS, toFoundRequest, json, statusValue } from '../shared.ts';
import type { CentreEventResult, Storage } from '../types.ts';
import type { SqliteConnection } from './connection.ts';
import { sqliteConsoleCentreStep } from './console-requests.ts';

type FoundRequestRow = Parameters<typeof toFoundRequest>[0];

/** Requests as the centre sees them: found by id or number, their status, and the centre's own events on them. */
export const sqliteRequests = ({ db, nextChangeSeqs, upsertEntry }: SqliteConnection): Pick<Storage, 'getRequestStatus' | 'findRequests' | 'appendCentreRequestEvent'> => ({
  async getRequestStatus(requestId) {
    const row = db.prepare<[string], { station_id: string; status: RequestStatus | null }>('SELECT station_id, status FROM requests WHERE id = ?').get(requestId);
    return row ? { stationId: row.station_id, status: row.status } : null;
  },

  async findRequests(lookup) {
    const select = `SELECT ${FOUND_REQUEST_COLUMNS} FROM requests r JOIN records rec ON rec.id = r.id`;
    const order = 'ORDER BY r.station_id, rec.at, r.id';
    const rows =
      'id' in lookup
        ? db.prepare<[string], FoundRequestRow>(`${select} WHERE r.id = ?`).all(lookup.id)
        : lookup.stationId === undefined
          ? db.prepare<[string], FoundRequestRow>(`${select} WHERE r.number = ? ${order}`).all(lookup.number)
          : db.prepare<[string, string], FoundRequestRow>(`${select} WHERE r.number = ? AND r.station_id = ? ${order}`).all(lookup.number, lookup.stationId);
    return rows.map(toFoundRequest);
  },

  async appendCentreRequestEvent({ event, now, validate }): Promise<CentreEventResult> {
    const at = now.toISOString();
    return db
      .transaction((): CentreEventResult => {
        const request = db
          .prepare<[string], { station_id: string; status: RequestStatus | null; published: string | null }>(
            `SELECT r.station_id, r.status, e.value AS published FROM requests r
             LEFT JOIN centre_entries e ON e.collection = 'request-status' AND e.scope = r.station_id AND e.id = r.id WHERE r.id = ?`,
          )
          .get(event.requestId);
        if (!request) return { ok: false, reason: 'unknown-request' };
        const result = validate(request.status);
        if (!result.ok) return { ok: false, reason: result.reason };
        db.prepare('UPDATE requests SET status = ?, updated_at = ? WHERE id = ?').run(result.status, at, event.requestId);
        const record = centreEventRecord(event, request.station_id, now);
        sqliteConsoleCentreStep(db, record, event.console ?? { staffId: null }, now);
        const upsert = upsertEntry();
        const seq = nextChangeSeqs(2);
        upsert.run('request-events', request.station_id, event.id, json(record), 0, seq, at);
        const assignment = assignAfter(assignmentOf(request.published), event);
        const status = statusValue({ requestId: event.requestId, status: result.status, event: event.type, at, assignment }, request.station_id);
        upsert.run('request-status', request.station_id, event.requestId, json(status), 0, seq + 1, at);
        return { ok: true, status: result.status, stationId: request.station_id, seq: seq + 1 };
      })
      .immediate();
  },
});
