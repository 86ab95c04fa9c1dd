import { afterEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../../tests/support/render-screen.tsx';
import { MAX_RECORD_BYTES } from '@protocol/limits.ts';
import { commitRecord, RecordTooLargeError, StorageFullError } from './commit.ts';
import type { YizhanDb } from './db.ts';
import { markPushed, pushedSeq, readBatch, waitingCount } from './outbox.ts';
import { saveClockOffset } from './clock-offset.ts';
import { CLOCK_SKEW_FLAG_MS } from '@protocol/records.ts';

let db: YizhanDb;
afterEach(async () => {
  await db?.delete();
});

const visit = () => ({ kind: 'visit' as const, who: 'resident' as const, purpose: 'seniors' });

describe('commitRecord', () => {
  it('writes the record and its outbox entry, with a tablet-made UUIDv7 and time', async () => {
    db = await freshDb();
    const now = new Date('2026-11-27T10:00:00+08:00');
    const record = await commitRecord(db, 'visit', 'demo-station', visit, now);
    expect(record).toMatchObject({ kind: 'visit', stationId: 'demo-station', at: now.toISOString(), v: 1 });
    expect(record.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(await db.visits.get(record.id)).toMatchObject({ ...record, day: '2026-11-27' });
    expect(await db.outbox.toArray()).toEqual([{ seq: 1, kind: 'visit', id: record.id, record }]);
  });

  it('stamps the station the tablet is enrolled as, decided in the transaction that writes the record', async () => {
    db = await freshDb();
    // The screen still knows only the configured station: the enrolment stored a moment ago is what counts.
    const before = await commitRecord(db, 'visit', 'xingfuli-01', visit);
    await db.meta.put({ key: 'sync.credentials', value: { stationId: 'xingfuli-02' } });
    const after = await commitRecord(db, 'visit', 'xingfuli-01', visit);
    expect(before.stationId).toBe('xingfuli-01');
    expect(after.stationId).toBe('xingfuli-02');
    expect((await db.outbox.get(2))?.record.stationId).toBe('xingfuli-02');
    expect((await db.visits.get(after.id))?.stationId).toBe('xingfuli-02');
  });

  it('writes nothing when the record is invalid', async () => {
    db = await freshDb();
    await expect(commitRecord(db, 'visit', 'demo-station', () => ({ ...visit(), who: 'alien' as 'resident' }))).rejects.toThrow();
    expect(await db.visits.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses a record heavier than the cap, so nothing can sit in the outbox that no push could carry', async () => {
    db = await freshDb();
    // Schema-valid: the schemas bound every field but a timestamp's fraction of a second.
    const consentAt = `2026-11-27T10:00:00.${'1'.repeat(40_000)}+08:00`;
    const heavy = () =>
      commitRecord(db, 'visit', 'demo-station', async (ctx) => ({ ...visit(), purpose: `seniors-${await ctx.nextInDay('probe')}`, contact: { name: '王阿姨', consentAt } }));
    const refusal = await heavy().catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(RecordTooLargeError);
    expect((refusal as RecordTooLargeError).bytes).toBeGreaterThan(MAX_RECORD_BYTES);
    expect(await db.visits.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.meta.filter((m) => m.key.startsWith('counter:probe')).count()).toBe(0);
    // 2,000 Chinese characters are 6 kB: well under the cap.
    await commitRecord(db, 'device-event', 'demo-station', () => ({ kind: 'device-event', type: 'probe', detail: '驿'.repeat(2_000) }));
    expect(await db.outbox.count()).toBe(1);
  });

  it('turns a full disk into StorageFullError and leaves no half-written record', async () => {
    db = await freshDb();
    db.outbox.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(commitRecord(db, 'visit', 'demo-station', visit)).rejects.toBeInstanceOf(StorageFullError);
    expect(await db.visits.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('allocates per-day counters inside the transaction, restarting each day', async () => {
    db = await freshDb();
    const queue = async (at: string) =>
      (await commitRecord(db, 'referral', 's', async (ctx) => ({ kind: 'referral', serviceId: 'x', queueNo: `A${String(await ctx.nextInDay('queue')).padStart(3, '0')}` }), new Date(at))).queueNo;
    expect(await queue('2026-11-27T09:00:00+08:00')).toBe('A001');
    expect(await queue('2026-11-27T09:05:00+08:00')).toBe('A002');
    expect(await queue('2026-11-28T09:00:00+08:00')).toBe('A001');
  });

  it('keeps a counter consistent when a commit fails after allocating', async () => {
    db = await freshDb();
    const failing = commitRecord(db, 'referral', 's', async (ctx) => ({ kind: 'referral', serviceId: 'x', queueNo: `bad${await ctx.nextInDay('queue')}` }));
    await expect(failing).rejects.toThrow();
    const ok = await commitRecord(db, 'referral', 's', async (ctx) => ({ kind: 'referral', serviceId: 'x', queueNo: `A${String(await ctx.nextInDay('queue')).padStart(3, '0')}` }));
    expect(ok.queueNo).toBe('A001');
  });
});

describe('outbox', () => {
  it('is drained by key range above a high-water mark that only moves forward', async () => {
    db = await freshDb();
    for (let i = 0; i < 5; i += 1) await commitRecord(db, 'visit', 's', visit);
    expect(await waitingCount(db)).toBe(5);
    const batch = await readBatch(db, 3);
    expect(batch.map((e) => e.seq)).toEqual([1, 2, 3]);
    await markPushed(db, 3);
    expect(await waitingCount(db)).toBe(2);
    await markPushed(db, 2);
    expect(await pushedSeq(db)).toBe(3);
    expect((await readBatch(db, 10)).map((e) => e.seq)).toEqual([4, 5]);
    expect(await db.outbox.count()).toBe(5);
  });

  it('flags a record made while the last sync found the tablet\'s clock off by more than 5 minutes, with that offset', async () => {
    db = await freshDb();
    const plain = await commitRecord(db, 'visit', 's', visit);
    expect(plain).not.toHaveProperty('clockSkewMs');
    await saveClockOffset(db, 12 * 3_600_000);
    expect(await commitRecord(db, 'visit', 's', visit)).toMatchObject({ clockSkewMs: 12 * 3_600_000 });
    await saveClockOffset(db, -(CLOCK_SKEW_FLAG_MS + 1));
    expect(await commitRecord(db, 'visit', 's', visit)).toMatchObject({ clockSkewMs: -(CLOCK_SKEW_FLAG_MS + 1) });
    await saveClockOffset(db, 4_000);
    expect(await commitRecord(db, 'visit', 's', visit)).not.toHaveProperty('clockSkewMs');
    expect((await readBatch(db, 10)).map((e) => e.record.clockSkewMs)).toEqual([undefined, 12 * 3_600_000, -(CLOCK_SKEW_FLAG_MS + 1), undefined]);
  });

  it('keeps the order things happened in through clock jumps: the outbox is keyed by seq, not by time or id', async () => {
    db = await freshDb();
    // A dead clock battery boots in 2000, then in 1970; NTP puts it right; the same tablet, one record each.
    const clocks = ['2026-11-27T10:00:00+08:00', '2000-01-01T08:00:00+08:00', '1970-01-01T08:00:05+08:00', '2026-11-27T10:05:00+08:00'];
    const made = [];
    for (const at of clocks) made.push(await commitRecord(db, 'visit', 's', visit, new Date(at)));
    const batch = await readBatch(db, 10);
    expect(batch.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(batch.map((e) => e.id)).toEqual(made.map((r) => r.id));
    expect(batch.map((e) => e.record.at)).toEqual(clocks.map((at) => new Date(at).toISOString()));
    await markPushed(db, 2);
    expect((await readBatch(db, 10)).map((e) => e.id)).toEqual(made.slice(2).map((r) => r.id));
  });
});
