import type { Storage } from '../types.ts';
import type { PostgresConnection } from './connection.ts';

/** A table that keeps personal fields in a JSON column, and the column that tells a row's age. */
interface PurgeTarget {
  table: 'records' | 'console_request_events' | 'shift_events';
  column: 'payload' | 'event';
  age: 'received_at' | 'at_ms';
  olderThan: Date | number;
  strip: (value: unknown) => unknown;
  /** records also say when they were purged (a purged record's content is no longer compared on a re-push). */
  stampPurgedAt?: boolean;
}

/**
 * What retention removes, in batches: personal fields of old records and of the console's copies of them (request
 * timeline, hours ledger), raw payloads of old dead letters, old tombstones.
 */
export const postgresRetention = ({ pool, transaction }: PostgresConnection): Pick<Storage, 'purgePersonal' | 'purgeTombstones'> => ({
  async purgePersonal({ before, now, definition, batchSize = 500 }) {
    /** Strips one table's rows past the cutoff that were never purged, or were purged under an older definition. */
    const purgeTable = async ({ table, column, age, olderThan, strip, stampPurgedAt = false }: PurgeTarget) => {
      let purged = 0;
      for (;;) {
        const done = await transaction(async (client) => {
          const { rows } = await client.query<{ id: string; value: string }>(
            `SELECT id, ${column} AS value FROM ${table} WHERE ${age} < $1 AND (personal_definition IS NULL OR personal_definition < $2) LIMIT $3 FOR UPDATE SKIP LOCKED`,
            [olderThan, definition.version, batchSize],
          );
          if (rows.length > 0) {
            await client.query(
              `UPDATE ${table} t SET ${column} = u.value, personal_definition = $1${stampPurgedAt ? ', personal_purged_at = $4' : ''}
               FROM unnest($2::text[], $3::text[]) AS u (id, value) WHERE t.id = u.id`,
              [definition.version, rows.map((r) => r.id), rows.map((r) => JSON.stringify(strip(JSON.parse(r.value)))), ...(stampPurgedAt ? [now] : [])],
            );
          }
          return rows.length;
        });
        purged += done;
        if (done < batchSize) return purged;
      }
    };
    const records = await purgeTable({ table: 'records', column: 'payload', age: 'received_at', olderThan: before, strip: definition.record, stampPurgedAt: true });
    const requestEvents = await purgeTable({ table: 'console_request_events', column: 'event', age: 'received_at', olderThan: before, strip: definition.requestEvent });
    const shiftEvents = await purgeTable({ table: 'shift_events', column: 'payload', age: 'at_ms', olderThan: before.getTime(), strip: definition.shiftEvent });

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
    return { records, deadLetters, requestEvents, shiftEvents };
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
