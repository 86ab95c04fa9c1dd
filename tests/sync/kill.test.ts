import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemorySyncStore } from '../../sync/client/testing/memory-store.ts';
import type { SyncEngine } from '../../sync/client/engine.ts';
import { publishCatalogue } from '../../sync/server/publish.ts';
import { freePort } from '../../sync/server/testing/postgres.ts';
import { catalogueFor, expectCentreEqual, expectExactlyOnce } from './support/checks.ts';
import { kioskEngine, synced, waitFor } from './support/kiosk-engine.ts';
import { deriveSeed, rng, seeded } from './support/random.ts';
import { buildStationRecords, type StationRecords } from './support/records.ts';
import { enrolStation, openSqliteDb, type ServerProcess, spawnServer } from './support/server.ts';

/**
 * The real server process (as `npm run server` starts it) on a SQLite file, killed with SIGKILL while pushes
 * are in flight, several times at random points, and restarted on the same file and port. The kiosks' engines
 * keep going on their own; afterwards every record is on the server exactly once.
 *
 * SYNC_SEED replays a run; SYNC_KILLS sets the number of kills (default 6).
 */
const STATIONS = ['kill-a', 'kill-b', 'kill-c'] as const;
const PER_STATION = 1_000;
const KILLS = Number(process.env.SYNC_KILLS ?? 6);

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step().catch((e: unknown) => console.warn('cleanup', e));
  cleanup = [];
});

interface Line {
  msg?: string;
  level?: number;
  reqId?: string;
  req?: { url?: string };
}
/**
 * A kiosk on a slow line: each push body reaches the server in two halves 40 ms apart, so a push is at the
 * server for a while before it can commit, and a kill a few milliseconds after it arrived cuts it off.
 */
const slowLine: typeof fetch = (input, init) => {
  const url = typeof input === 'string' || input instanceof URL ? String(input) : input.url;
  if (!url.endsWith('/api/push') || typeof init?.body !== 'string') return fetch(input, init);
  const bytes = new TextEncoder().encode(init.body);
  const half = Math.floor(bytes.length / 2);
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(bytes.subarray(0, half));
      await new Promise((r) => setTimeout(r, 40));
      controller.enqueue(bytes.subarray(half));
      controller.close();
    },
  });
  return fetch(input, { ...init, body, duplex: 'half' } as RequestInit);
};

const parse = (line: string): Line => {
  try {
    return JSON.parse(line) as Line;
  } catch {
    return {};
  }
};

describe('a server killed in the middle of pushes', () => {
  it(`loses nothing and duplicates nothing across ${KILLS} SIGKILLs and restarts`, async () => {
    const { seed, random } = seeded('kill');
    console.info(`[sync] kill: seed ${seed} (SYNC_SEED to replay), ${STATIONS.length} stations × ${PER_STATION} records, ${KILLS} kills`);
    const startedAt = Date.now();
    const dir = await mkdtemp(join(tmpdir(), 'yizhan-kill-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const sqlitePath = join(dir, 'yizhan.sqlite');
    const port = await freePort();
    const env = { SQLITE_PATH: sqlitePath, PORT: String(port), RATE_LIMIT_MAX: '1000000' };

    const processes: ServerProcess[] = [];
    let current: ServerProcess | null = null;
    const start = async () => {
      for (let attempt = 1; ; attempt += 1) {
        try {
          current = await spawnServer(env);
          processes.push(current);
          return current;
        } catch (error) {
          // The old socket may linger for a moment after SIGKILL.
          if (attempt >= 5 || !String(error).includes('EADDRINUSE')) throw error;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    };
    const server = await start();
    cleanup.push(async () => current?.kill('SIGKILL'));

    // The technician's side: a second connection on the same file, as the CLI beside a running server.
    const db = await openSqliteDb(sqlitePath);
    cleanup.push(() => db.close());
    const kiosks: { id: string; store: MemorySyncStore; engine: SyncEngine; built: StationRecords }[] = [];
    for (const id of STATIONS) {
      const credentials = await enrolStation(db.storage, server.url, id);
      await publishCatalogue(db.storage, await catalogueFor(id), 'station', new Date());
      const built = buildStationRecords({ stationId: id, count: PER_STATION, random: rng(deriveSeed(seed, `records:${id}`)), at: (i) => new Date(Date.now() + i * 1000), illegal: 2 });
      const store = new MemorySyncStore(credentials, `epoch-${id}`);
      for (const record of built.records) store.add(record);
      const { engine } = kioskEngine({ store, baseUrl: server.url, credentials, random: rng(deriveSeed(seed, `engine:${id}`)), maxBatchEntries: 100, timeoutMs: 3_000, intervalMs: 200, fetch: slowLine });
      kiosks.push({ id, store, engine, built });
    }
    cleanup.push(async () => kiosks.forEach((k) => k.engine.stop()));
    for (const k of kiosks) k.engine.start();

    // Kill after a random number of push requests have reached the process, a random few milliseconds in.
    const kills: { afterPushes: number; delayMs: number; inFlight: number; pushedBefore: number }[] = [];
    for (let n = 0; n < KILLS; n += 1) {
      const victim = current!;
      const afterPushes = random.int(1, 4);
      const delayMs = random.int(0, 60);
      let seen = 0;
      await new Promise<void>((resolve) => {
        victim.onLine((line) => {
          const entry = parse(line);
          if (entry.msg === 'incoming request' && entry.req?.url === '/api/push' && (seen += 1) === afterPushes) setTimeout(resolve, delayMs);
        });
      });
      victim.child.kill('SIGKILL');
      await victim.exited;
      // Which pushes were started but never answered: the ones the kill cut off.
      const started = new Set<string>();
      for (const line of victim.lines) {
        const entry = parse(line);
        if (entry.msg === 'incoming request' && entry.req?.url === '/api/push' && entry.reqId) started.add(entry.reqId);
        if (entry.msg === 'request completed' && entry.reqId) started.delete(entry.reqId);
      }
      kills.push({ afterPushes, delayMs, inFlight: started.size, pushedBefore: kiosks.reduce((s, k) => s + k.store.pushed, 0) });
      await new Promise((r) => setTimeout(r, random.int(50, 500)));
      await start();
    }
    expect(kills.at(-1)!.pushedBefore, 'the last kill came before the outboxes were drained').toBeLessThan(STATIONS.length * PER_STATION);

    // Every record acknowledged; the illegal events put in are dead letters, which a technician acknowledges
    // before a kiosk says synced.
    const drained = (k: (typeof kiosks)[number]) => {
      const state = k.engine.getState();
      return k.store.pushed === PER_STATION && state.phase === 'idle' && state.waiting === 0 && state.firstPullDone;
    };
    await waitFor('every station to have every record acknowledged after the kills', () => kiosks.every(drained), {
      timeoutMs: 90_000,
      states: () => kiosks.map((k) => k.engine.getState()),
    });
    for (const k of kiosks) await k.engine.acknowledgeDeadLetters();
    for (const k of kiosks) expect(synced(k.engine), JSON.stringify(k.engine.getState())).toBe(true);
    for (const k of kiosks) k.engine.stop();
    const drainedAt = Date.now();
    await current!.kill('SIGTERM');
    console.info(`[sync] kill: ${STATIONS.length * PER_STATION} records drained in ${((drainedAt - startedAt) / 1000).toFixed(1)} s across ${kills.length} kills ${JSON.stringify(kills)}`);

    expect(kills.filter((k) => k.inFlight > 0).length, 'kills that cut a push off mid-request').toBeGreaterThan(0);
    for (const k of kiosks) {
      expect(k.store.epochValue).toBe(`epoch-${k.id}`);
      await expectExactlyOnce(db, k.id, { valid: k.built.valid, dead: k.built.dead, outboxLength: PER_STATION });
      await expectCentreEqual(db, k.id, k.store);
    }
    // Never an error answer from a restarted server: nothing logged at error level or above.
    const errors = processes.flatMap((p) => p.lines.map(parse).filter((l) => (l.level ?? 0) >= 50));
    expect(errors).toEqual([]);
  });
});
