import { CLOCK_SKEW_FLAG_MS } from '@protocol/records.ts';
import type { YizhanDb } from './db.ts';

/** The tablet's clock minus the server's (ms), as the sync engine last measured it. */
const KEY = 'sync.clockOffsetMs';

export const saveClockOffset = async (db: YizhanDb, offsetMs: number): Promise<void> => {
  await db.meta.put({ key: KEY, value: offsetMs });
};

/**
 * What a record made now says about the clock: the measured offset when it is past the flag's threshold, else
 * nothing. Read inside the record's own transaction (it needs db.meta in its scope).
 */
export const clockSkewOfNewRecord = async (db: YizhanDb): Promise<{ clockSkewMs?: number }> => {
  const offset = (await db.meta.get(KEY))?.value;
  return typeof offset === 'number' && Math.abs(offset) > CLOCK_SKEW_FLAG_MS ? { clockSkewMs: offset } : {};
};
