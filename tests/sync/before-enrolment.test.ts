import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../sync/client/engine.ts';
import { httpTransport } from '../../sync/client/transport.ts';
import { freePort } from '../../sync/server/testing/postgres.ts';
import { commitRecord } from '../../renderer/src/store/commit.ts';
import { YizhanDb } from '../../renderer/src/store/db.ts';
import { seedDemoIfEmpty } from '../../renderer/src/store/seed.ts';
import { DexieSyncStore } from '../../renderer/src/store/sync-store.ts';
import { memoryTokenVault } from '../../renderer/src/sync/token-vault.ts';
import { submitRequest } from '../../renderer/src/screens/requests/submit-request.ts';
import { FAST_BACKOFF, synced, waitFor } from './support/kiosk-engine.ts';
import { cli, listen, openTestDb, type RunningServer, type TestDb } from './support/server.ts';

/**
 * A browser kiosk that knows only its centre's address and a code (no station id): it serves residents before
 * its centre ever answered, each record stamped with the station of the settings it runs on (the shipped demo's,
 * `demo-station`). When the centre comes up the kiosk enrols as the station the code was made for, claims every
 * record still waiting for it, and every one of them arrives there; none is dead-lettered as another station's.
 */
const STATION = 'xingfuli-01';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step().catch((e: unknown) => console.warn('cleanup', e));
  cleanup = [];
});

describe('records made before the station is known', () => {
  it('reach the station the kiosk enrols as, with only a server address and a code configured', async () => {
    // The centre: the station and its one-time code, made before the tablet arrives; the server is not up yet.
    const db: TestDb = await openTestDb('sqlite');
    cleanup.push(() => db.close());
    await cli(db.storage, ['create-station', STATION, '--name', '幸福里社区红色驿站']);
    const [line] = await cli(db.storage, ['enrol-code', STATION, '--hours', '1']);
    const code = /: ([0-9A-Z-]+)$/.exec(line ?? '')![1]!;
    const port = await freePort();

    // The tablet, on the shipped demo data, serving residents at once, as main.tsx starts it.
    const local = new YizhanDb(`before-enrolment-${Date.now()}`);
    cleanup.push(async () => {
      local.close();
      await local.delete();
    });
    await seedDemoIfEmpty(local);
    const stamp = (await local.settings.toCollection().first())!.stationId;
    expect(stamp).toBe('demo-station');
    const store = new DexieSyncStore(local, memoryTokenVault(), `http://127.0.0.1:${port}`);
    const engine = new SyncEngine({
      store,
      transport: httpTransport({ baseUrl: `http://127.0.0.1:${port}/`, token: () => store.token, timeoutMs: 2_000 }),
      appVersion: 'sync-test',
      backoff: FAST_BACKOFF,
      intervalMs: 200,
      enrolmentCode: code,
    });
    cleanup.push(async () => engine.stop());
    engine.start();
    await waitFor('the engine to find the centre unreachable', () => engine.getState().phase === 'unreachable', { timeoutMs: 10_000, states: () => [engine.getState()] });

    await commitRecord(local, 'visit', stamp, () => ({ kind: 'visit', who: 'resident', purpose: 'health' }));
    await submitRequest(local, stamp, { requestKind: 'wish', category: 'seniors', phrases: ['repair'], text: '楼道灯坏了' });
    await commitRecord(local, 'feedback', stamp, () => ({ kind: 'feedback', rating: 5 }));
    engine.nudge();
    const made = await local.outbox.orderBy('seq').toArray();
    expect(made.map((e) => e.record.stationId)).toEqual(['demo-station', 'demo-station', 'demo-station', 'demo-station']);

    // The centre comes up on its address; the engine, backing off, finds it and enrols.
    const server: RunningServer = await listen(db, {}, port);
    cleanup.push(() => server.close());
    await waitFor('the kiosk to enrol and sync', () => synced(engine), { timeoutMs: 30_000, states: () => [engine.getState()] });
    expect(engine.getState()).toMatchObject({ enrolledAs: STATION, waiting: 0, deadLetters: 0 });

    const stored = await db.storage.listRecords(STATION);
    expect(stored.map((r) => r.id).sort()).toEqual(made.map((e) => e.id).sort());
    expect(stored.every((r) => (r.payload as { stationId: string }).stationId === STATION)).toBe(true);
    expect(await db.query('SELECT seq, reason FROM dead_letters')).toEqual([]);
    // On the tablet, the records and their outbox entries say the same.
    expect((await local.outbox.toArray()).map((e) => e.record.stationId)).toEqual([STATION, STATION, STATION, STATION]);
    expect((await local.visits.toArray()).map((v) => v.stationId)).toEqual([STATION]);
  });
});
