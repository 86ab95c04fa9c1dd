import { parseJson } from '../shared.ts';
import type { Storage } from '../types.ts';
import type { SqliteConnection } from './connection.ts';

/** Single centre entries: where one is published, and putting one without replacing its collection. */
export const sqliteEntries = ({ db, nextChangeSeqs, upsertEntry }: SqliteConnection): Pick<Storage, 'findCentreEntries' | 'putCentreEntry'> => ({
  async findCentreEntries({ collection, id }) {
    return db
      .prepare<[string, string], { scope: string; value: string | null }>('SELECT scope, value FROM centre_entries WHERE collection = ? AND id = ? AND deleted = 0 ORDER BY scope')
      .all(collection, id)
      .map((row) => ({ scope: row.scope, value: parseJson(row.value) }));
  },

  async putCentreEntry({ collection, scope, id, value, now }) {
    return db
      .transaction(() => {
        const seq = nextChangeSeqs(1);
        upsertEntry().run(collection, scope, id, JSON.stringify(value), 0, seq, now.toISOString());
        return { seq };
      })
      .immediate();
  },
});
