import type { RequestStatus } from '../../../protocol/request-state.ts';
import { assignmentOf, json, statusValue } from '../shared.ts';
import type { PushResult, Storage } from '../types.ts';
import { nextChangeSeqs, type PostgresConnection, upsertEntry } from './connection.ts';
import { toAck } from './rows.ts';

/**
 * How a push is applied on PostgreSQL: in one transaction, lock the (station, epoch) row, read the snapshot
 * (the records and requests the batch names, its dead letters), let the planner decide, write the plan.
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
      const known = await client.query<{ id: string; station_id: string }>('SELECT id, station_id FROM records WHERE id = ANY($1::text[])', [input.recordIds]);
      const requests = await client.query<{ id: string; station_id: string; status: RequestStatus | null; published: string | null }>(
        `SELECT r.id, r.station_id, r.status, e.value AS published FROM requests r
         LEFT JOIN centre_entries e ON e.collection = 'request-status' AND e.scope = r.station_id AND e.id = r.id
         WHERE r.id = ANY($1::text[]) ORDER BY r.id FOR UPDATE OF r`,
        [input.requestIds],
      );
      const dead = await client.query<{ seq: string; record_id: string | null; reason: string; detail: string | null }>(
        'SELECT seq, record_id, reason, detail FROM dead_letters WHERE station_id = $1 AND epoch = $2 AND seq BETWEEN $3 AND $4',
        [stationId, epoch, input.seqRange.min, input.seqRange.max],
      );
      const deadLetters = new Map(dead.rows.map((r) => [Number(r.seq), toAck(r)] as const));

      const decided = plan({
        appliedSeq: Number(state.rows[0]!.applied_seq),
        known: new Map(known.rows.map((r) => [r.id, r.station_id] as const)),
        requests: new Map(requests.rows.map((r) => [r.id, { stationId: r.station_id, status: r.status, assignment: assignmentOf(r.published) }] as const)),
        deadLetters,
      });
      if (decided.kind === 'diverged') return decided;

      const { records } = decided;
      if (records.length > 0) {
        // One statement for the whole batch. ON CONFLICT: another epoch of this station may race us with the same id.
        await client.query(
          `INSERT INTO records (id, station_id, epoch, seq, kind, v, at, payload, received_at)
           SELECT u.id, $1, $2, u.seq, u.kind, u.v, u.at, u.payload, $3
           FROM unnest($4::text[], $5::bigint[], $6::text[], $7::int[], $8::text[], $9::text[]) AS u (id, seq, kind, v, at, payload)
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
          ],
        );
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
          'INSERT INTO requests (id, station_id, status, updated_at) SELECT u.id, $1, NULL, $2 FROM unnest($3::text[]) AS u (id) ON CONFLICT DO NOTHING',
          [stationId, now, decided.newRequests],
        );
      }
      await client.query('UPDATE push_state SET applied_seq = $1, updated_at = $2 WHERE station_id = $3 AND epoch = $4', [decided.appliedSeq, now, stationId, epoch]);
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
