import '../../../../renderer/shared/platform/zod-jitless.ts';
import demo from '@assets/demo/catalogue.json';
import { stationSettingsSchema } from '@protocol/catalogue.ts';
import { SyncEngine } from '../../../../sync/client/engine.ts';
import type { SyncStore } from '../../../../sync/client/store.ts';
import { httpTransport, type Transport } from '../../../../sync/client/transport.ts';
import { YizhanDb } from '../../../../renderer/src/store/db.ts';
import { DexieSyncStore } from '../../../../renderer/src/store/sync-store.ts';
import { memoryTokenVault } from '../../../../renderer/src/sync/token-vault.ts';
import Dexie from 'dexie';
import { kioskRecords } from '../support/records.ts';
import type { DrainApi, DrainResult, DrainWindow } from './api.ts';

/**
 * The drain bench page: the kiosk's own Dexie schema (YizhanDb), its SyncStore (DexieSyncStore) and the sync
 * engine with its HTTP transport, wired as renderer/src/sync/SyncProvider.tsx wires them (Web Locks, storage
 * estimate), talking to the real server that serves this page (same origin). No UI.
 */
const NAME = 'bench-drain';
/** The station token, kept apart from IndexedDB as the kiosk keeps it (in the shell, safeStorage). */
const vault = memoryTokenVault();
// Dexie turns on its debug mode (an async stack task per operation) on localhost and 127.0.0.1, as this page's
// origin is; the kiosk runs from app:// or https:, where it is off. Measure it off (?dexieDebug=1: on), as page/ does.
Dexie.debug = new URLSearchParams(location.search).get('dexieDebug') === '1';
let station: { id: string; token: string } | null = null;

const deleteDb = (name: string) =>
  new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
  });

const fill: DrainApi['fill'] = async (count, who) => {
  station = who;
  await deleteDb(NAME);
  const db = new YizhanDb(NAME);
  await db.open();
  await new DexieSyncStore(db, vault).setCredentials({ stationId: who.id, token: who.token });
  await db.settings.put(stationSettingsSchema.parse({ ...demo.station, stationId: who.id, demo: false }));
  db.close();
  const m0 = performance.now();
  const records = kioskRecords(who.id, count, 7);
  const makeMs = performance.now() - m0;
  const raw = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(NAME);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const w0 = performance.now();
  for (let i = 0; i < records.length; i += 25_000) {
    await new Promise<void>((resolve, reject) => {
      const tx = raw.transaction('outbox', 'readwrite', { durability: 'relaxed' });
      const outbox = tx.objectStore('outbox');
      // The shape commitRecord writes: { kind, id, record }, seq from the store's key generator.
      for (const record of records.slice(i, i + 25_000)) outbox.add({ kind: record.kind, id: record.id, record });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  }
  raw.close();
  return { count: records.length, makeMs, writeMs: performance.now() - w0 };
};

const readAll: DrainApi['readAll'] = async (batch) => {
  const db = new YizhanDb(NAME);
  await db.open();
  const store = new DexieSyncStore(db, vault);
  const t0 = performance.now();
  let after = 0;
  let count = 0;
  for (;;) {
    const items = await store.readOutbox(after, batch);
    if (items.length === 0) break;
    count += items.length;
    after = items.at(-1)!.seq;
  }
  const ms = performance.now() - t0;
  db.close();
  return { count, ms };
};

type Phases = DrainResult['phases'];
const add = (phases: Phases, key: string, ms: number) => {
  const p = (phases[key] ??= { ms: 0, calls: 0 });
  p.ms += ms;
  p.calls += 1;
};

/** The store with every method timed (the engine awaits them one at a time, so the times add up). */
const timedStore = (store: SyncStore, phases: Phases, onRead: (items: number) => void): SyncStore =>
  new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const t0 = performance.now();
        const result = (await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args)) as unknown;
        add(phases, `store.${String(key)}`, performance.now() - t0);
        if (key === 'readOutbox') onRead((result as unknown[]).length);
        return result;
      };
    },
  });

const timedTransport = (transport: Transport, phases: Phases, pushMs: number[]): Transport => ({
  async call(name, body) {
    const t0 = performance.now();
    try {
      return await transport.call(name, body);
    } finally {
      const ms = performance.now() - t0;
      add(phases, `server.${name}`, ms);
      if (name === 'push') pushMs.push(ms);
    }
  },
  probe: () => transport.probe(),
});

// As SyncProvider.tsx: one engine per tablet through Web Locks, and the storage estimate for the heartbeat.
const withWebLock = (task: () => Promise<void>): Promise<void> =>
  navigator.locks ? navigator.locks.request('yizhan-sync', { ifAvailable: true }, (lock) => (lock ? task() : undefined)) : task();
const storageEstimate = async () => {
  const estimate = await navigator.storage?.estimate?.();
  return { used: estimate?.usage ?? null, quota: estimate?.quota ?? null };
};

const drain: DrainApi['drain'] = async () => {
  if (!station) throw new Error('fill first');
  const token = station.token;
  const db = new YizhanDb(NAME);
  await db.open();
  const phases: Phases = {};
  const pushMs: number[] = [];
  const batchMs: number[] = [];
  let drainedAt: number | null = null;
  let lastRead: number | null = null;
  const store = timedStore(new DexieSyncStore(db, vault), phases, (items) => {
    const now = performance.now();
    if (lastRead !== null && drainedAt === null) batchMs.push(now - lastRead);
    lastRead = now;
    if (items === 0 && drainedAt === null) drainedAt = now;
  });
  const transport = timedTransport(httpTransport({ baseUrl: new URL('./', location.href).toString(), token: () => token }), phases, pushMs);
  const engine = new SyncEngine({ store, transport, appVersion: 'bench', storage: storageEstimate, withLock: withWebLock });
  const t0 = performance.now();
  await engine.run();
  const roundMs = performance.now() - t0;
  const { phase, waiting, lastError, deadLetters, firstPullDone } = engine.getState();
  engine.stop();
  db.close();
  return { drainMs: (drainedAt ?? performance.now()) - t0, roundMs, pushMs, batchMs, phases, state: { phase, waiting, lastError, deadLetters, firstPullDone } };
};

const w = window as unknown as DrainWindow;
w.drainBench = { fill, readAll, drain };
w.drainReady = true;
document.getElementById('state')!.textContent = 'ready';
