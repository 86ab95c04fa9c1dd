import { parseJson } from '../shared.ts';
import type { Storage } from '../types.ts';
import { nextChangeSeqs, type PostgresConnection, upsertEntry } from './connection.ts';

/** Single centre entries: where one is published, and putting one without replacing its collection. */
export const postgresEntries = ({ pool, transaction }: PostgresConnection): Pick<Storage, 'findCentreEntries' | 'putCentreEntry'> => ({
  async findCentreEntries({ collection, id }) {
    const { rows } = await pool.query<{ scope: string; value: string | null }>('SELECT scope, value FROM centre_entries WHERE collection = $1 AND id = $2 AND NOT deleted ORDER BY scope', [collection, id]);
    return rows.map((row) => ({ scope: row.scope, value: parseJson(row.value) }));
  },

  async putCentreEntry({ collection, scope, id, value, now }) {
    return transaction(async (client) => {
      const seq = await nextChangeSeqs(client, 1);
      await upsertEntry(client, { collection, scope, id, value: JSON.stringify(value), seq, at: now });
      return { seq };
    });
  },
});
