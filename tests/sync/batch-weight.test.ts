import { afterEach, describe, expect, it } from 'vitest';
import { MemorySyncStore } from '../../sync/client/testing/memory-store.ts';
import { newId } from '../../sync/protocol/ids.ts';
import { PUSH_BODY_LIMIT_BYTES } from '../../sync/protocol/limits.ts';
import { kioskEngine, loggingFetch } from './support/kiosk-engine.ts';
import { enrolStation, listen, openTestDb, type RunningServer, type TestDb } from './support/server.ts';

/**
 * Heavy Chinese records against the real server and its body limit: batches are weighed in UTF-8 bytes, so
 * nothing is refused at the default limit; behind a tighter limit (a proxy's, an operator's), 413 halves the
 * batch until it fits, and every record arrives once.
 */
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step().catch((e: unknown) => console.warn('cleanup', e));
  cleanup = [];
});

/** 300 device events of 2,000 Chinese characters each: 6 kB apiece, 1.8 MB in all. */
const heavyRecords = (stationId: string) =>
  Array.from({ length: 300 }, (_, i) => ({ id: newId(), stationId, at: new Date(Date.now() - 60_000 + i).toISOString(), v: 1, kind: 'device-event', type: 'note', detail: `${i}`.padEnd(2_000, '驿') }));

const startServer = async (bodyLimitBytes: number) => {
  const db: TestDb = await openTestDb('sqlite');
  cleanup.push(() => db.close());
  const server: RunningServer = await listen(db, { bodyLimitBytes });
  cleanup.push(() => server.close());
  return { db, server };
};

describe('the weight of a push (the real server, SQLite)', () => {
  it.each([
    ['the default body limit', PUSH_BODY_LIMIT_BYTES],
    ['a body limit of 64 KiB', 64 * 1024],
  ])('delivers 300 records of 2,000 Chinese characters each through %s', async (_, bodyLimitBytes) => {
    const { db, server } = await startServer(bodyLimitBytes);
    const credentials = await enrolStation(db.storage, server.url, 'heavy-east');
    const store = new MemorySyncStore(credentials, 'epoch-heavy-east');
    const records = heavyRecords('heavy-east');
    for (const record of records) store.add(record);
    const { fetch, log } = loggingFetch();
    const { engine } = kioskEngine({ store, baseUrl: server.url, credentials, fetch });

    await engine.run();
    const pushes = log.filter((call) => call.path === '/api/push');
    const refused = pushes.filter((call) => call.status === 413).length;
    console.info(`[sync] heavy records, body limit ${bodyLimitBytes} B: ${pushes.length} pushes, ${refused} refused with 413`);
    expect(engine.getState()).toMatchObject({ phase: 'idle', waiting: 0, lastError: null, deadLetters: 0 });
    expect(store.pushed).toBe(300);
    if (bodyLimitBytes === PUSH_BODY_LIMIT_BYTES) expect(refused).toBe(0);
    else expect(refused).toBeLessThanOrEqual(4);
    const [counts] = await db.query<{ n: number; d: number }>('SELECT count(*) AS n, count(DISTINCT id) AS d FROM records WHERE station_id = ?', ['heavy-east']);
    expect(counts).toEqual({ n: 300, d: 300 });
    expect(await db.storage.listDeadLetters('heavy-east')).toEqual([]);
  });
});
