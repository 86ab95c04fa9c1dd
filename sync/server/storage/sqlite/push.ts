import type { KioskRecord } from '../../../protocol/records.ts';
import type { RequestStatus } from '../../../protocol/request-state.ts';
import { assignmentOf, json, KNOWN_RECORD_COLUMNS, knownRecord, statusValue } from '../shared.ts';
import type { PushResult, Storage } from '../types.ts';
import type { SqliteConnection } from './connection.ts';
import { sqliteConsoleIngest } from './console-requests.ts';
import { type DeadLetterRow, toAck } from './rows.ts';

/**
 * How a push is applied on SQLite: in one IMMEDIATE transaction, read the snapshot (applied seq, the records and
 * requests the batch names, its dead letters), let the planner decide, write the plan. The write lock is held
 * from BEGIN, so no other writer can change the snapshot before the plan is written.
 */
export const sqlitePush = ({ db, nextChangeSeqs, upsertEntry }: SqliteConnection): Pick<Storage, 'applyPush'> => ({
  async applyPush(input, plan): Promise<PushResult> {
    const { stationId, epoch, now } = input;
    const at = now.toISOString();
    return db
      .transaction((): PushResult => {
        db.prepare('INSERT OR IGNORE INTO push_state (station_id, epoch, applied_seq, created_at, updated_at) VALUES (?, ?, 0, ?, ?)').run(stationId, epoch, at, at);
        const state = db
          .prepare<[string, string], { applied_seq: number }>('SELECT applied_seq FROM push_state WHERE station_id = ? AND epoch = ?')
          .get(stationId, epoch)!;
        const known = new Map(
          db
            .prepare<[string], { id: string; station_id: string; digest: string | null; payload: string | null }>(
              `SELECT ${KNOWN_RECORD_COLUMNS} FROM records WHERE id IN (SELECT value FROM json_each(?))`,
            )
            .all(JSON.stringify(input.recordIds))
            .map((r) => [r.id, knownRecord(r)] as const),
        );
        const requests = new Map(
          db
            .prepare<[string], { id: string; station_id: string; status: RequestStatus | null; published: string | null }>(
              `SELECT r.id, r.station_id, r.status, e.value AS published FROM requests r
               LEFT JOIN centre_entries e ON e.collection = 'request-status' AND e.scope = r.station_id AND e.id = r.id
               WHERE r.id IN (SELECT value FROM json_each(?))`,
            )
            .all(JSON.stringify(input.requestIds))
            .map((r) => [r.id, { stationId: r.station_id, status: r.status, assignment: assignmentOf(r.published) }] as const),
        );
        const deadLetters = new Map(
          db
            .prepare<[string, string, number, number], DeadLetterRow>(
              'SELECT seq, record_id, reason, detail FROM dead_letters WHERE station_id = ? AND epoch = ? AND seq BETWEEN ? AND ?',
            )
            .all(stationId, epoch, input.seqRange.min, input.seqRange.max)
            .map((r) => [r.seq, toAck(r)] as const),
        );

        const decided = plan({ appliedSeq: state.applied_seq, known, requests, deadLetters });
        if (decided.kind === 'diverged') return decided;

        const insertRecord = db.prepare(
          'INSERT INTO records (id, station_id, epoch, seq, kind, v, at, payload, digest, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        );
        for (const r of decided.records) insertRecord.run(r.id, stationId, epoch, r.seq, r.kind, r.v, r.at, json(r.payload), r.digest, at);
        const insertDead = db.prepare(
          'INSERT OR IGNORE INTO dead_letters (station_id, epoch, seq, record_id, kind, reason, detail, payload, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        );
        for (const d of decided.deadLetters) {
          insertDead.run(stationId, epoch, d.seq, d.recordId, d.kind, d.reason, d.detail, json(d.payload), at);
          deadLetters.set(d.seq, { seq: d.seq, id: d.recordId, reason: d.reason, detail: d.detail });
        }
        const insertRequest = db.prepare('INSERT OR IGNORE INTO requests (id, station_id, number, status, updated_at) VALUES (?, ?, ?, NULL, ?)');
        for (const request of decided.newRequests) insertRequest.run(request.id, stationId, request.number, at);
        if (decided.statusChanges.length > 0) {
          const updateStatus = db.prepare('UPDATE requests SET status = ?, updated_at = ? WHERE id = ?');
          const upsert = upsertEntry();
          let seq = nextChangeSeqs(decided.statusChanges.length);
          for (const change of decided.statusChanges) {
            updateStatus.run(change.status, at, change.requestId);
            upsert.run('request-status', stationId, change.requestId, json(statusValue(change, stationId)), 0, seq, at);
            seq += 1;
          }
        }
        db.prepare('UPDATE push_state SET applied_seq = ?, updated_at = ? WHERE station_id = ? AND epoch = ?').run(decided.appliedSeq, at, stationId, epoch);
        // The console's views and report counters move with the records, in this transaction.
        sqliteConsoleIngest(db, stationId, decided.records.map((r) => r.payload as KioskRecord), now);
        const acks = [...deadLetters.values()].filter((d) => d.seq <= decided.appliedSeq).sort((a, b) => a.seq - b.seq);
        return { kind: 'applied', appliedSeq: decided.appliedSeq, deadLetters: acks, stored: decided.records.length };
      })
      .immediate();
  },
});
