import type { KioskRecord } from '@protocol/records.ts';
import { kioskTables, type OutboxEntry, tableOfKind, type YizhanDb } from './db.ts';
import { pushedSeq } from './outbox.ts';

/**
 * Which station the tablet's records belong to (the rule: sync/protocol/README.md, "Which station a record
 * belongs to"). The enrolment row names the station the tablet is enrolled as; its token lives in the shell's
 * vault. Before the first enrolment there is no row, and records carry the station the tablet supposed itself
 * to be; enrolling claims every record still waiting for the station it turned out to be.
 */
export const ENROLMENT_KEY = 'sync.credentials';

/** The enrolment row. `token`: only in kiosks from before the vault (sync-store moves it out). */
export interface EnrolmentRow {
  stationId: string;
  /** The centre it enrolled with. */
  server?: string;
  token?: string;
}

/** The station the tablet is enrolled as, or null; inside a transaction over db.meta, as that transaction sees it. */
export const enrolledStationId = async (db: YizhanDb): Promise<string | null> => {
  const row = (await db.meta.get(ENROLMENT_KEY))?.value as Partial<EnrolmentRow> | undefined;
  return typeof row?.stationId === 'string' ? row.stationId : null;
};

/** The tables an enrolment writes: its row, and the waiting records it claims. */
export const enrolmentTables = (db: YizhanDb) => [db.meta, db.outbox, ...kioskTables(db)];

/**
 * Stamps every record still waiting in the outbox (above the pushed mark) with `stationId`, in the outbox and
 * in its table; records the centre acknowledged are never touched. Run it in a transaction over
 * enrolmentTables, with the enrolment row's write. Returns how many records changed hands.
 */
export const claimWaitingRecords = async (db: YizhanDb, stationId: string): Promise<number> => {
  const waiting = await db.outbox.where('seq').above(await pushedSeq(db)).toArray();
  const claimed: OutboxEntry[] = waiting
    .filter((entry) => entry.record.stationId !== stationId)
    .map((entry) => ({ ...entry, record: { ...entry.record, stationId } as KioskRecord }));
  if (claimed.length === 0) return 0;
  await db.outbox.bulkPut(claimed);
  for (const kind of new Set(claimed.map((entry) => entry.kind))) {
    const table = tableOfKind(db, kind);
    const rows = await table.bulkGet(claimed.filter((entry) => entry.kind === kind).map((entry) => entry.id));
    await table.bulkPut(rows.filter((row) => row !== undefined).map((row) => ({ ...row, stationId })));
  }
  return claimed.length;
};
