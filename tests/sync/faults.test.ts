import { afterEach, describe, expect, inject, it } from 'vitest';
import { isSynced, type SyncEngine } from '../../sync/client/engine.ts';
import { MemorySyncStore } from '../../sync/client/testing/memory-store.ts';
import { catalogueEntries } from '../../sync/protocol/centre.ts';
import { newId } from '../../sync/protocol/ids.ts';
import { counterValue } from '../../sync/server/metrics.ts';
import { appendRequestEvent, publishCatalogue } from '../../sync/server/publish.ts';
import { catalogueFor, expectCentreEqual, expectExactlyOnce } from './support/checks.ts';
import { faults, MIXED, noFaults, startFaultProxy, type FaultProxy } from './support/fault-proxy.ts';
import { kioskEngine, synced, waitFor } from './support/kiosk-engine.ts';
import { deriveSeed, rng, seeded } from './support/random.ts';
import { buildStationRecords, type StationRecords } from './support/records.ts';
import { type Engine, enrolStation, listen, openTestDb, type RunningServer, type TestDb } from './support/server.ts';

/**
 * Thousands of kiosk records from several stations pushed through a proxy that drops, resets, delays, fails,
 * loses acknowledgements, truncates, replays and reorders, with the tablets' clocks off by hours and by years,
 * while the centre keeps publishing, withdrawing, dispatching and purging tombstones. Then, from the server's
 * database: every record once, none lost, dead letters only for the illegal events we put in, the pushed marks
 * at the outbox's end, and every kiosk's centre data equal to a fresh full read.
 *
 * SYNC_SEED replays a run; SYNC_FAULT_RECORDS sets the records per station (default 650, five stations).
 */
const HOUR = 3_600_000;
const YEAR = 365 * 24 * HOUR;
const STATIONS = [
  { id: 'fault-east', skewMs: 0, batch: 250 },
  { id: 'fault-west', skewMs: 5 * HOUR, batch: 60 },
  { id: 'fault-north', skewMs: -7 * HOUR, batch: 40 },
  { id: 'fault-south', skewMs: 3 * YEAR, batch: 25 },
  { id: 'fault-lake', skewMs: -2 * YEAR - 11 * HOUR, batch: 17 },
] as const;
const PER_STATION = Number(process.env.SYNC_FAULT_RECORDS ?? 650);
const ILLEGAL_PER_STATION = 6;

const engines: Engine[] = inject('pgUrl') ? ['sqlite', 'postgres'] : ['sqlite'];

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step().catch((e: unknown) => console.warn('cleanup', e));
  cleanup = [];
});

interface Kiosk {
  id: string;
  skewMs: number;
  store: MemorySyncStore;
  engine: SyncEngine;
  built: StationRecords;
  /** Records not yet in the outbox: they arrive while the engine syncs. */
  later: StationRecords['records'];
}

/** The centre at work meanwhile: notices republished (changed, withdrawn, new), requests dispatched. */
const centreAtWork = (db: TestDb, seed: number) => {
  const random = rng(deriveSeed(seed, 'centre'));
  let stop = false;
  let rounds = 0;
  let dispatched = 0;
  const loop = (async () => {
    while (!stop) {
      rounds += 1;
      const station = random.pick(STATIONS).id;
      const catalogue = await catalogueFor(station);
      const notices = catalogue.notices
        .filter(() => random.chance(0.7))
        .map((n) => (random.chance(0.3) ? { ...n, title: { ...n.title, 'zh-CN': `${n.title['zh-CN']} · 第${rounds}次更新` } } : n));
      if (random.chance(0.5)) notices.push({ ...catalogue.notices[0]!, id: `${station}-extra-${rounds}` });
      await db.storage.publish({ scope: station, collections: { notices: catalogueEntries({ ...catalogue, notices }).notices }, now: new Date() });
      if (random.chance(0.3)) {
        const district = [{ id: `district-${rounds % 3}`, value: { ...catalogue.notices[0]!, id: `district-${rounds % 3}`, title: { 'zh-CN': `街道通知 ${rounds}`, en: `District notice ${rounds}` } } }];
        await db.storage.publish({ scope: '*', collections: { notices: random.chance(0.2) ? [] : district }, now: new Date() });
      }
      const open = await db.query<{ id: string }>("SELECT id FROM requests WHERE station_id = ? AND status = 'submitted' ORDER BY id LIMIT 3", [station]);
      for (const { id } of open) {
        const result = await appendRequestEvent(db.storage, { requestId: id, type: 'dispatch', actor: 'centre', note: '社区派单', now: new Date() });
        if (result.ok) dispatched += 1;
      }
      await new Promise((r) => setTimeout(r, random.int(40, 160)));
    }
  })();
  return {
    stats: () => ({ rounds, dispatched }),
    stop: async () => {
      stop = true;
      await loop;
    },
  };
};

describe.each(engines)('sync through a faulty network (%s)', (engine) => {
  it(`delivers ${STATIONS.length} × ${PER_STATION} records exactly once under the mixed fault profile, with skewed clocks`, async () => {
    const { seed } = seeded(`faults-${engine}`);
    console.info(`[sync] faults (${engine}): seed ${seed} (SYNC_SEED to replay), ${STATIONS.length} stations × ${PER_STATION} records, profile ${JSON.stringify(MIXED)}`);
    const startedAt = Date.now();
    const db = await openTestDb(engine, inject('pgUrl'));
    cleanup.push(() => db.close());
    const server: RunningServer = await listen(db);
    cleanup.push(() => server.close());
    const proxy: FaultProxy = await startFaultProxy({ target: server.url, profile: noFaults, seed });
    cleanup.push(() => proxy.close());

    const kiosks: Kiosk[] = [];
    for (const s of STATIONS) {
      const credentials = await enrolStation(db.storage, server.url, s.id);
      await publishCatalogue(db.storage, await catalogueFor(s.id), 'station', new Date());
      const random = rng(deriveSeed(seed, `records:${s.id}`));
      const base = Date.now() + s.skewMs;
      const built = buildStationRecords({ stationId: s.id, count: PER_STATION, random, at: (i) => new Date(base + i * 1_500), illegal: ILLEGAL_PER_STATION });
      const store = new MemorySyncStore(credentials, `epoch-${s.id}`);
      const split = Math.floor(built.records.length * 0.6);
      for (const record of built.records.slice(0, split)) store.add(record);
      const { engine: e } = kioskEngine({
        store,
        baseUrl: proxy.url,
        credentials,
        random: rng(deriveSeed(seed, `engine:${s.id}`)),
        now: () => Date.now() + s.skewMs,
        maxBatchEntries: s.batch,
        pullLimit: 23,
        timeoutMs: 4_000,
        intervalMs: 300,
      });
      kiosks.push({ id: s.id, skewMs: s.skewMs, store, engine: e, built, later: built.records.slice(split) });
    }
    cleanup.push(async () => kiosks.forEach((k) => k.engine.stop()));

    proxy.setProfile(MIXED);
    const centre = centreAtWork(db, seed);
    cleanup.push(() => centre.stop());
    for (const k of kiosks) k.engine.start();

    // The rest of each station's records arrive while it syncs, a few at a time, each write nudging the engine.
    const producer = (async () => {
      const random = rng(deriveSeed(seed, 'producer'));
      while (kiosks.some((k) => k.later.length > 0)) {
        const k = random.pick(kiosks.filter((x) => x.later.length > 0));
        for (const record of k.later.splice(0, random.int(1, 12))) k.store.add(record);
        k.engine.nudge();
        await new Promise((r) => setTimeout(r, random.int(2, 25)));
      }
    })();
    // Once every kiosk has read the centre through, the centre withdraws a district notice and at once purges its
    // tombstones: every station that read before the withdrawal is behind the new horizon, is told to reset, and
    // reads everything again (under the same faults).
    const purge = (async () => {
      await waitFor('every kiosk to finish its first full read', () => kiosks.every((k) => k.store.complete), { timeoutMs: 60_000, states: () => kiosks.map((k) => k.engine.getState()) });
      const notice = (await catalogueFor('district')).notices[0]!;
      await db.storage.publish({ scope: '*', collections: { notices: [{ id: 'district-withdrawn', value: { ...notice, id: 'district-withdrawn' } }] }, now: new Date() });
      await db.storage.publish({ scope: '*', collections: { notices: [] }, now: new Date() });
      return db.storage.purgeTombstones({ before: new Date(Date.now() + 1_000) });
    })();

    await producer;
    const horizon = await purge;
    const states = () => kiosks.map((k) => k.engine.getState());
    await waitFor('every station to have every record acknowledged', () => kiosks.every((k) => k.store.pushed === k.store.outbox.length), { timeoutMs: 120_000, states, everyMs: 100 });
    const drainedAt = Date.now();
    // The illegal events we put in are dead letters: a technician has seen them, or no round would say synced.
    for (const k of kiosks) await k.engine.acknowledgeDeadLetters();
    // The centre stops; the network stays as bad until every engine has finished a whole round (push, every pull
    // page, heartbeat) and says synced.
    await centre.stop();
    const roundDone = new Set<string>();
    const unsubscribe = kiosks.map((k) => {
      let started = false;
      return k.engine.subscribe((state) => {
        if (state.phase === 'syncing') started = true;
        else if (started && isSynced(state)) roundDone.add(k.id);
      });
    });
    await waitFor('every station to finish a round that says synced', () => roundDone.size === kiosks.length, { timeoutMs: 60_000, states, everyMs: 50 });
    unsubscribe.forEach((u) => u());

    // Calm: the network heals, late deliveries land; two clean rounds each read the last changes and report a
    // heartbeat with the offset measured in an earlier round.
    proxy.setProfile(noFaults);
    await proxy.settle();
    for (const k of kiosks) {
      k.engine.stop();
      await k.engine.retryNow();
      await k.engine.retryNow();
      k.engine.stop();
    }
    await proxy.settle();
    const endedAt = Date.now();

    const total = kiosks.reduce((n, k) => n + k.store.outbox.length, 0);
    console.info(
      `[sync] faults (${engine}): ${total} records from ${kiosks.length} stations drained in ${((drainedAt - startedAt) / 1000).toFixed(1)} s; ` +
        `faults ${JSON.stringify(proxy.stats)}; late deliveries ${JSON.stringify(proxy.late)}; centre ${JSON.stringify(centre.stats())}; tombstone horizon ${horizon.horizon} (${horizon.purged} purged), ${await counterValue(server.metrics.pullResets)} pull resets`,
    );

    // The tombstone purge did push stations behind the horizon: the reset path ran under faults too.
    expect(await counterValue(server.metrics.pullResets), 'pull resets after the tombstone purge').toBeGreaterThan(0);
    // The mix happened: every fault at least once.
    for (const fault of faults) expect(proxy.stats[fault], `fault ${fault} injected`).toBeGreaterThan(0);
    // Every late replay or reordered request was answered calmly: 200, never 409 outbox-diverged, never 5xx.
    expect(Object.keys(proxy.late.statuses)).toEqual(['200']);

    const truths = [];
    for (const k of kiosks) {
      expect(k.engine.getState()).toMatchObject({ phase: 'idle', waiting: 0, firstPullDone: true, lastError: null });
      expect(k.store.epochValue, `${k.id} never had to start a new epoch`).toBe(`epoch-${k.id}`);
      expect(k.store.outbox).toHaveLength(PER_STATION);
      expect(k.store.pushed).toBe(PER_STATION);
      await expectExactlyOnce(db, k.id, { valid: k.built.valid, dead: k.built.dead, outboxLength: PER_STATION }, { from: startedAt, to: endedAt });
      expect(new Set(k.store.deadLetters.map((d) => d.id))).toEqual(new Set(k.built.dead.keys()));

      // The tablet's clock is off; the server keeps its own time and the heartbeat reports the offset. The beat
      // kept is the one sent last: the proxy's late replays of older beats must not replace it (storage keeps order).
      const beat = (await db.storage.getHeartbeat(k.id))!;
      expect(beat.recordsWaiting).toBe(0);
      expect(Math.abs(beat.clockOffsetMs! - k.skewMs), `${k.id}: reported clock offset`).toBeLessThan(5_000);
      expect(Math.abs(Date.parse(beat.sentAt) - k.skewMs - beat.receivedAt.getTime()), `${k.id}: sentAt is the tablet's clock`).toBeLessThan(5_000);
      expect(beat.receivedAt.getTime()).toBeGreaterThanOrEqual(startedAt);
      expect(beat.receivedAt.getTime()).toBeLessThanOrEqual(endedAt + 1_000);

      // Cursors: what this kiosk holds after all the faults, resets and pages equals the server's live state…
      truths.push(await expectCentreEqual(db, k.id, k.store));
      // …and equals what a second kiosk of the station reads from "0" on a clean line.
      const fresh = new MemorySyncStore(k.store.creds, `epoch-fresh-${newId().slice(-8)}`);
      const { engine: second } = kioskEngine({ store: fresh, baseUrl: server.url, credentials: k.store.creds!, pullLimit: 41 });
      await second.run();
      expect(synced(second)).toBe(true);
      expect(new Map([...fresh.centre].sort())).toEqual(new Map([...k.store.centre].sort()));
    }
    // The centre did change things under the kiosks: dispatched requests reached them as statuses.
    expect(centre.stats().dispatched).toBeGreaterThan(0);
    expect(truths.some((t) => [...t.values()].some((v) => (v as { status?: string }).status === 'dispatched'))).toBe(true);
  });
});
