import type { Storage } from '../types.ts';
import type { SqliteConnection } from './connection.ts';

/**
 * Rate-limit windows in the database, like every other state that must outlive a request. One statement a hit:
 * the upsert starts a new window when the key's last one has ended, and counts in the running one otherwise.
 */
export const sqliteRateLimits = ({ db }: SqliteConnection): Pick<Storage, 'hitRateLimit' | 'purgeRateLimits'> => ({
  async hitRateLimit({ key, windowMs, now }) {
    const row = db
      .prepare<[{ key: string; now: string; resetsAt: string }], { hits: number; resets_at: string }>(
        `INSERT INTO rate_limits (key, hits, resets_at) VALUES (@key, 1, @resetsAt)
         ON CONFLICT (key) DO UPDATE SET
           hits = CASE WHEN rate_limits.resets_at <= @now THEN 1 ELSE rate_limits.hits + 1 END,
           resets_at = CASE WHEN rate_limits.resets_at <= @now THEN excluded.resets_at ELSE rate_limits.resets_at END
         RETURNING hits, resets_at`,
      )
      .get({ key, now: now.toISOString(), resetsAt: new Date(now.getTime() + windowMs).toISOString() });
    return { hits: row!.hits, resetsAt: new Date(row!.resets_at) };
  },

  async purgeRateLimits({ before }) {
    return db.prepare('DELETE FROM rate_limits WHERE resets_at < ?').run(before.toISOString()).changes;
  },
});
