import type { Storage } from '../types.ts';
import type { PostgresConnection } from './connection.ts';

/**
 * Rate-limit windows shared by every server process (an unlogged table: see migration 004). One statement a
 * hit: the upsert starts a new window when the key's last one has ended and counts in the running one
 * otherwise, under the row lock, so hits from several processes at once are each counted once.
 */
export const postgresRateLimits = ({ pool }: PostgresConnection): Pick<Storage, 'hitRateLimit' | 'purgeRateLimits'> => ({
  async hitRateLimit({ key, windowMs, now }) {
    const { rows } = await pool.query<{ hits: number; resets_at: Date }>(
      `INSERT INTO rate_limits (key, hits, resets_at) VALUES ($1, 1, $3)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN rate_limits.resets_at <= $2 THEN 1 ELSE rate_limits.hits + 1 END,
         resets_at = CASE WHEN rate_limits.resets_at <= $2 THEN excluded.resets_at ELSE rate_limits.resets_at END
       RETURNING hits, resets_at`,
      [key, now, new Date(now.getTime() + windowMs)],
    );
    return { hits: rows[0]!.hits, resetsAt: rows[0]!.resets_at };
  },

  async purgeRateLimits({ before }) {
    return (await pool.query('DELETE FROM rate_limits WHERE resets_at < $1', [before])).rowCount ?? 0;
  },
});
