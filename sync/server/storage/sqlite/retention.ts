import type { Storage } from '../types.ts';
import type { SqliteConnection } from './connection.ts';

/** What retention removes: personal fields of old records, raw payloads of old dead letters, old tombstones. */
export const sqliteRetention = ({ db }: SqliteConnection): Pick<Storage, 'purgePersonal' | 'purgeTombstones'> => ({
  async purgePersonal({ before, now, strip, batchSize = 500 }) {
    const cutoff = before.toISOString();
    const at = now.toISOString();
    let records = 0;
    const select = db.prepare<[string, number], { id: string; payload: string }>(
      'SELECT id, payload FROM records WHERE personal_purged_at IS NULL AND received_at < ? ORDER BY received_at LIMIT ?',
    );
    const update = db.prepare('UPDATE records SET payload = ?, personal_purged_at = ? WHERE id = ?');
    for (;;) {
      const done = db.transaction(() => {
        const rows = select.all(cutoff, batchSize);
        for (const row of rows) update.run(JSON.stringify(strip(JSON.parse(row.payload))), at, row.id);
        return rows.length;
      })();
      records += done;
      if (done < batchSize) break;
    }
    const deadLetters = db.prepare('UPDATE dead_letters SET payload = NULL WHERE payload IS NOT NULL AND received_at < ?').run(cutoff).changes;
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
