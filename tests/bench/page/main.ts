import '../../../renderer/shared/platform/zod-jitless.ts';
import demo from '@assets/demo/catalogue.json';
import { newId } from '@protocol/ids.ts';
import { RECORD_SCHEMA_VERSION, type Visit, visitSchema, type VisitorType } from '@protocol/records.ts';
import { dayKey, monthKey } from '@protocol/time.ts';
import Dexie from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import { commitRecord } from '../../../renderer/src/store/commit.ts';
import { type Stored, YizhanDb } from '../../../renderer/src/store/db.ts';
import { visitStats } from '../../../renderer/src/store/stats.ts';
import type { BenchApi, BenchWindow, CommitWay, Counts, SeedResult, StatsResult, StatsWay } from './api.ts';

const STATION = 'bench-station';
// Dexie turns on its debug mode (an async stack task per table operation) when the page's URL is localhost or
// 127.0.0.1, as this page's is; the kiosk runs from app:// or https:, where it is off. Measure it off, like there
// (?dexieDebug=1 measures it on).
Dexie.debug = new URLSearchParams(location.search).get('dexieDebug') === '1';
const purposes = demo.categories.map((c) => c.id);

/**
 * Runs each way once per round in a rotating order, so drift (disk, GC, a neighbour's load) hits all alike.
 * With `collect`, a full garbage collection (Chromium runs with --expose-gc) precedes every sample, so one
 * way's garbage is not collected on another's time.
 */
const rotate = async <W extends string>(ways: Record<W, () => Promise<unknown>>, rounds: number, warmup: number, collect = false): Promise<Record<W, number[]>> => {
  const names = Object.keys(ways) as W[];
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<W, number[]>;
  const gc = collect ? (globalThis as { gc?: () => void }).gc : undefined;
  for (let round = 0; round < warmup + rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length] as W;
      gc?.();
      const t0 = performance.now();
      await ways[name]();
      const dt = performance.now() - t0;
      if (round >= warmup) samples[name].push(dt);
    }
  }
  return samples;
};

const deleteDb = (name: string) =>
  new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
  });

/** The same two stores and indexes as the app's schema (db.ts: visits 'id, day, [purpose+day]', outbox '++seq'). */
const openRaw = (name: string) =>
  new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      const visits = req.result.createObjectStore('visits', { keyPath: 'id' });
      visits.createIndex('day', 'day');
      visits.createIndex('[purpose+day]', ['purpose', 'day']);
      req.result.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

/** The baseline: what commitRecord does with nothing around it — an id, a record, two puts, one commit. */
const rawCommit = (db: IDBDatabase, durability: IDBTransactionDurability) =>
  new Promise<void>((resolve, reject) => {
    const now = new Date();
    const record: Visit = { kind: 'visit', id: newId(), stationId: STATION, at: now.toISOString(), v: RECORD_SCHEMA_VERSION, who: 'resident', purpose: 'health' };
    const tx = db.transaction(['visits', 'outbox'], 'readwrite', { durability });
    tx.objectStore('visits').add({ ...record, day: dayKey(now) });
    tx.objectStore('outbox').add({ kind: 'visit', id: record.id, record });
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });

const commits: BenchApi['commits'] = async (rounds, warmup) => {
  await Promise.all([deleteDb('bench-commit'), deleteDb('bench-commit-raw')]);
  const db = new YizhanDb('bench-commit');
  await db.open();
  const raw = await openRaw('bench-commit-raw');
  const ways: Record<CommitWay, () => Promise<unknown>> = {
    commitRecord: () => commitRecord(db, 'visit', STATION, () => ({ kind: 'visit', who: 'resident', purpose: 'health' })),
    dexieBare: () =>
      db.transaction('rw', [db.visits, db.outbox], async () => {
        const now = new Date();
        const record: Visit = { kind: 'visit', id: newId(), stationId: STATION, at: now.toISOString(), v: RECORD_SCHEMA_VERSION, who: 'resident', purpose: 'health' };
        await db.visits.add({ ...record, day: dayKey(now) });
        await db.outbox.add({ kind: 'visit', id: record.id, record });
      }),
    rawStrict: () => rawCommit(raw, 'strict'),
    rawRelaxed: () => rawCommit(raw, 'relaxed'),
  };
  try {
    return await rotate(ways, rounds, warmup);
  } finally {
    db.close();
    raw.close();
  }
};

/** A small seeded generator (mulberry32), so every run inserts the same year. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const pick = <T>(rnd: () => number, items: readonly (readonly [T, number])[]): T => {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = rnd() * total;
  for (const [item, w] of items) if ((x -= w) < 0) return item;
  return items[items.length - 1]![0];
};

// A plausible station: bill payment and seniors come first, weekends are busier (红色周末), the day peaks mid-morning.
const purposeWeights: Record<string, number> = { bills: 30, seniors: 20, health: 18, 'law-policy': 7, neighbourhood: 10, children: 8, convenience: 7 };
const purposeMix = purposes.map((p) => [p, purposeWeights[p] ?? 5] as const);
const whoMix = [['resident', 70], ['nearby', 20], ['visitor', 10]] as const satisfies readonly (readonly [VisitorType, number])[];
const hourMix = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20].map((h) => [h, [4, 9, 11, 9, 4, 3, 7, 8, 7, 5, 3, 5, 4][h - 8] ?? 1] as const);
const weekdayWeight = [1.2, 1, 1, 1, 1, 1, 1.35];

let statsDb: YizhanDb | undefined;

const seedYear: BenchApi['seedYear'] = async (total, lastDay) => {
  await deleteDb('bench-stats');
  statsDb = new YizhanDb('bench-stats');
  await statsDb.open();
  const rnd = random(20261127);
  const [y, m, d] = lastDay.split('-').map(Number) as [number, number, number];
  const days = Array.from({ length: 365 }, (_, i) => new Date(y, m - 1, d - 364 + i, 12));
  const weights = days.map((date) => (weekdayWeight[date.getDay()] ?? 1) * (0.8 + 0.4 * rnd()));
  const sum = weights.reduce((a, b) => a + b, 0);
  const perDay = weights.map((w) => Math.floor((w / sum) * total));
  for (let i = 0, left = total - perDay.reduce((a, b) => a + b, 0); left > 0; i++, left--) perDay[i % 365]! += 1;

  const last = days[364]!;
  const expected: Counts = { today: perDay[364] ?? 0, month: 0 };
  const records: Stored<Visit>[] = [];
  days.forEach((date, i) => {
    const day = dayKey(date);
    if (monthKey(date) === monthKey(last)) expected.month += perDay[i] ?? 0;
    for (let k = 0; k < (perDay[i] ?? 0); k++) {
      const at = new Date(date.getFullYear(), date.getMonth(), date.getDate(), pick(rnd, hourMix), Math.floor(rnd() * 60), Math.floor(rnd() * 60));
      records.push({
        kind: 'visit',
        id: uuidv7({ msecs: at.getTime() }),
        stationId: STATION,
        at: at.toISOString(),
        v: RECORD_SCHEMA_VERSION,
        who: pick(rnd, whoMix),
        purpose: pick(rnd, purposeMix),
        day,
      });
    }
  });
  visitSchema.parse(records[0]);
  // Setup, not measured: raw IndexedDB puts, relaxed, 25,000 a transaction, into the stores Dexie created.
  statsDb.close();
  const t0 = performance.now();
  const raw = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('bench-stats');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  for (let i = 0; i < records.length; i += 25_000) {
    await new Promise<void>((resolve, reject) => {
      const tx = raw.transaction('visits', 'readwrite', { durability: 'relaxed' });
      const visits = tx.objectStore('visits');
      for (const record of records.slice(i, i + 25_000)) visits.add(record);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  }
  raw.close();
  const ms = performance.now() - t0;
  await statsDb.open();
  const result: SeedResult = { inserted: records.length, ms, expected };
  return result;
};

const stats: BenchApi['stats'] = async (rounds, warmup, nowIso) => {
  const db = statsDb;
  if (!db) throw new Error('seedYear first');
  const now = new Date(nowIso);
  const answers = {} as Record<StatsWay, Counts>;
  const ways: Record<StatsWay, () => Promise<unknown>> = {
    // What the home screen asks for: today and this month, from index ranges.
    visitStats: async () => {
      const s = await visitStats(db, [], now);
      answers.visitStats = { today: s.today, month: s.month };
    },
    // The same plus this month per purpose, as a staff report would.
    visitStatsByPurpose: async () => {
      const s = await visitStats(db, purposes, now);
      answers.visitStatsByPurpose = { today: s.today, month: s.month };
    },
    // The baseline: load this month's records and count in JavaScript.
    toArrayCount: async () => {
      const month = monthKey(now);
      const today = dayKey(now);
      const rows = await db.visits.where('day').between(`${month}-01`, `${month}-\uffff`, true, true).toArray();
      const byPurpose: Record<string, number> = {};
      let todayCount = 0;
      for (const v of rows) {
        if (v.day === today) todayCount++;
        byPurpose[v.purpose] = (byPurpose[v.purpose] ?? 0) + 1;
      }
      answers.toArrayCount = { today: todayCount, month: rows.length };
    },
  };
  const samples = await rotate(ways, rounds, warmup, true);
  const result: StatsResult = { samples, answers };
  return result;
};

const w = window as unknown as BenchWindow;
w.bench = { commits, seedYear, stats };
w.benchReady = true;
document.getElementById('state')!.textContent = 'ready';
