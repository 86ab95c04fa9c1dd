import { newId } from '@protocol/ids.ts';
import { jsonBytes, MAX_RECORD_BYTES } from '@protocol/limits.ts';
import { type KioskRecord, kioskRecordSchema, RECORD_SCHEMA_VERSION } from '@protocol/records.ts';
import { dayKey } from '@protocol/time.ts';
import { tableOfKind, type YizhanDb } from './db.ts';
import { clockSkewOfNewRecord } from './clock-offset.ts';
import { enrolledStationId } from './station-claim.ts';

type Envelope = 'id' | 'stationId' | 'at' | 'v';
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** What a screen supplies; the store adds the id, station, time and schema version. */
export type Draft<K extends KioskRecord['kind']> = DistributiveOmit<Extract<KioskRecord, { kind: K }>, Envelope>;

export interface CommitContext {
  day: string;
  /** The next number of a per-day counter (1, 2, 3 …), allocated in the same transaction as the record. */
  nextInDay(counter: string): Promise<number>;
}

/** The device is out of storage: nothing of the record was written. */
export class StorageFullError extends Error {
  constructor(cause: unknown) {
    super('storage-full', { cause });
    this.name = 'StorageFullError';
  }
}

/** The record weighs more than any record may (MAX_RECORD_BYTES): nothing of it was written. */
export class RecordTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(`record-too-large: ${bytes} bytes, at most ${MAX_RECORD_BYTES}`);
    this.name = 'RecordTooLargeError';
  }
}

export const isQuotaError = (error: unknown): boolean => {
  for (let e: unknown = error; e instanceof Error; e = (e as { inner?: unknown }).inner ?? e.cause) {
    if (e.name === 'QuotaExceededError') return true;
  }
  return false;
};

/**
 * Writes one kiosk-born record and its outbox entry in one transaction: either both are on disk or neither.
 * The record is validated against the shared schema first, so nothing malformed ever reaches the outbox, and
 * weighed, so nothing reaches it that no push could carry (RecordTooLargeError).
 *
 * `stationId` is the station the tablet supposes it is until it enrols (its configured one); once enrolled,
 * the record is the enrolled station's, read in this same transaction (station-claim.ts).
 */
export const commitRecord = async <K extends KioskRecord['kind']>(
  db: YizhanDb,
  kind: K,
  stationId: string,
  build: (ctx: CommitContext) => Draft<K> | Promise<Draft<K>>,
  now: Date = new Date(),
): Promise<Extract<KioskRecord, { kind: K }>> => {
  const table = tableOfKind(db, kind);
  const day = dayKey(now);
  const ctx: CommitContext = {
    day,
    async nextInDay(counter) {
      const key = `counter:${counter}:${day}`;
      const current = (await db.meta.get(key))?.value;
      const next = (typeof current === 'number' ? current : 0) + 1;
      await db.meta.put({ key, value: next });
      return next;
    },
  };
  try {
    return await db.transaction('rw', [table, db.outbox, db.meta], async () => {
      const draft = await build(ctx);
      const station = (await enrolledStationId(db)) ?? stationId;
      const record = kioskRecordSchema.parse({
        ...draft,
        kind,
        id: newId(),
        stationId: station,
        at: now.toISOString(),
        ...(await clockSkewOfNewRecord(db)),
        v: RECORD_SCHEMA_VERSION,
      }) as Extract<KioskRecord, { kind: K }>;
      const bytes = jsonBytes(record);
      if (bytes > MAX_RECORD_BYTES) throw new RecordTooLargeError(bytes);
      await table.add({ ...record, day });
      await db.outbox.add({ kind, id: record.id, record });
      return record;
    });
  } catch (error) {
    if (isQuotaError(error)) throw new StorageFullError(error);
    throw error;
  }
};
