import type { OutboxEntry, YizhanDb } from './db.ts';

const PUSHED_KEY = 'outbox.pushedSeq';

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
