import { DISTRICT_SCOPE } from '../../../protocol/centre.ts';
import { entryKey, planPublish, toChange } from '../shared.ts';
import { type PullPage, type Storage, StorageConflictError } from '../types.ts';
import { nextChangeSeqs, type PostgresConnection } from './connection.ts';

/** Centre-born data: publishing collections (a diff against what is there) and the stations' pull by change sequence. */
export const postgresCentre = ({ pool, transaction }: PostgresConnection): Pick<Storage, 'publish' | 'pull'> => ({
  async publish({ scope, collections, now }) {
    return transaction(async (client) => {
      // Publishes are rare: take the change-seq lock first, so the diff and the scope check below see every
      // earlier publish and no later one can slip in between.
      await client.query("SELECT value FROM counters WHERE name = 'change_seq' FOR UPDATE");
      const names = Object.keys(collections);
      const { rows } = await client.query<{ collection: string; id: string; value: string | null; deleted: boolean }>(
        'SELECT collection, id, value, deleted FROM centre_entries WHERE scope = $1 AND collection = ANY($2::text[])',
        [scope, names],
      );
      const existing = new Map(rows.map((r) => [entryKey(r.collection, r.id), { value: r.value, deleted: r.deleted }] as const));
      const { writes, put, deleted, unchanged } = planPublish(collections, existing);
      const puts = writes.filter((w) => w.value !== null);
      if (puts.length > 0) {
        const clash = await client.query<{ collection: string; id: string; scope: string }>(
          `SELECT e.collection, e.id, e.scope FROM centre_entries e
           JOIN unnest($1::text[], $2::text[]) AS u (collection, id) ON e.collection = u.collection AND e.id = u.id
           WHERE NOT e.deleted AND ${scope === DISTRICT_SCOPE ? "e.scope <> '*'" : "e.scope = '*'"} LIMIT 1`,
          [puts.map((w) => w.collection), puts.map((w) => w.id)],
        );
        const other = clash.rows[0];
        if (other) throw new StorageConflictError(`${other.collection}/${other.id} is already published in scope ${other.scope}`);
      }
      if (writes.length > 0) {
        const first = await nextChangeSeqs(client, writes.length);
        await client.query(
          `INSERT INTO centre_entries (collection, scope, id, value, deleted, seq, updated_at)
           SELECT u.collection, $1, u.id, u.value, u.value IS NULL, u.seq, $2
           FROM unnest($3::text[], $4::text[], $5::text[], $6::bigint[]) AS u (collection, id, value, seq)
           ON CONFLICT (collection, scope, id) DO UPDATE SET value = excluded.value, deleted = excluded.deleted, seq = excluded.seq, updated_at = excluded.updated_at`,
          [scope, now, writes.map((w) => w.collection), writes.map((w) => w.id), writes.map((w) => w.value), writes.map((_, i) => first + i)],
        );
      }
      return { put, deleted, unchanged };
    });
  },

  async pull({ stationId, cursor, limit, fullRead = false }): Promise<PullPage> {
    // One statement, one snapshot: the counters and the page are read at the same instant.
    // Moved to another community since (migration 008): from a cursor, start over; from the start, done.
    if (cursor === 0) await pool.query('UPDATE stations SET pull_reset = false WHERE id = $1 AND pull_reset', [stationId]);
    else if ((await pool.query('SELECT 1 FROM stations WHERE id = $1 AND pull_reset', [stationId])).rowCount) return { changes: [], cursor: 0, hasMore: true, reset: true };
    const { rows } = await pool.query<{ max_seq: string; horizon: string; collection: string | null; id: string | null; value: string | null; deleted: boolean | null; seq: string | null }>(
      `SELECT m.max_seq, m.horizon, e.collection, e.id, e.value, e.deleted, e.seq
       FROM (SELECT max(value) FILTER (WHERE name = 'change_seq') AS max_seq, max(value) FILTER (WHERE name = 'tombstone_horizon') AS horizon FROM counters) m
       LEFT JOIN LATERAL (
         SELECT collection, id, value, deleted, seq FROM centre_entries
         WHERE scope IN ('*', $1, (SELECT 'community:' || community_id FROM stations WHERE id = $1)) AND seq > $2 ORDER BY seq LIMIT $3
       ) e ON true
       ORDER BY e.seq`,
      [stationId, cursor, limit + 1],
    );
    const max = Number(rows[0]?.max_seq ?? 0);
    const horizon = Number(rows[0]?.horizon ?? 0);
    if (cursor > max || (!fullRead && cursor > 0 && cursor < horizon)) return { changes: [], cursor: 0, hasMore: true, reset: true };
    const entries = rows.filter((r) => r.seq !== null);
    const page = entries.slice(0, limit).map((r) => toChange({ collection: r.collection!, id: r.id!, value: r.value, deleted: r.deleted!, seq: Number(r.seq) }));
    const hasMore = entries.length > limit;
    // At the end of the feed the cursor moves to the newest change of any scope (the counter and the page are
    // one snapshot, so nothing at or below it is still to come), and so never lags behind the horizon.
    return { changes: page, cursor: hasMore ? Number(page.at(-1)!.seq) : max, hasMore, reset: false };
  },
});
