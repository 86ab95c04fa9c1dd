import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { isSynced, SyncEngine } from '../../sync/client/engine.ts';
import { httpTransport } from '../../sync/client/transport.ts';
import { MemorySyncStore } from '../../sync/client/testing/memory-store.ts';
import { messages, PROTOCOL_HEADER } from '../../sync/protocol/wire.ts';
import { catalogueFor, expectCentreEqual, expectExactlyOnce } from './support/checks.ts';
import { FAST_BACKOFF, kioskEngine, loggingFetch, waitFor } from './support/kiosk-engine.ts';
import { seeded } from './support/random.ts';
import { buildStationRecords } from './support/records.ts';
import { cli, type Engine, enrolStation, listen, openTestDb, type RunningServer, type TestDb } from './support/server.ts';

/**
 * The client engine (SyncEngine + httpTransport over Node's fetch + MemorySyncStore) against a real server
 * listening on 127.0.0.1: enrolment by a technician's code, push and pull, the update-required path and 429.
 */
const engines: Engine[] = inject('pgUrl') ? ['sqlite', 'postgres'] : ['sqlite'];

let db: TestDb | null = null;
let server: RunningServer | null = null;
afterEach(async () => {
  await server?.close();
  await db?.close();
  server = null;
  db = null;
});

const start = async (engine: Engine, config: Parameters<typeof listen>[1] = {}) => {
  db = await openTestDb(engine, inject('pgUrl'));
  server = await listen(db, config);
  return { db, server };
};

/** Node's fetch, with every push claiming the given client schema version (an older or newer app's engine). */
const pushingSchemaVersion = (schemaVersion: number): typeof fetch => (input, init) => {
  const body = String(input).endsWith(messages.push.path) && typeof init?.body === 'string' ? JSON.stringify({ ...JSON.parse(init.body), schemaVersion }) : init?.body;
  return fetch(input, { ...init, body });
};

describe.each(engines)('the engine against a real server (%s)', (engine) => {
  it('enrols by itself with the configured code, then syncs; a spent code is refused and not offered again', async () => {
    const { db, server } = await start(engine);
    await cli(db.storage, ['create-station', 'engine-self']);
    const [line] = await cli(db.storage, ['enrol-code', 'engine-self', '--hours', '1']);
    const code = /: ([0-9A-Z-]+)$/.exec(line ?? '')![1]!;
    const store = new MemorySyncStore(null, 'epoch-engine-self');
    store.add(buildStationRecords({ stationId: 'engine-self', count: 1, random: seeded('engine-self').random, at: () => new Date() }).records[0]);
    const transport = httpTransport({ baseUrl: server.url, token: () => store.creds?.token ?? null, timeoutMs: 5_000 });
    const first = new SyncEngine({ store, transport, appVersion: 'sync-test', backoff: FAST_BACKOFF, enrolmentCode: code });
    await first.run();
    expect(first.getState()).toMatchObject({ phase: 'idle', enrolledAs: 'engine-self', waiting: 0 });
    expect(store.pushed).toBe(1);

    // Another tablet imaged with the same config: the code is spent.
    const other = new MemorySyncStore(null, 'epoch-engine-copy');
    const copy = new SyncEngine({ store: other, transport: httpTransport({ baseUrl: server.url, token: () => null }), appVersion: 'sync-test', backoff: FAST_BACKOFF, enrolmentCode: code });
    copy.start();
    await waitFor('the refusal', () => copy.getState().lastError !== null, { timeoutMs: 5_000, states: () => [copy.getState()] });
    expect(copy.getState()).toMatchObject({ phase: 'not-enrolled', enrolledAs: null });
    expect(copy.getState().lastError).toMatch(/^enrolment-refused/);
    // Not the fast backoff of a network failure: only a technician's new code can help.
    expect(copy.getState().nextAttemptAt! - Date.now()).toBeGreaterThan(10 * 60_000);
    copy.stop();
  });

  it('enrols with a CLI code, pushes every kind of record once, pulls the catalogue and a dispatched status', async () => {
    const { seed, random } = seeded(`engine-basics-${engine}`);
    console.info(`[sync] engine basics (${engine}): seed ${seed} (SYNC_SEED to replay)`);
    const { db, server } = await start(engine);
    const credentials = await enrolStation(db.storage, server.url, 'engine-east');
    const file = join(tmpdir(), `yizhan-catalogue-${process.pid}-${engine}.json`);
    await writeFile(file, JSON.stringify(await catalogueFor('engine-east')));
    expect((await cli(db.storage, ['publish-catalogue', file]))[0]).toMatch(/published/);

    const store = new MemorySyncStore(credentials, 'epoch-engine-east');
    const built = buildStationRecords({ stationId: 'engine-east', count: 400, random, at: (i) => new Date(Date.now() - 3_600_000 + i * 1000), illegal: 4 });
    for (const record of built.records) store.add(record);
    const { engine: e } = kioskEngine({ store, baseUrl: server.url, credentials, random });
    expect(isSynced(e.getState())).toBe(false);

    await e.run();
    expect(e.getState()).toMatchObject({ phase: 'idle', waiting: 0, firstPullDone: true, lastError: null, deadLetters: 4 });
    // Four records the centre refused for good: not synced until a technician has seen them.
    expect(isSynced(e.getState())).toBe(false);
    expect(await db.storage.getHeartbeat('engine-east')).toMatchObject({ recordsWaiting: 0 });
    await e.acknowledgeDeadLetters();
    expect(isSynced(e.getState())).toBe(true);
    expect(store.pushed).toBe(400);
    await expectExactlyOnce(db, 'engine-east', { valid: built.valid, dead: built.dead, outboxLength: 400 });
    expect(new Map(store.deadLetters.map((d) => [d.id, d.reason]))).toEqual(built.dead);
    const truth = await expectCentreEqual(db, 'engine-east', store);
    expect(truth.get('settings/engine-east')).toMatchObject({ stationId: 'engine-east' });

    // The centre dispatches one of the station's requests; the next round brings its status and event.
    const request = built.valid.find((r) => r.kind === 'request' && !built.records.some((x) => x.kind === 'request-event' && x.requestId === r.id && x.type === 'cancel'))!;
    expect((await cli(db.storage, ['dispatch-request', request.id, '--note', '派给物业']))[0]).toMatch(/dispatched/);
    await e.run();
    expect(store.centre.get(`request-status/${request.id}`)).toMatchObject({ requestId: request.id, status: 'dispatched', event: 'dispatch' });
    expect([...store.centre.values()].some((v) => (v as { requestId?: string; type?: string }).requestId === request.id && (v as { type?: string }).type === 'dispatch')).toBe(true);
    await expectCentreEqual(db, 'engine-east', store);

    // A heartbeat per round: the app, nothing waiting, and (from the second round) the measured clock offset.
    const beat = await db.storage.getHeartbeat('engine-east');
    expect(beat).toMatchObject({ appVersion: 'sync-test', recordsWaiting: 0, lastError: null });
    expect(Math.abs(beat!.clockOffsetMs!)).toBeLessThan(2_000);
    expect((await cli(db.storage, ['stations'])).join('\n')).toMatch(/engine-east\tenrolled\tlast seen .*waiting 0/);

    // A new record counts as waiting as soon as the engine hears of it, not when its next round starts.
    expect(isSynced(e.getState())).toBe(true);
    const [extra] = buildStationRecords({ stationId: 'engine-east', count: 1, random, at: () => new Date() }).records;
    store.add(extra);
    e.nudge();
    await new Promise((r) => setTimeout(r, 0));
    expect(e.getState().waiting).toBe(1);
    expect(isSynced(e.getState())).toBe(false);
    await e.run();
    expect(isSynced(e.getState())).toBe(true);
    expect((await db.storage.getRecord(extra!.id))?.payload).toEqual(extra);
  });

  it('keeps the outbox on 426 (an older kiosk, a newer protocol) and 409 schema-too-new (a newer kiosk); one odd record is only dead-lettered', async () => {
    const { random } = seeded(`engine-426-${engine}`);
    const { db, server } = await start(engine);
    const credentials = await enrolStation(db.storage, server.url, 'engine-old');
    const store = new MemorySyncStore(credentials, 'epoch-engine-old');
    const built = buildStationRecords({ stationId: 'engine-old', count: 30, random, at: (i) => new Date(Date.now() + i) });
    for (const record of built.records) store.add(record);
    // One record an app two schema versions behind wrote: the server takes the current version and the previous.
    const odd = built.records.findIndex((r) => !built.dead.has(r.id));
    store.outbox[odd]!.record = { ...built.records[odd]!, v: 0 };

    // A kiosk whose own schema is too old for the server: 426, nothing read, a long wait for a technician.
    const { engine: older } = kioskEngine({ store, baseUrl: server.url, credentials, random, fetch: pushingSchemaVersion(0) });
    older.start();
    await older.run();
    older.stop();
    expect(older.getState()).toMatchObject({ phase: 'update-required', waiting: 30 });
    expect(older.getState().nextAttemptAt! - Date.now()).toBeGreaterThan(30 * 60_000);
    expect(store.pushed).toBe(0);
    expect(await db.storage.listRecords('engine-old')).toHaveLength(0);

    // A kiosk newer than the server: 409 schema-too-new, an ordinary retry later, the outbox kept.
    const { engine: newer } = kioskEngine({ store, baseUrl: server.url, credentials, random, fetch: pushingSchemaVersion(2) });
    await newer.run();
    expect(newer.getState()).toMatchObject({ phase: 'retrying', waiting: 30 });
    expect(newer.getState().lastError).toMatch(/schema-too-new/);
    expect(await db.storage.listRecords('engine-old')).toHaveLength(0);

    // A kiosk of another protocol major version: 426 before anything is read.
    const major2: typeof fetch = (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), [PROTOCOL_HEADER]: '2.0' } });
    const { engine: future } = kioskEngine({ store, baseUrl: server.url, credentials, random, fetch: major2 });
    await future.run();
    expect(future.getState()).toMatchObject({ phase: 'update-required', waiting: 30 });
    expect(await db.storage.listRecords('engine-old')).toHaveLength(0);

    // This app's own engine: everything goes, once; the odd record is set aside with its reason, not a wall.
    const { engine: current } = kioskEngine({ store, baseUrl: server.url, credentials, random });
    await current.run();
    // The odd record is a dead letter: not synced until a technician has seen it.
    expect(isSynced(current.getState())).toBe(false);
    await current.acknowledgeDeadLetters();
    expect(isSynced(current.getState())).toBe(true);
    const oddId = built.records[odd]!.id;
    await expectExactlyOnce(db, 'engine-old', {
      valid: built.valid.filter((r) => r.id !== oddId),
      dead: new Map([...built.dead, [oddId, 'schema-too-old']]),
      outboxLength: 30,
    });
  });

  it('honours 429 Retry-After and still drains everything once', async () => {
    const { random } = seeded(`engine-429-${engine}`);
    const { db, server } = await start(engine, { rateLimit: { max: 4, windowMs: 2_000 } });
    const credentials = await enrolStation(db.storage, server.url, 'engine-busy');
    const store = new MemorySyncStore(credentials, 'epoch-engine-busy');
    const built = buildStationRecords({ stationId: 'engine-busy', count: 240, random, at: (i) => new Date(Date.now() + i) });
    for (const record of built.records) store.add(record);
    const { fetch: logged, log } = loggingFetch();
    const { engine: e } = kioskEngine({ store, baseUrl: server.url, credentials, random, fetch: logged, maxBatchEntries: 30 });
    e.start();
    try {
      await waitFor('the outbox to drain under the rate limit', () => isSynced(e.getState()), { timeoutMs: 40_000, states: () => [e.getState()] });
    } finally {
      e.stop();
    }
    const limited = log.filter((l) => l.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    for (const hit of limited) {
      expect(hit.retryAfter).toMatch(/^\d+$/);
      const next = log.find((l) => l.at > hit.at);
      if (next) expect(next.at - hit.at, 'the next call waits for Retry-After').toBeGreaterThanOrEqual(Number(hit.retryAfter) * 1000 - 20);
    }
    await expectExactlyOnce(db, 'engine-busy', { valid: built.valid, dead: built.dead, outboxLength: 240 });
  });
});
