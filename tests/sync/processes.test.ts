import { afterEach, describe, expect, inject, it } from 'vitest';
import type { SyncEngine } from '../../sync/client/engine.ts';
import { MemorySyncStore } from '../../sync/client/testing/memory-store.ts';
import { appendRequestEvent, publishCatalogue } from '../../sync/server/publish.ts';
import { catalogueFor, expectExactlyOnce } from './support/checks.ts';
import { MIXED, noFaults, startFaultProxy } from './support/fault-proxy.ts';
import { kioskEngine, synced, waitFor } from './support/kiosk-engine.ts';
import { deriveSeed, rng, seeded } from './support/random.ts';
import { buildStationRecords, type StationRecords } from './support/records.ts';
import { enrolmentCodeFor, openTestDb, type ServerProcess, spawnServer, type TestDb } from './support/server.ts';

/**
 * A city's centre: two real server processes (`node … sync/server/main.ts`) on one PostgreSQL database, behind a
 * "load balancer" that sends every request to the other process than the last (the fault proxy, round-robin),
 * with the mixed fault profile on top: drops, resets, 5xx, lost and truncated answers, replays and reordered
 * requests (a replay or a held request may well land on the other process than its original). The tablets enrol
 * themselves through it, push while the centre dispatches their requests, and pull. Afterwards, read from the
 * database: every record once, none lost, no record both stored and dead-lettered, dead letters only for the
 * illegal events put in; both processes served, and neither logged an error.
 *
 * SYNC_SEED replays a run; SYNC_PROCESS_RECORDS sets the records per station (default 400, four stations).
 */
const STATIONS = ['city-east', 'city-west', 'city-north', 'city-south'];
const PER_STATION = Number(process.env.SYNC_PROCESS_RECORDS ?? 400);
const ILLEGAL_PER_STATION = 4;

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step().catch((e: unknown) => console.warn('cleanup', e));
  cleanup = [];
});

interface Tablet {
  id: string;
  store: MemorySyncStore;
  engine: SyncEngine;
  built: StationRecords;
  later: StationRecords['records'];
}

/** The centre at work from a third process (this one): dispatching each station's open requests. */
const centreDispatching = (db: TestDb) => {
  let stop = false;
  let dispatched = 0;
  const loop = (async () => {
    while (!stop) {
      const open = await db.query<{ id: string }>("SELECT id FROM requests WHERE status = 'submitted' ORDER BY id LIMIT 5");
      for (const { id } of open) if ((await appendRequestEvent(db.storage, { requestId: id, type: 'dispatch', actor: 'centre', note: '社区派单', now: new Date() })).ok) dispatched += 1;
      await new Promise((r) => setTimeout(r, 80));
    }
  })();
  return {
    dispatched: () => dispatched,
    stop: async () => {
      stop = true;
      await loop;
    },
  };
};

const errorsLogged = (server: ServerProcess): string[] =>
  server.lines.filter((line) => {
    try {
      return ((JSON.parse(line) as { level?: number }).level ?? 0) >= 50;
    } catch {
      return false;
    }
  });

describe.skipIf(!inject('pgUrl'))('two server processes on one PostgreSQL', () => {
  it(`delivers ${STATIONS.length} × ${PER_STATION} records exactly once, the client switching process on every request, under the mixed faults`, async () => {
    const { seed } = seeded('processes');
    console.info(`[sync] two processes: seed ${seed} (SYNC_SEED to replay), ${STATIONS.length} stations × ${PER_STATION} records, round-robin over 2 processes, profile MIXED`);
    const startedAt = Date.now();
    const db = await openTestDb('postgres', inject('pgUrl'));
    cleanup.push(() => db.close());
    // Every tablet here is 127.0.0.1: the per-address limits would measure themselves, not the processes.
    const env = { DATABASE_URL: db.databaseUrl!, RATE_LIMIT_MAX: '1000000', ENROL_RATE_LIMIT_MAX: '10000', AUTH_FAILURE_RATE_LIMIT_MAX: '100000' };
    const servers = [await spawnServer(env), await spawnServer(env)];
    for (const server of servers) cleanup.push(() => server.kill('SIGTERM'));
    const proxy = await startFaultProxy({ target: servers.map((s) => s.url), profile: noFaults, seed });
    cleanup.push(() => proxy.close());

    const tablets: Tablet[] = [];
    for (const id of STATIONS) {
      const code = await enrolmentCodeFor(db.storage, id);
      await publishCatalogue(db.storage, await catalogueFor(id), 'station', new Date());
      const built = buildStationRecords({ stationId: id, count: PER_STATION, random: rng(deriveSeed(seed, `records:${id}`)), at: (i) => new Date(Date.now() - 3_600_000 + i * 1_000), illegal: ILLEGAL_PER_STATION });
      const store = new MemorySyncStore(null, `epoch-${id}`);
      const split = Math.floor(built.records.length * 0.5);
      for (const record of built.records.slice(0, split)) store.add(record);
      const { engine } = kioskEngine({
        store,
        baseUrl: proxy.url,
        token: () => store.creds?.token ?? null,
        enrolmentCode: code,
        random: rng(deriveSeed(seed, `engine:${id}`)),
        maxBatchEntries: 10,
        pullLimit: 13,
        timeoutMs: 4_000,
        intervalMs: 300,
      });
      tablets.push({ id, store, engine, built, later: built.records.slice(split) });
    }
    cleanup.push(async () => tablets.forEach((t) => t.engine.stop()));

    proxy.setProfile(MIXED);
    const centre = centreDispatching(db);
    cleanup.push(() => centre.stop());
    for (const t of tablets) t.engine.start();
    // The rest of each station's records arrive while it syncs, each write nudging its engine.
    const random = rng(deriveSeed(seed, 'producer'));
    while (tablets.some((t) => t.later.length > 0)) {
      const t = random.pick(tablets.filter((x) => x.later.length > 0));
      for (const record of t.later.splice(0, random.int(1, 15))) t.store.add(record);
      t.engine.nudge();
      await new Promise((r) => setTimeout(r, random.int(5, 40)));
    }

    const states = () => tablets.map((t) => t.engine.getState());
    await waitFor('every station enrolled, with every record acknowledged', () => tablets.every((t) => t.store.creds !== null && t.store.pushed === PER_STATION), {
      timeoutMs: 150_000,
      states,
      everyMs: 100,
    });
    await centre.stop();
    // Calm: the network heals, late deliveries land, and each tablet finishes a clean round.
    proxy.setProfile(noFaults);
    await proxy.settle();
    for (const t of tablets) {
      t.engine.stop();
      await t.engine.retryNow();
    }
    await proxy.settle();
    // The illegal events put in are dead letters: a technician has seen them, or no round would say synced.
    for (const t of tablets) await t.engine.acknowledgeDeadLetters();
    const endedAt = Date.now();
    console.info(
      `[sync] two processes: drained in ${((endedAt - startedAt) / 1000).toFixed(1)} s; requests per process ${JSON.stringify(proxy.perTarget)}; faults ${JSON.stringify(proxy.stats)}; ` +
        `late deliveries ${JSON.stringify(proxy.late)}; ${centre.dispatched()} requests dispatched meanwhile`,
    );

    // Both processes did the work, turn about, and the fault mix happened.
    const served = Object.values(proxy.perTarget);
    expect(served).toHaveLength(2);
    for (const n of served) expect(n).toBeGreaterThan(100);
    for (const fault of ['drop', 'reset', 'lostAck', 'truncate', 'replay', 'reorder'] as const) expect(proxy.stats[fault], `fault ${fault} injected`).toBeGreaterThan(0);
    // Late replays were answered calmly by whichever process got them: never a 5xx.
    expect(Object.keys(proxy.late.statuses).filter((status) => Number(status) >= 500)).toEqual([]);

    for (const t of tablets) {
      expect(t.store.creds?.stationId, `${t.id} enrolled as itself`).toBe(t.id);
      expect(synced(t.engine), `${t.id}: ${JSON.stringify(t.engine.getState())}`).toBe(true);
      expect(t.store.epochValue, `${t.id} never had to start a new epoch`).toBe(`epoch-${t.id}`);
      await expectExactlyOnce(db, t.id, { valid: t.built.valid, dead: t.built.dead, outboxLength: PER_STATION }, { from: startedAt, to: endedAt });
    }
    const both = await db.query<{ id: string }>('SELECT r.id FROM records r JOIN dead_letters d ON d.record_id = r.id');
    expect(both, 'records both stored and dead-lettered').toEqual([]);
    expect(centre.dispatched()).toBeGreaterThan(0);
    for (const server of servers) expect(errorsLogged(server), 'errors logged by a server process').toEqual([]);
  });
});
