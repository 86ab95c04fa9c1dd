import type { Storage } from '../types.ts';
import type { SqliteConnection } from './connection.ts';

/** A table that keeps personal fields in a JSON column, and the column that tells a row's age. */
interface PurgeTarget {
  table: 'records' | 'console_request_events' | 'shift_events';
  column: 'payload' | 'event';
  age: 'received_at' | 'at_ms';
  olderThan: string | number;
  strip: (value: unknown) => unknown;
  /** records also say when they were purged (a purged record's content is no longer compared on a re-push). */
  stampPurgedAt?: boolean;
}

/** Lets pending I/O (the requests that arrived meanwhile) run before the next batch. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * What retention removes: personal fields of old records and of the console's copies of them (request timeline,
 * hours ledger), raw payloads of old dead letters, old tombstones.
 *
 * better-sqlite3 runs a statement on the event loop's thread, so a purge of everything expired at once held the
 * server for its whole length (200,000 records: 2.2 s, at start-up too). It runs in batches instead, each its own
 * short transaction, and gives the event loop a turn between two (tests/bench/sync/purge.ts has the stalls).
 */
export const sqliteRetention = ({ db }: SqliteConnection): Pick<Storage, 'purgePersonal' | 'purgeTombstones'> => ({
  async purgePersonal({ before, now, definition, batchSize = 500 }) {
    const cutoff = before.toISOString();
    const at = now.toISOString();
    /** Strips one table's rows past the cutoff that were never purged, or were purged under an older definition. */
    const purgeTable = async ({ table, column, age, olderThan, strip, stampPurgedAt = false }: PurgeTarget) => {
      const select = db.prepare<[string | number, number, number], { id: string; value: string }>(
        `SELECT id, ${column} AS value FROM ${table} WHERE ${age} < ? AND (personal_definition IS NULL OR personal_definition < ?) LIMIT ?`,
      );
      const update = db.prepare<[string, number, ...string[]]>(
        `UPDATE ${table} SET ${column} = ?, personal_definition = ?${stampPurgedAt ? ', personal_purged_at = ?' : ''} WHERE id = ?`,
      );
      const purgeBatch = db.transaction(() => {
        const rows = select.all(olderThan, definition.version, batchSize);
        for (const row of rows) update.run(JSON.stringify(strip(JSON.parse(row.value))), definition.version, ...(stampPurgedAt ? [at, row.id] : [row.id]));
        return rows.length;
      });
      let purged = 0;
      for (let done = batchSize; done === batchSize; ) {
        done = purgeBatch();
        purged += done;
        await yieldToEventLoop();
      }
      return purged;
    };
    const records = await purgeTable({ table: 'records', column: 'payload', age: 'received_at', olderThan: cutoff, strip: definition.record, stampPurgedAt: true });
    const requestEvents = await purgeTable({ table: 'console_request_events', column: 'event', age: 'received_at', olderThan: cutoff, strip: definition.requestEvent });
    const shiftEvents = await purgeTable({ table: 'shift_events', column: 'payload', age: 'at_ms', olderThan: before.getTime(), strip: definition.shiftEvent });

    const clearDeadLetters = db.prepare(
      'UPDATE dead_letters SET payload = NULL WHERE rowid IN (SELECT rowid FROM dead_letters WHERE payload IS NOT NULL AND received_at < ? LIMIT ?)',
    );
    let deadLetters = 0;
    for (let done = batchSize; done === batchSize; ) {
      done = clearDeadLetters.run(cutoff, batchSize).changes;
      deadLetters += done;
      await yieldToEventLoop();
    }
    return { records, deadLetters, requestEvents, shiftEvents };
  },

  async purgeTombstones({ before }) {
    return db
      .transaction(() => {
        const cutoff = before.toISOString();
        const top = db.prepare<[string], { top: number | null; n: number }>('SELECT max(seq) AS top, count(*) AS n FROM centre_entries WHERE deleted = 1 AND updated_at < ?').get(cutoff)!;
        if (top.n > 0) {
          db.prepare('DELETE FROM centre_entries WHERE deleted = 1 AND updated_at < ?').run(cutoff);
          db.prepare("UPDATE counters SET value = max(value, ?) WHERE name = 'tombstone_horizon'").run(top.top);
        }
        const horizon = db.prepare<[], { value: number }>("SELECT value FROM counters WHERE name = 'tombstone_horizon'").get()!.value;
        return { purged: top.n, horizon };
      })
      .immediate();
  },
});
