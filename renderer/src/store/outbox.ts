import type { OutboxEntry, YizhanDb } from './db.ts';

const PUSHED_KEY = 'outbox.pushedSeq';
/**
 * The pushed mark as it stood when a pull last finished. A round pushes, then pulls, so what the centre published
 * in that pull (a request's status, for one) already reflects every entry at or below it.
 */
const REFLECTED_KEY = 'outbox.reflectedSeq';

/** The highest outbox seq the server has acknowledged; everything above it is waiting. */
export const pushedSeq = async (db: YizhanDb): Promise<number> => {
  const value = (await db.meta.get(PUSHED_KEY))?.value;
  return typeof value === 'number' ? value : 0;
};

export const waitingCount = async (db: YizhanDb): Promise<number> =>
  db.outbox.where('seq').above(await pushedSeq(db)).count();

/** The next batch to push: a key-range read above the high-water mark, in the order records were made. */
export const readBatch = async (db: YizhanDb, limit: number, after?: number): Promise<OutboxEntry[]> =>
  db.outbox.where('seq').above(after ?? (await pushedSeq(db))).limit(limit).toArray();

/** Moves the high-water mark forward after an acknowledgement; never backward, so a late ack is harmless. */
export const markPushed = async (db: YizhanDb, seq: number): Promise<void> => {
  await db.transaction('rw', db.meta, async () => {
    if (seq > (await pushedSeq(db))) await db.meta.put({ key: PUSHED_KEY, value: seq });
  });
};

/** Called in the transaction that applies a pull's last page (sync-store.ts applyPull). */
export const markReflected = async (db: YizhanDb): Promise<void> => {
  await db.meta.put({ key: REFLECTED_KEY, value: await pushedSeq(db) });
};

/**
 * This tablet's records the centre's published state cannot reflect yet: waiting to be pushed, or pushed since the
 * last pull. Picked by their place in the outbox, not by time: the tablet's clock may be off from the centre's.
 * (The pushed mark falls back when the server asks for the log again, and everything above it counts again.)
 */
export const unreflectedIds = async (db: YizhanDb, kind: OutboxEntry['kind']): Promise<Set<string>> => {
  const reflected = (await db.meta.get(REFLECTED_KEY))?.value;
  const mark = Math.min(typeof reflected === 'number' ? reflected : 0, await pushedSeq(db));
  const entries = await db.outbox.where('seq').above(mark).toArray();
  return new Set(entries.filter((entry) => entry.kind === kind).map((entry) => entry.id));
};
