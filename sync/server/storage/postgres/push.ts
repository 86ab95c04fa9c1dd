import type { KioskRecord } from '../../../protocol/records.ts';
import type { RequestStatus } from '../../../protocol/request-state.ts';
import { assignmentOf, json, KNOWN_RECORD_COLUMNS, knownRecord, statusValue } from '../shared.ts';
import type { PushResult, Storage } from '../types.ts';
import { nextChangeSeqs, type PostgresConnection, RetryTransaction, upsertEntry } from './connection.ts';
import { postgresConsoleIngest } from './console-requests.ts';
import { toAck } from './rows.ts';

/**
 * How a push is applied on PostgreSQL: in one transaction, lock the (station, epoch) row and the requests the
 * batch names, then read the snapshot (the records it names, its dead letters), let the planner decide, write
 * the plan.
 *
 * Locks first, reads after: under READ COMMITTED each statement sees what committed before it began, so a read
 * made before waiting for a lock can be stale by the time the lock is granted. Two epochs of one station pushing
 * the same request event used to read `known` first, queue on the request's lock, and the second then planned
 * the event as new against the status the first had already moved: stored by one, dead-lettered by the other.
 * A record no lock covers (the same id from two epochs, or from two stations, at once) is caught at its insert:
 * a row the insert did not write means another transaction got there first, and the push is planned again on a
 * fresh snapshot (RetryTransaction), where it is a duplicate or a conflict like any other.
 */
export const postgresPush = ({ transaction }: PostgresConnection): Pick<Storage, 'applyPush'> => ({
  async applyPush(input, plan): Promise<PushResult> {
    const { stationId, epoch, now } = input;
    return transaction(async (client): Promise<PushResult> => {
      await client.query(
        'INSERT INTO push_state (station_id, epoch, applied_seq, created_at, updated_at) VALUES ($1, $2, 0, $3, $3) ON CONFLICT DO NOTHING',
        [stationId, epoch, now],
      );
      // Locks this (station, epoch): a retried push racing its original waits here and then finds it applied.
      const state = await client.query<{ applied_seq: string }>('SELECT applied_seq FROM push_state WHERE station_id = $1 AND epoch = $2 FOR UPDATE', [stationId, epoch]);
      // Then the requests its events move (in id order, so two pushes never wait on each other crosswise), with who
      // each is with as its published status says …
      const requests = await client.query<{ id: string; station_id: string; status: RequestStatus | null; published: string | null }>(
        `SELECT r.id, r.station_id, r.status, e.value AS published FROM requests r
         LEFT JOIN centre_entries e ON e.collection = 'request-status' AND e.scope = r.station_id AND e.id = r.id
         WHERE r.id = ANY($1::text[]) ORDER BY r.id FOR UPDATE OF r`,
        [input.requestIds],
      );
      // … and only then what is stored: whatever committed while this push waited is seen.
      const known = await client.query<{ id: string; station_id: string; digest: string | null; payload: string | null }>(
        `SELECT ${KNOWN_RECORD_COLUMNS} FROM records WHERE id = ANY($1::text[])`,
        [input.recordIds],
      );
      const dead = await client.query<{ seq: string; record_id: string | null; reason: string; detail: string | null }>(
        'SELECT seq, record_id, reason, detail FROM dead_letters WHERE station_id = $1 AND epoch = $2 AND seq BETWEEN $3 AND $4',
        [stationId, epoch, input.seqRange.min, input.seqRange.max],
      );
      const deadLetters = new Map(dead.rows.map((r) => [Number(r.seq), toAck(r)] as const));

      const decided = plan({
        appliedSeq: Number(state.rows[0]!.applied_seq),
        known: new Map(known.rows.map((r) => [r.id, knownRecord(r)] as const)),
        requests: new Map(requests.rows.map((r) => [r.id, { stationId: r.station_id, status: r.status, assignment: assignmentOf(r.published) }] as const)),
        deadLetters,
      });
      if (decided.kind === 'diverged') return decided;

      const { records } = decided;
      if (records.length > 0) {
        // One statement for the whole batch.
        const inserted = await client.query(
          `INSERT INTO records (id, station_id, epoch, seq, kind, v, at, payload, digest, received_at)
           SELECT u.id, $1, $2, u.seq, u.kind, u.v, u.at, u.payload, u.digest, $3
           FROM unnest($4::text[], $5::bigint[], $6::text[], $7::int[], $8::text[], $9::text[], $10::text[]) AS u (id, seq, kind, v, at, payload, digest)
           ON CONFLICT (id) DO NOTHING`,
          [
            stationId,
            epoch,
            now,
            records.map((r) => r.id),
            records.map((r) => r.seq),
            records.map((r) => r.kind),
            records.map((r) => r.v),
            records.map((r) => r.at),
            records.map((r) => json(r.payload)),
            records.map((r) => r.digest),
          ],
        );
        if (inserted.rowCount !== records.length) throw new RetryTransaction('a record of this push was stored by a concurrent push');
      }
      const dl = decided.deadLetters;
      if (dl.length > 0) {
        await client.query(
          `INSERT INTO dead_letters (station_id, epoch, seq, record_id, kind, reason, detail, payload, received_at)
           SELECT $1, $2, u.seq, u.record_id, u.kind, u.reason, u.detail, u.payload, $3
           FROM unnest($4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[]) AS u (seq, record_id, kind, reason, detail, payload)
           ON CONFLICT DO NOTHING`,
          [
            stationId,
            epoch,
            now,
            dl.map((d) => d.seq),
            dl.map((d) => d.recordId),
            dl.map((d) => d.kind),
            dl.map((d) => d.reason),
            dl.map((d) => d.detail),
            dl.map((d) => json(d.payload)),
          ],
        );
        for (const d of dl) deadLetters.set(d.seq, { seq: d.seq, id: d.recordId, reason: d.reason, detail: d.detail });
      }
      if (decided.newRequests.length > 0) {
        await client.query(
          `INSERT INTO requests (id, station_id, number, status, updated_at)
           SELECT u.id, $1, u.number, NULL, $2 FROM unnest($3::text[], $4::text[]) AS u (id, number) ON CONFLICT DO NOTHING`,
          [stationId, now, decided.newRequests.map((r) => r.id), decided.newRequests.map((r) => r.number)],
        );
      }
      await client.query('UPDATE push_state SET applied_seq = $1, updated_at = $2 WHERE station_id = $3 AND epoch = $4', [decided.appliedSeq, now, stationId, epoch]);
      // The console's views and report counters move with the records, in this transaction.
      await postgresConsoleIngest(client, stationId, records.map((r) => r.payload as KioskRecord), now);
      if (decided.statusChanges.length > 0) {
        for (const change of decided.statusChanges) {
          await client.query('UPDATE requests SET status = $1, updated_at = $2 WHERE id = $3', [change.status, now, change.requestId]);
        }
        let seq = await nextChangeSeqs(client, decided.statusChanges.length);
        for (const change of decided.statusChanges) {
          await upsertEntry(client, { collection: 'request-status', scope: stationId, id: change.requestId, value: json(statusValue(change, stationId)), seq, at: now });
          seq += 1;
        }
      }
      const acks = [...deadLetters.values()].filter((d) => d.seq <= decided.appliedSeq).sort((a, b) => a.seq - b.seq);
      return { kind: 'applied', appliedSeq: decided.appliedSeq, deadLetters: acks, stored: records.length };
    });
  },
});
