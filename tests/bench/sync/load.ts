import { type KioskRecord, RECORD_SCHEMA_VERSION } from '../../../sync/protocol/records.ts';
import type { PullResponse, PushResponse } from '../../../sync/protocol/wire.ts';
import { envInt } from '../support/bench.ts';
import { kioskRecords } from './support/records.ts';
import { type BenchServer, type BenchStation, call, startBenchServer } from './support/server.ts';
import { aimAtMost, int, ms, percentile, perSecond, rate, selfCpuMs, type SyncBench, type SyncRow, within } from './support/table.ts';

/** A counting semaphore: at most `limit` requests in flight from the whole generator. */
const semaphore = (limit: number) => {
  let free = limit;
  const queue: (() => void)[] = [];
  return {
    async acquire() {
      if (free > 0) {
        free -= 1;
        return;
      }
      await new Promise<void>((resolve) => queue.push(resolve));
    },
    release() {
      const next = queue.shift();
      if (next) next();
      else free += 1;
    },
  };
};

interface Sample {
  kind: 'push' | 'pull';
  /** Send → parsed answer. */
  service: number;
  /** Due (the round's start for a push, the push's answer for a pull) → parsed answer: includes waiting for a slot. */
  due: number;
  cycle: number;
  /** When it was sent and answered (performance.now()). */
  start: number;
  end: number;
}

export interface StationState {
  station: BenchStation;
  epoch: string;
  seq: number;
  cursor: string;
  complete: boolean;
  records: KioskRecord[];
}

export interface LoadResult {
  cycleMs: number;
  samples: Sample[];
  /** Requests answered per second while every station was past its warm-up and none had finished. */
  steadyRate: number;
  windowMs: number;
  errors: string[];
  serverCpuMs: number;
  clientCpuMs: number;
  changes: number;
}

/**
 * Every station runs the engine's round, then waits a cycle, as SyncEngine does (it schedules the next round
 * intervalMs after one ends): push its new records (one small batch), then pull from its cursor until hasMore is
 * false. Station i starts at i/N of the cycle (phases spread as the fleet's start-up spreads them). A slow server
 * therefore slows the fleet's rounds down instead of piling them up. Cycle 0 is a warm-up (and every station's
 * first, full read): not in the numbers.
 */
/** Where the load goes: one server process, or several (each request to the next, as a round-robin balancer does). */
export interface LoadTarget {
  urls: string[];
  /** CPU time of every server process so far. */
  cpuMs(): Promise<number>;
}

export const singleServer = (server: BenchServer): LoadTarget => ({ urls: [server.url], cpuMs: async () => (await server.usage()).cpuMs });

export const runLoad = async (target: LoadTarget, states: StationState[], o: { cycleMs: number; cycles: number; batch: number; concurrency: number }): Promise<LoadResult> => {
  let turn = 0;
  const nextUrl = () => target.urls[turn++ % target.urls.length]!;
  const slots = semaphore(o.concurrency);
  const samples: Sample[] = [];
  const errors: string[] = [];
  let changes = 0;
  /** Every answer's time, warm-up included, and per station when its measured rounds began and its last ended. */
  const answered: number[] = [];
  const began = new Map<StationState, number>();
  const ended = new Map<StationState, number>();
  const timed = async <T>(s: StationState, kind: Sample['kind'], cycle: number, dueAt: number, send: () => Promise<T>): Promise<T> => {
    await slots.acquire();
    const t0 = performance.now();
    try {
      const answer = await send();
      const t1 = performance.now();
      answered.push(t1);
      ended.set(s, t1);
      if (cycle > 0) {
        if (!began.has(s)) began.set(s, t0);
        samples.push({ kind, service: t1 - t0, due: t1 - dueAt, cycle, start: t0, end: t1 });
      }
      return answer;
    } finally {
      slots.release();
    }
  };
  const round = async (s: StationState, cycle: number, dueAt: number) => {
    const records = s.records.slice(cycle * o.batch, (cycle + 1) * o.batch);
    const entries = records.map((record, k) => ({ seq: s.seq + k + 1, record }));
    const body = JSON.stringify({ stationId: s.station.id, epoch: s.epoch, schemaVersion: RECORD_SCHEMA_VERSION, entries });
    const ack = await timed(s, 'push', cycle, dueAt, () => call<PushResponse>(nextUrl(), '/api/push', s.station.token, body));
    s.seq = ack.appliedSeq;
    for (let page = 0; page < 20; page++) {
      const pullBody = JSON.stringify({ stationId: s.station.id, cursor: s.cursor, limit: 500, ...(s.complete ? {} : { fullRead: true }) });
      const dueAtPull = performance.now();
      const answer = await timed(s, 'pull', cycle, dueAtPull, () => call<PullResponse>(nextUrl(), '/api/pull', s.station.token, pullBody));
      changes += answer.changes.length;
      s.cursor = answer.cursor;
      if (!answer.hasMore) {
        s.complete = true;
        break;
      }
    }
  };

  const cpu0 = await target.cpuMs();
  const self0 = selfCpuMs();
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const n = states.length;
  await Promise.all(
    states.map(async (s, i) => {
      await sleep((i / n) * o.cycleMs);
      for (let cycle = 0; cycle < o.cycles + 1; cycle++) {
        try {
          await round(s, cycle, performance.now());
        } catch (error) {
          errors.push(error instanceof Error ? error.message.split('\n')[0]! : String(error));
        }
        if (cycle < o.cycles) await sleep(o.cycleMs);
      }
    }),
  );
  const from = samples.reduce((m, x) => Math.min(m, x.start), Infinity);
  const to = samples.reduce((m, x) => Math.max(m, x.end), -Infinity);
  // The steady state: after the last station's warm-up round, before the first station's last answer.
  const t1 = Math.max(...began.values());
  const t2 = Math.min(...ended.values());
  const steadyRate = t2 > t1 ? perSecond(answered.filter((t) => t >= t1 && t <= t2).length, t2 - t1) : perSecond(samples.length, to - from);
  return {
    cycleMs: o.cycleMs,
    samples,
    steadyRate,
    windowMs: to - from,
    errors,
    serverCpuMs: (await target.cpuMs()) - cpu0,
    clientCpuMs: selfCpuMs() - self0,
    changes,
  };
};

/**
 * Load: BENCH_LOAD_STATIONS (1,000) stations, created with their tokens through the storage API, each running
 * push (BENCH_LOAD_BATCH records, default 5) + pull every 30 s, compressed to each of BENCH_LOAD_CYCLES_MS
 * (default 3000,1500: ×10 and ×20) for BENCH_LOAD_CYCLES (5) measured cycles, from a load generator in this
 * process with at most BENCH_LOAD_CONCURRENCY (64) requests in flight, against the server on SQLite with the demo
 * catalogue published district-wide (so each station's first pull reads it).
 */
export const syncLoad: SyncBench = {
  name: 'load',
  async run({ log }) {
    const stations = envInt('BENCH_LOAD_STATIONS', 1000);
    const cycles = envInt('BENCH_LOAD_CYCLES', 5);
    const batch = envInt('BENCH_LOAD_BATCH', 5);
    const concurrency = envInt('BENCH_LOAD_CONCURRENCY', 64);
    const cycleList = (process.env.BENCH_LOAD_CYCLES_MS ?? '3000,1500').split(',').map(Number).filter((x) => x > 0);

    const s0 = performance.now();
    const server = await startBenchServer({ engine: 'sqlite', stations, rateLimitMax: 1_000_000, publishCatalogue: true });
    const setupMs = performance.now() - s0;
    log(`load: server up with ${int(stations)} stations and their tokens in ${ms(setupMs)}`);
    const results: LoadResult[] = [];
    let made = 0;
    let held: { records: number; deadLetters: number } | undefined;
    try {
      for (const [k, cycleMs] of cycleList.entries()) {
        // A fresh epoch, cursor and records for every compression: each starts as a fleet's first sync of the day.
        const states: StationState[] = server.stations.map((station, i) => ({
          station,
          epoch: `load${k}x${crypto.randomUUID().replace(/-/g, '')}`,
          seq: 0,
          cursor: '0',
          complete: false,
          records: kioskRecords(station.id, (cycles + 1) * batch, 1000 * k + i),
        }));
        made += states.length * (cycles + 1) * batch;
        const result = await within(`load ${cycleMs} ms`, 5 * 60_000, () => runLoad(singleServer(server), states, { cycleMs, cycles, batch, concurrency }));
        results.push(result);
        log(`load: 30 s → ${ms(cycleMs)}: ${int(result.samples.length)} requests measured, ${result.errors.length} errors`);
      }
      held = await server.count(server.stations[0]!.id);
    } finally {
      await server.close();
    }

    const rows: SyncRow[] = [];
    const notes: string[] = [];
    for (const r of results) {
      const all = r.samples.map((s) => s.service);
      const p99 = percentile(all, 99);
      const label = `${int(stations)} stations, 30 s → ${r.cycleMs / 1000} s (×${Math.round(30_000 / r.cycleMs)})`;
      rows.push({
        bench: 'load',
        case: `${label}: push + pull`,
        n: `${int(all.length)} req`,
        p50: ms(percentile(all, 50)),
        p99: ms(p99),
        rate: rate(r.steadyRate, 'req/s'),
        ratio: '',
        aim: aimAtMost('p99 ≤ 50 ms', p99, 50),
      });
      for (const kind of ['push', 'pull'] as const) {
        const xs = r.samples.filter((s) => s.kind === kind).map((s) => s.service);
        rows.push({ bench: 'load', case: `  ${kind} (${kind === 'push' ? `${batch} records` : 'from the cursor'})`, n: int(xs.length), p50: ms(percentile(xs, 50)), p99: ms(percentile(xs, 99)), rate: '', ratio: '', aim: '' });
      }
      const due = r.samples.map((s) => s.due);
      rows.push({ bench: 'load', case: `  from when it was due (+ waiting for one of ${concurrency} slots)`, n: int(due.length), p50: ms(percentile(due, 50)), p99: ms(percentile(due, 99)), rate: '', ratio: '', aim: '' });
      const offered = (stations * 2) / (r.cycleMs / 1000);
      const served = r.steadyRate;
      // Warm-up included on both sides of the division: CPU per request over the whole phase.
      const cpuPerRequest = r.serverCpuMs / (all.length * (1 + 1 / cycles));
      notes.push(
        `load ${r.cycleMs / 1000} s cycle: at most ≈ ${int(offered)} req/s if every round took no time, served ${int(served)} (each station waits a cycle after its round ends); ` +
          `server CPU ≈ ${cpuPerRequest.toFixed(2)} ms a request (one free core: ≈ ${int(1000 / cpuPerRequest)} req/s), ${Math.round((r.serverCpuMs / (r.windowMs * (1 + 1 / cycles))) * 100)} % of a core over the phase, ` +
          `generator ${Math.round((r.clientCpuMs / (r.windowMs * (1 + 1 / cycles))) * 100)} %; ${int(r.changes)} changes pulled; ${r.errors.length} errors` +
          (r.errors.length ? ` (e.g. ${[...new Set(r.errors)].slice(0, 2).join(' | ')})` : '') +
          `; p99 cycle by cycle ${[...new Set(r.samples.map((s) => s.cycle))].map((c) => ms(percentile(r.samples.filter((s) => s.cycle === c).map((s) => s.service), 99))).join(', ')}`,
      );
    }
    notes.unshift(
      `load: ${int(stations)} stations created with their tokens through the storage API (server up in ${ms(setupMs)}); rate limit raised to 1,000,000/min/station by config ` +
        `(the production 300/min would also pass here: a station makes ${Math.round((2 * 60_000) / Math.min(...cycleList))} requests a minute at the fastest cycle); ` +
        `${cycles} measured cycles after a warm-up cycle (each station's first, full read of the catalogue); at most ${concurrency} requests in flight (Node fetch, keep-alive: ≤ ${concurrency} sockets); ` +
        `${int(made)} records pushed in all (${server.stations[0]!.id} pushed ${int(cycleList.length * (cycles + 1) * batch)}, the server holds ${int(held?.records ?? 0)} of them, ${held?.deadLetters ?? '?'} dead letters); latency = send → parsed answer unless said`,
    );
    return { rows: [], syncRows: rows, notes };
  },
};
