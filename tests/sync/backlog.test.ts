import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { isSynced } from '../../sync/client/engine.ts';
import { hasPersonalFields } from '../../sync/protocol/personal.ts';
import type { KioskRecord } from '../../sync/protocol/records.ts';
import { publishCatalogue } from '../../sync/server/publish.ts';
import { freePort } from '../../sync/server/testing/postgres.ts';
import { commitRecord } from '../../renderer/src/store/commit.ts';
import { YizhanDb } from '../../renderer/src/store/db.ts';
import { seedDemoIfEmpty } from '../../renderer/src/store/seed.ts';
import { DexieSyncStore } from '../../renderer/src/store/sync-store.ts';
import { memoryTokenVault } from '../../renderer/src/sync/token-vault.ts';
import { submitRequest } from '../../renderer/src/screens/requests/submit-request.ts';
import { catalogueFor } from './support/checks.ts';
import { kioskEngine, waitFor } from './support/kiosk-engine.ts';
import { seeded } from './support/random.ts';
import { enrolStation, listen, openTestDb, type RunningServer, type TestDb } from './support/server.ts';

/**
 * One busy station's month offline (about 10,000 records: visits, referrals with bills, requests with their
 * events, feedback, amenity uses, spread over 30 days), written by the app's own code into the real
 * DexieSyncStore (over fake-indexeddb), drains when the server appears: every record arrives once, nothing
 * waits, the engine says synced, and personal fields are gone on the tablet only where the server acknowledged
 * the record and the station's retention has passed, and then the record's outbox entry is pruned.
 *
 * SYNC_SEED replays a run; SYNC_BACKLOG_RECORDS sets the size (default 10,000).
 */
// Sorts after the shipped 'demo-station', as most real station ids do: the kiosk reads its settings with first().
const STATION = 'xingfu-east';
const TOTAL = Number(process.env.SYNC_BACKLOG_RECORDS ?? 10_000);
const DAYS = 30;
const RETENTION_DAYS = 14;
const DAY = 86_400_000;

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step().catch((e: unknown) => console.warn('cleanup', e));
  cleanup = [];
});

const NAMES = ['王阿姨', '李师傅', '张大爷', '陈女士'];

describe('a 30-day offline backlog', () => {
  it(`drains ${TOTAL} records from the Dexie outbox once the server appears`, async () => {
    const { seed, random } = seeded('backlog');
    console.info(`[sync] backlog: seed ${seed} (SYNC_SEED to replay), ${TOTAL} records over ${DAYS} days, retention ${RETENTION_DAYS} days`);
    const now = Date.now();

    // Day 0: the technician enrols the tablet; the centre publishes the station's catalogue; then the line dies.
    const db: TestDb = await openTestDb('sqlite');
    cleanup.push(() => db.close());
    const port = await freePort();
    let server: RunningServer = await listen(db, {}, port);
    const credentials = await enrolStation(db.storage, server.url, STATION);
    await publishCatalogue(db.storage, await catalogueFor(STATION, { retentionDays: RETENTION_DAYS, demo: false }), 'station', new Date());
    await server.close();

    // The tablet started on the shipped demo data, as every kiosk does (main.tsx), and was enrolled.
    const local = new YizhanDb(`backlog-${now}`);
    cleanup.push(async () => {
      local.close();
      await local.delete();
    });
    await seedDemoIfEmpty(local, new Date(now - DAYS * DAY));
    const store = new DexieSyncStore(local, memoryTokenVault());
    await store.setCredentials(credentials);

    // A month of records, in time order, each through the app's own write path with its own `now`.
    const writeStarted = Date.now();
    const contact = (at: Date) => (random.chance(0.25) ? { contact: { name: random.pick(NAMES), phone: `139${String(random.int(0, 99_999_999)).padStart(8, '0')}`, consentAt: at.toISOString() } } : {});
    const open: string[] = [];
    const step = (DAYS * DAY) / TOTAL;
    let written = 0;
    for (let i = 0; written < TOTAL; i += 1) {
      const at = new Date(now - DAYS * DAY + i * step + random.int(0, Math.floor(step / 2)));
      const roll = random();
      if (roll < 0.45) {
        await commitRecord(local, 'visit', STATION, () => ({ kind: 'visit', who: random.pick(['resident', 'nearby', 'visitor'] as const), purpose: random.pick(['bills', 'health', 'seniors']), ...contact(at) }), at);
        written += 1;
      } else if (roll < 0.6) {
        await commitRecord(
          local,
          'referral',
          STATION,
          async (ctx) => ({
            kind: 'referral',
            serviceId: 'water-bill',
            queueNo: `A${String((await ctx.nextInDay('queue')) % 1000).padStart(3, '0')}`,
            ...(random.chance(0.4) ? { bill: { utility: random.pick(['water', 'electricity', 'gas'] as const), account: String(random.int(10_000_000, 99_999_999)) } } : {}),
            ...contact(at),
          }),
          at,
        );
        written += 1;
      } else if (roll < 0.7 && written + 2 <= TOTAL) {
        const { request } = await submitRequest(local, STATION, { requestKind: random.pick(['wish', 'complaint', 'dream'] as const), category: 'seniors', phrases: ['repair'], ...contact(at) }, at);
        open.push(request.id);
        written += 2;
      } else if (roll < 0.73 && open.length > 0) {
        const requestId = open.splice(random.int(0, open.length - 1), 1)[0]!;
        await commitRecord(local, 'request-event', STATION, () => ({ kind: 'request-event', requestId, type: 'cancel', actor: 'resident' }), at);
        written += 1;
      } else if (roll < 0.85) {
        await commitRecord(local, 'feedback', STATION, () => ({ kind: 'feedback', rating: random.int(1, 5) }), at);
        written += 1;
      } else {
        await commitRecord(local, 'amenity-use', STATION, () => ({ kind: 'amenity-use', amenityId: random.pick(['umbrella', 'charger', 'hot-water']), action: random.pick(['use', 'lend', 'return'] as const) }), at);
        written += 1;
      }
    }
    const writeMs = Date.now() - writeStarted;
    const outbox = await local.outbox.orderBy('seq').toArray();
    expect(outbox).toHaveLength(TOTAL);
    expect(outbox.at(-1)!.seq).toBe(TOTAL);
    const personalBefore = outbox.filter((e) => hasPersonalFields(e.record)).length;

    // The centre is down: the engine tries, says so calmly, and nothing is purged (nothing is acknowledged).
    const { engine } = kioskEngine({ store, baseUrl: `http://127.0.0.1:${port}/`, credentials, random, timeoutMs: 2_000 });
    cleanup.push(async () => engine.stop());
    const phases = new Set<string>();
    engine.subscribe((s) => phases.add(s.phase));
    engine.start();
    await waitFor('the engine to notice the centre does not answer', () => engine.getState().phase === 'unreachable', { timeoutMs: 10_000, states: () => [engine.getState()] });
    expect(engine.getState().waiting).toBe(TOTAL);
    expect(isSynced(engine.getState())).toBe(false);
    expect(await store.purgePersonal(new Date())).toBe(0);

    // The server appears (same address) and the engine, backing off, finds it.
    const drainStarted = Date.now();
    server = await listen(db, {}, port);
    cleanup.push(() => server.close());
    await waitFor('the backlog to drain', () => isSynced(engine.getState()), { timeoutMs: 120_000, states: () => [engine.getState()], everyMs: 100 });
    const drainMs = Date.now() - drainStarted;
    engine.stop();
    console.info(`[sync] backlog: wrote ${TOTAL} records in ${(writeMs / 1000).toFixed(1)} s (fake-indexeddb); drained in ${(drainMs / 1000).toFixed(1)} s (${Math.round(TOTAL / (drainMs / 1000))} records/s)`);

    expect(engine.getState()).toMatchObject({ phase: 'idle', waiting: 0, firstPullDone: true, deadLetters: 0 });
    expect(phases).toContain('unreachable');
    expect(await store.waitingCount()).toBe(0);
    expect(await store.pushedSeq()).toBe(TOTAL);

    // The server: each record once, as the tablet wrote it (personal fields included: the district's own
    // retention is longer), received now, not when the tablet made it.
    const [counts] = await db.query<{ n: number; d: number }>('SELECT count(*) AS n, count(DISTINCT id) AS d FROM records WHERE station_id = ?', [STATION]);
    expect(counts).toEqual({ n: TOTAL, d: TOTAL });
    const [state] = await db.query<{ applied_seq: number }>('SELECT applied_seq FROM push_state WHERE station_id = ?', [STATION]);
    expect(state!.applied_seq).toBe(TOTAL);
    const stored = new Map((await db.storage.listRecords(STATION)).map((r) => [r.id, r]));
    for (const entry of outbox) {
      const row = stored.get(entry.id);
      expect(row, `record ${entry.seq} on the server`).toBeDefined();
      expect(row!.payload).toEqual(entry.record);
      expect(row!.receivedAt.getTime()).toBeGreaterThanOrEqual(drainStarted - 1_000);
    }
    expect(await db.storage.listDeadLetters(STATION)).toEqual([]);

    // The centre's data replaced the shipped demo catalogue: one station, this one, with its retention.
    expect((await local.settings.toArray()).map((s) => s.stationId)).toEqual([STATION]);
    expect((await local.settings.toCollection().first())?.retentionDays).toBe(RETENTION_DAYS);

    // On the tablet: personal fields gone exactly from acknowledged records older than the retention, and those
    // records' outbox entries pruned (all acknowledged), while every record stays in its table for the screens.
    const cutoff = Date.now() - RETENTION_DAYS * DAY;
    const after = new Map((await local.outbox.orderBy('seq').toArray()).map((entry) => [entry.seq!, entry]));
    let purged = 0;
    let kept = 0;
    let pruned = 0;
    for (const before of outbox) {
      const old = Date.parse(before.record.at) <= cutoff - 60_000;
      const young = Date.parse(before.record.at) > cutoff + 60_000;
      const entry = after.get(before.seq!);
      if (old) {
        expect(entry, `outbox ${before.seq} (${before.record.at}) pruned`).toBeUndefined();
        pruned += 1;
      } else if (young) expect(entry?.record, `outbox ${before.seq} (${before.record.at}) kept`).toEqual(before.record);
      const row = await local.table(tableName(before.kind)).get(before.id);
      expect(row, `${before.kind} ${before.id} still on the tablet`).toBeDefined();
      if (!hasPersonalFields(before.record)) continue;
      if (old) {
        expect(hasPersonalFields(row), `${before.kind} ${before.id} purged`).toBe(false);
        purged += 1;
      } else if (young) {
        expect(hasPersonalFields(row)).toBe(true);
        kept += 1;
      }
    }
    console.info(`[sync] backlog: ${pruned} acknowledged outbox entries older than ${RETENTION_DAYS} days pruned, ${after.size} held`);
    expect(pruned).toBeGreaterThan(TOTAL / 3);
    expect(after.size).toBeLessThan(TOTAL - pruned + 10);
    console.info(`[sync] backlog: ${personalBefore} records with personal fields; ${purged} purged (older than ${RETENTION_DAYS} days), ${kept} kept`);
    expect(purged).toBeGreaterThan(100);
    expect(kept).toBeGreaterThan(100);
  });

  // A tablet whose clock once ran years ahead (then was corrected) leaves one record dated years in the future:
  // it must not shield every later record's names and phones until that date comes.
  it('purges acknowledged old records even after a record from a clock that ran years ahead', async () => {
    const local = new YizhanDb(`backlog-skew-${Date.now()}`);
    cleanup.push(async () => {
      local.close();
      await local.delete();
    });
    await seedDemoIfEmpty(local);
    await local.settings.toCollection().modify({ retentionDays: RETENTION_DAYS });
    const station = (await local.settings.toCollection().first())!.stationId;
    const now = Date.now();
    const visit = (at: number) =>
      commitRecord(local, 'visit', station, () => ({ kind: 'visit', who: 'resident', purpose: 'health', contact: { name: '王阿姨', phone: '13812345678', consentAt: new Date(at).toISOString() } }), new Date(at));
    // 30 days ago the clock said three years later; a technician set it right the next day.
    await visit(now - 30 * DAY + 3 * 365 * DAY);
    for (let day = 29; day > RETENTION_DAYS + 1; day -= 1) await visit(now - day * DAY);
    const store = new DexieSyncStore(local, memoryTokenVault());
    await store.setPushedSeq(await local.outbox.count());
    await store.purgePersonal(new Date(now));
    const personal = (await local.outbox.orderBy('seq').toArray()).slice(1).filter((e) => hasPersonalFields(e.record));
    expect(personal.map((e) => e.record.at)).toEqual([]);
  });
});

const tableName = (kind: KioskRecord['kind']): string =>
  ({ visit: 'visits', referral: 'referrals', request: 'requests', 'request-event': 'requestEvents', feedback: 'feedback', 'amenity-use': 'amenityUses', 'shift-event': 'shiftEvents', 'device-event': 'deviceEvents', 'referral-event': 'referralEvents', 'contact-reveal': 'contactReveals', 'handover-note': 'handoverNotes' })[kind];
