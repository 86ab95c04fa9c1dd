import type { Storage } from '../types.ts';
import type { PostgresConnection } from './connection.ts';

/** What retention removes: personal fields of old records, raw payloads of old dead letters, old tombstones; in batches. */
export const postgresRetention = ({ pool, transaction }: PostgresConnection): Pick<Storage, 'purgePersonal' | 'purgeTombstones'> => ({
  async purgePersonal({ before, now, strip, batchSize = 500 }) {
    let records = 0;
    for (;;) {
      const done = await transaction(async (client) => {
        const { rows } = await client.query<{ id: string; payload: string }>(
          'SELECT id, payload FROM records WHERE personal_purged_at IS NULL AND received_at < $1 ORDER BY received_at LIMIT $2 FOR UPDATE SKIP LOCKED',
          [before, batchSize],
        );
        if (rows.length > 0) {
          await client.query(
            'UPDATE records r SET payload = u.payload, personal_purged_at = $1 FROM unnest($2::text[], $3::text[]) AS u (id, payload) WHERE r.id = u.id',
            [now, rows.map((r) => r.id), rows.map((r) => JSON.stringify(strip(JSON.parse(r.payload))))],
          );
        }
        return rows.length;
      });
      records += done;
      if (done < batchSize) break;
    }
    let deadLetters = 0;
    for (let done = batchSize; done === batchSize; ) {
      const cleared = await pool.query(
        `UPDATE dead_letters SET payload = NULL WHERE (station_id, epoch, seq) IN (
           SELECT station_id, epoch, seq FROM dead_letters WHERE payload IS NOT NULL AND received_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)`,
        [before, batchSize],
      );
      done = cleared.rowCount ?? 0;
      deadLetters += done;
    }
    return { records, deadLetters };
  },

  async purgeTombstones({ before }) {
    return transaction(async (client) => {
      const { rows } = await client.query<{ top: string | null; n: number }>(
        'WITH gone AS (DELETE FROM centre_entries WHERE deleted AND updated_at < $1 RETURNING seq) SELECT max(seq) AS top, count(*)::int AS n FROM gone',
        [before],
      );
      const top = rows[0]!;
      if (top.n > 0) await client.query("UPDATE counters SET value = greatest(value, $1) WHERE name = 'tombstone_horizon'", [top.top]);
      const horizon = await client.query<{ value: string }>("SELECT value FROM counters WHERE name = 'tombstone_horizon'");
      return { purged: top.n, horizon: Number(horizon.rows[0]!.value) };
    });
  },
});
