import type Database from 'better-sqlite3';
import type { Storage } from '../types.ts';
import type { SqliteConnection } from './connection.ts';

/**
 * Rate-limit windows in the database, like every other state that must outlive a request, on the connection that
 * waits for no fsync (a window lost in a power cut forgives a minute of requests; an fsync for every request
 * would cost more than serving it). One statement a hit: the upsert starts a new window when the key's last one
 * has ended, and counts in the running one otherwise.
 */
export const sqliteRateLimits = ({ volatile: db }: SqliteConnection): Pick<Storage, 'hitRateLimit' | 'purgeRateLimits'> => {
  // Prepared on first use (after the migrations made the table), once: compiling costs more than running it.
  let hit: Database.Statement<[{ key: string; now: string; resetsAt: string }], { hits: number; resets_at: string }> | undefined;
  return {
    async hitRateLimit({ key, windowMs, now }) {
      hit ??= db.prepare(
        `INSERT INTO rate_limits (key, hits, resets_at) VALUES (@key, 1, @resetsAt)
         ON CONFLICT (key) DO UPDATE SET
           hits = CASE WHEN rate_limits.resets_at <= @now THEN 1 ELSE rate_limits.hits + 1 END,
           resets_at = CASE WHEN rate_limits.resets_at <= @now THEN excluded.resets_at ELSE rate_limits.resets_at END
         RETURNING hits, resets_at`,
      );
      const row = hit.get({ key, now: now.toISOString(), resetsAt: new Date(now.getTime() + windowMs).toISOString() })!;
      return { hits: row.hits, resetsAt: new Date(row.resets_at) };
    },

    async purgeRateLimits({ before }) {
      return db.prepare('DELETE FROM rate_limits WHERE resets_at < ?').run(before.toISOString()).changes;
    },
  };
};
