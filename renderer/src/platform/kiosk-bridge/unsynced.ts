import type { UnsyncedExport } from '@shell/bridge.ts';
import type { YizhanDb } from '../../store/db.ts';
import { pushedSeq, readBatch } from '../../store/outbox.ts';

/**
 * Everything in the outbox above the pushed high-water mark: the records the server has not acknowledged,
 * read in key order in batches (a key-range read, never a scan of the whole log).
 */
export const exportUnsynced = async (db: YizhanDb, stationId: string | null, now: Date = new Date(), batch = 1000): Promise<UnsyncedExport> => {
  const mark = await pushedSeq(db);
  const records: UnsyncedExport['records'] = [];
  let after = mark;
  for (;;) {
    const rows = await readBatch(db, batch, after);
    for (const row of rows) {
      if (row.seq === undefined) continue;
      records.push({ seq: row.seq, kind: row.kind, id: row.id, record: row.record as unknown as Record<string, unknown> });
      after = row.seq;
    }
    if (rows.length < batch) break;
  }
  return { format: 'yizhan-unsynced-v1', exportedAt: now.toISOString(), stationId, pushedSeq: mark, records };
};
