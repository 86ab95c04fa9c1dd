import { DISTRICT_SCOPE } from '../../../protocol/centre.ts';
import { type EntryRow, entryKey, planPublish, toChange } from '../shared.ts';
import { type PullPage, type Storage, StorageConflictError } from '../types.ts';
import type { SqliteConnection } from './connection.ts';

/** Centre-born data: publishing collections (a diff against what is there) and the stations' pull by change sequence. */
export const sqliteCentre = ({ db, nextChangeSeqs, upsertEntry }: SqliteConnection): Pick<Storage, 'publish' | 'pull'> => ({
  async publish({ scope, collections, now }) {
    const at = now.toISOString();
    return db
      .transaction(() => {
        const names = Object.keys(collections);
        const existing = new Map(
          db
            .prepare<[string, string], { collection: string; id: string; value: string | null; deleted: number }>(
              'SELECT collection, id, value, deleted FROM centre_entries WHERE scope = ? AND collection IN (SELECT value FROM json_each(?))',
            )
            .all(scope, JSON.stringify(names))
            .map((r) => [entryKey(r.collection, r.id), { value: r.value, deleted: r.deleted === 1 }] as const),
        );
        const { writes, put, deleted, unchanged } = planPublish(collections, existing);
        const clash =
          scope === DISTRICT_SCOPE
            ? db.prepare<[string, string], { scope: string }>("SELECT scope FROM centre_entries WHERE collection = ? AND id = ? AND scope <> '*' AND deleted = 0 LIMIT 1")
            : db.prepare<[string, string], { scope: string }>("SELECT scope FROM centre_entries WHERE collection = ? AND id = ? AND scope = '*' AND deleted = 0");
        for (const write of writes) {
          if (write.value === null) continue;
          const other = clash.get(write.collection, write.id);
          if (other) throw new StorageConflictError(`${write.collection}/${write.id} is already published in scope ${other.scope}`);
        }
        if (writes.length > 0) {
          const upsert = upsertEntry();
          let seq = nextChangeSeqs(writes.length);
          for (const write of writes) {
            upsert.run(write.collection, scope, write.id, write.value, write.value === null ? 1 : 0, seq, at);
            seq += 1;
          }
        }
        return { put, deleted, unchanged };
      })
      .immediate();
  },

  async pull({ stationId, cursor, limit, fullRead = false }): Promise<PullPage> {
    return db.transaction((): PullPage => {
      const counters = new Map(db.prepare<[], { name: string; value: number }>('SELECT name, value FROM counters').all().map((r) => [r.name, r.value]));
      const max = counters.get('change_seq') ?? 0;
      const horizon = counters.get('tombstone_horizon') ?? 0;
      if (cursor > max || (!fullRead && cursor > 0 && cursor < horizon)) return { changes: [], cursor: 0, hasMore: true, reset: true };
      // Moved to another community since (migration 008): from a cursor, start over; from the start, done.
      const moved = db.prepare<[string], { pull_reset: number }>('SELECT pull_reset FROM stations WHERE id = ?').get(stationId)?.pull_reset === 1;
      if (moved && cursor > 0) return { changes: [], cursor: 0, hasMore: true, reset: true };
      if (moved) db.prepare('UPDATE stations SET pull_reset = 0 WHERE id = ?').run(stationId);
      const rows = db
        .prepare<[string, string, number, number], Omit<EntryRow, 'deleted'> & { deleted: number }>(
          // The district's scope, the station's community's (communityScope), the station's own.
          `SELECT collection, id, value, deleted, seq FROM centre_entries
           WHERE scope IN ('*', ?, (SELECT 'community:' || community_id FROM stations WHERE id = ?)) AND seq > ? ORDER BY seq LIMIT ?`,
        )
        .all(stationId, stationId, cursor, limit + 1);
      const page = rows.slice(0, limit).map((r) => toChange({ ...r, deleted: r.deleted === 1 }));
      const hasMore = rows.length > limit;
      // At the end of the feed the cursor moves to the newest change of any scope: everything up to it that
      // this station may see has been sent (same snapshot), and the cursor never lags behind the horizon.
      return { changes: page, cursor: hasMore ? rows[limit - 1]!.seq : max, hasMore, reset: false };
    })();
  },
});
