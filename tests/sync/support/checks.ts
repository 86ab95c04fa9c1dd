import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import type { MemorySyncStore } from '../../../sync/client/testing/memory-store.ts';
import { type Catalogue, catalogueSchema } from '../../../sync/protocol/catalogue.ts';
import type { KioskRecord } from '../../../sync/protocol/records.ts';
import type { DeadLetterReason } from '../../../sync/protocol/wire.ts';
import { centreTruth, ROOT, type TestDb } from './server.ts';

/** The shipped demo catalogue, re-addressed to another station (its notices and settings get that station's ids). */
export const catalogueFor = async (stationId: string, changes: Partial<Catalogue['station']> = {}): Promise<Catalogue> => {
  const demo = catalogueSchema.parse(JSON.parse(await readFile(`${ROOT}assets/demo/catalogue.json`, 'utf8')));
  return { ...demo, station: { ...demo.station, stationId, demo: false, ...changes }, notices: demo.notices.map((n) => ({ ...n, id: `${stationId}-${n.id}` })) };
};

interface RecordRow {
  id: string;
  epoch: string;
  seq: number | string;
  payload: string;
  received_at: string | Date;
}

/**
 * Exactly once, read from the server's database: every valid record stored once (count, distinct ids, the same
 * payload), none missing, none extra; the dead letters are exactly the expected ones, each once; the station's
 * epoch applied up to the outbox's last seq.
 */
export const expectExactlyOnce = async (
  db: TestDb,
  stationId: string,
  expected: { valid: readonly KioskRecord[]; dead: ReadonlyMap<string, DeadLetterReason>; outboxLength: number; epochs?: number },
  receivedWithin?: { from: number; to: number },
) => {
  const [counts] = await db.query<{ n: number | string; d: number | string }>('SELECT count(*) AS n, count(DISTINCT id) AS d FROM records WHERE station_id = ?', [stationId]);
  expect(Number(counts!.n), `${stationId}: records stored`).toBe(expected.valid.length);
  expect(Number(counts!.d), `${stationId}: distinct ids`).toBe(expected.valid.length);

  const rows = await db.query<RecordRow>('SELECT id, epoch, seq, payload, received_at FROM records WHERE station_id = ?', [stationId]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = expected.valid.filter((r) => !byId.has(r.id));
  expect(missing.map((r) => r.id), `${stationId}: records lost`).toEqual([]);
  for (const record of expected.valid) {
    const row = byId.get(record.id)!;
    expect(JSON.parse(row.payload), `${stationId}: payload of ${record.id}`).toEqual(record);
    if (receivedWithin) {
      // The server keeps its own receive time, whatever the tablet's clock said.
      const received = new Date(row.received_at).getTime();
      expect(received, `${stationId}: received_at of ${record.id}`).toBeGreaterThanOrEqual(receivedWithin.from - 1_000);
      expect(received).toBeLessThanOrEqual(receivedWithin.to + 1_000);
    }
  }

  const dead = await db.query<{ record_id: string | null; reason: string }>('SELECT record_id, reason FROM dead_letters WHERE station_id = ?', [stationId]);
  expect(dead.length, `${stationId}: dead letters`).toBe(expected.dead.size);
  expect(new Map(dead.map((d) => [d.record_id, d.reason]))).toEqual(new Map(expected.dead));

  const state = await db.query<{ epoch: string; applied_seq: number | string }>('SELECT epoch, applied_seq FROM push_state WHERE station_id = ?', [stationId]);
  expect(state.length, `${stationId}: epochs`).toBe(expected.epochs ?? 1);
  expect(Math.max(...state.map((s) => Number(s.applied_seq))), `${stationId}: applied seq`).toBe(expected.outboxLength);
};

/** The station's centre data as the kiosk holds it equals what the server has live for it. */
export const expectCentreEqual = async (db: TestDb, stationId: string, store: MemorySyncStore) => {
  const truth = await centreTruth(db.storage, stationId);
  expect(truth.size, `${stationId}: centre entries on the server`).toBeGreaterThan(0);
  expect(new Map([...store.centre].sort()), `${stationId}: the kiosk's centre data`).toEqual(new Map([...truth].sort()));
  return truth;
};
