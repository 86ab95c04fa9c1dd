import type { Storage } from '../types.ts';
import type { SqliteConnection } from './connection.ts';

/** Lets pending I/O (the requests that arrived meanwhile) run before the next batch. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * What retention removes: personal fields of old records, raw payloads of old dead letters, old tombstones.
 *
 * better-sqlite3 runs a statement on the event loop's thread, so a purge of everything expired at once held the
 * server for its whole length (200,000 records: 2.2 s, at start-up too). It runs in batches instead, each its own
 * short transaction, and gives the event loop a turn between two (tests/bench/sync/purge.ts has the stalls).
 */
export const sqliteRetention = ({ db }: SqliteConnection): Pick<Storage, 'purgePersonal' | 'purgeTombstones'> => ({
  async purgePersonal({ before, now, strip, batchSize = 500 }) {
    const cutoff = before.toISOString();
    const at = now.toISOString();
    const select = db.prepare<[string, number], { id: string; payload: string }>(
      'SELECT id, payload FROM records WHERE personal_purged_at IS NULL AND received_at < ? ORDER BY received_at LIMIT ?',
    );
    const update = db.prepare('UPDATE records SET payload = ?, personal_purged_at = ? WHERE id = ?');
    const purgeRecords = db.transaction(() => {
      const rows = select.all(cutoff, batchSize);
      for (const row of rows) update.run(JSON.stringify(strip(JSON.parse(row.payload))), at, row.id);
      return rows.length;
    });
    const clearDeadLetters = db.prepare(
      'UPDATE dead_letters SET payload = NULL WHERE rowid IN (SELECT rowid FROM dead_letters WHERE payload IS NOT NULL AND received_at < ? LIMIT ?)',
    );

    let records = 0;
    for (let done = batchSize; done === batchSize; ) {
      done = purgeRecords();
      records += done;
      await yieldToEventLoop();
    }
    let deadLetters = 0;
    for (let done = batchSize; done === batchSize; ) {
      done = clearDeadLetters.run(cutoff, batchSize).changes;
      deadLetters += done;
      await yieldToEventLoop();
    }
    return { records, deadLetters };
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
