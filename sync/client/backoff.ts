export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 2_000, capMs: 10 * 60_000 };

/**
 * "Full jitter" (AWS architecture blog, Exponential Backoff and Jitter): a uniformly random wait between 0 and
 * the capped exponential. A hundred stations retrying a restarted server spread out instead of arriving together.
 */
export const fullJitterDelay = (attempt: number, policy: BackoffPolicy = defaultBackoff, random: () => number = Math.random): number => {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
};

/** Retry-After as seconds or an HTTP date, in milliseconds from `now`; null when absent or unreadable. */
export const parseRetryAfter = (value: string | null | undefined, now: number = Date.now()): number | null => {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Only an HTTP date ("Fri, 27 Nov 2026 10:00:30 GMT"): Date.parse would also read "-5" as a year.
  if (!/^[A-Za-z]{3}, /.test(trimmed)) return null;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(date - now, 0);
};
