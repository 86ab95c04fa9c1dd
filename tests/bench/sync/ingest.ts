import { type KioskRecord, RECORD_SCHEMA_VERSION } from '../../../sync/protocol/records.ts';
import { MAX_PUSH_ENTRIES, type PushResponse } from '../../../sync/protocol/wire.ts';
import { envInt } from '../support/bench.ts';
import { startChild } from './support/child.ts';
import { destroy, localDatabase, replicate } from './support/pouch-client.mjs';
import { kindCounts, kioskRecords, MIX, withNewIds } from './support/records.ts';
import { type BenchServer, type BenchStation, call, startBenchServer } from './support/server.ts';
import { aimAtLeast, factor, int, median, ms, percentile, perSecond, rate, selfCpuMs, type SyncBench, type SyncRow, within } from './support/table.ts';

/** What this process's ingest bench measured (median rec/s), for the drain bench to compare with. */
export const measuredIngest: { sqlite?: number; postgres?: number; peer?: number } = {};

/** A fresh outbox epoch (the tablet makes one when it creates its database). */
const newEpoch = () => crypto.randomUUID().replace(/-/g, '');

interface PushRun {
  ms: number;
  /** Round trip of each push (fetch → parsed answer), ms; the body is built before the clock starts. */
  latencies: number[];
  deadLetters: number;
  bodyBytes: number;
}

/** One station draining `records` under a new epoch, `batch` per push, one push at a time (seq 1, 2, 3 …). */
const pushAll = async (url: string, station: BenchStation, records: readonly KioskRecord[], batch: number): Promise<PushRun> => {
  const epoch = newEpoch();
  const latencies: number[] = [];
  let deadLetters = 0;
  let bodyBytes = 0;
  const t0 = performance.now();
  for (let i = 0; i < records.length; i += batch) {
    const entries = records.slice(i, i + batch).map((record, k) => ({ seq: i + k + 1, record }));
    const body = JSON.stringify({ stationId: station.id, epoch, schemaVersion: RECORD_SCHEMA_VERSION, entries });
    bodyBytes += body.length;
    const s = performance.now();
    const ack = await call<PushResponse>(url, '/api/push', station.token, body);
    latencies.push(performance.now() - s);
    if (ack.appliedSeq !== i + entries.length) throw new Error(`push ${station.id}: appliedSeq ${ack.appliedSeq}, expected ${i + entries.length}`);
    deadLetters += ack.deadLetters.length;
  }
  return { ms: performance.now() - t0, latencies, deadLetters, bodyBytes };
};

interface Measured {
  key: 'sqlite' | 'postgres' | 'peer';
  label: string;
  info: string;
  /** Each run's wall time and per-push (per-batch) times. */
  runs: { ms: number; latencies: number[] }[];
  /** CPU of the server process and of this process during the runs, and the runs' wall time. */
  serverCpuMs: number;
  clientCpuMs: number;
  wallMs: number;
  /** Several stations at once, one run (ours only). */
  parallel?: PushRun & { stations: number; records: number };
  check: string;
}

/** One contender: started and warmed up, then asked for runs in turn with the others. */
interface Contender {
  measured: Measured;
  run(r: number): Promise<{ ms: number; latencies: number[] }>;
  serverCpu(): Promise<number>;
  /** After the runs: anything more to measure, and the check of what the server holds. */
  finish(): Promise<void>;
  close(): Promise<void>;
}

const ours = async (server: BenchServer, sets: (r: number) => KioskRecord[], o: { total: number; batch: number; parallel: number }, log: (m: string) => void): Promise<Contender> => {
  const [main, ...others] = server.stations as [BenchStation, ...BenchStation[]];
  const warm = others.at(-1)!;
  // Warm-up, not measured: the server's and the client's code paths get compiled.
  await pushAll(server.url, warm, kioskRecords(warm.id, 20 * o.batch, 99), o.batch);
  let deadLetters = 0;
  const measured: Measured = {
    key: server.engine,
    label: server.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL',
    info: server.engineInfo,
    runs: [],
    serverCpuMs: 0,
    clientCpuMs: 0,
    wallMs: 0,
    check: '',
  };
  return {
    measured,
    async run(r) {
      const run = await pushAll(server.url, main, sets(r), o.batch);
      deadLetters += run.deadLetters;
      return run;
    },
    serverCpu: async () => (await server.usage()).cpuMs,
    async finish() {
      // The same number of records from several stations at once: one writer at a time in SQLite, a pool in PostgreSQL.
      const stations = others.slice(0, o.parallel);
      const share = Math.ceil(o.total / stations.length);
      const perStation = stations.map((s, i) => kioskRecords(s.id, share, 10 + i));
      const t0 = performance.now();
      const parts = await Promise.all(stations.map((s, i) => pushAll(server.url, s, perStation[i]!, o.batch)));
      measured.parallel = {
        ms: performance.now() - t0,
        latencies: parts.flatMap((p) => p.latencies),
        deadLetters: parts.reduce((n, p) => n + p.deadLetters, 0),
        bodyBytes: parts.reduce((n, p) => n + p.bodyBytes, 0),
        stations: stations.length,
        records: share * stations.length,
      };
      log(`ingest ${server.engine}: ${stations.length} stations at once: ${int(perSecond(measured.parallel.records, measured.parallel.ms))} rec/s`);
      const held = await server.count(main.id);
      const expected = o.total * measured.runs.length;
      measured.check =
        held.records === expected && held.deadLetters === 0 && deadLetters === 0
          ? `holds all ${int(expected)} records of ${main.id} once, no dead letters`
          : `MISMATCH: holds ${int(held.records)} records and ${held.deadLetters} dead letters of ${main.id}, expected ${int(expected)} and 0 (acks reported ${deadLetters})`;
    },
    close: () => server.close(),
  };
};

const peerContender = async (records: readonly KioskRecord[], o: { batch: number }, log: (m: string) => void): Promise<Contender> => {
  const peer = await startChild<{ url: string }>('PouchDB peer', [new URL('./support/peer-child.mjs', import.meta.url).pathname], {});
  try {
    const fill0 = performance.now();
    const local = await localDatabase(`bench-local-${Date.now()}`, records);
    const fillMs = performance.now() - fill0;
    log(`ingest peer: local PouchDB filled with ${int(records.length)} docs in ${ms(fillMs)} (not timed)`);
    const warm = await localDatabase(`bench-warm-${Date.now()}`, records.slice(0, 20 * o.batch));
    await replicate(warm, `${peer.ready.url}/warmup`, o.batch);
    await destroy(warm);
    await peer.ask('drop warmup');
    const held: number[] = [];
    const measured: Measured = {
      key: 'peer',
      label: 'peer',
      info: `local database filled with the same ${int(records.length)} records (_id = record id) in ${ms(fillMs)}, not timed`,
      runs: [],
      serverCpuMs: 0,
      clientCpuMs: 0,
      wallMs: 0,
      check: '',
    };
    return {
      measured,
      async run(r) {
        const db = `peer-${r}`;
        const run = await replicate(local, `${peer.ready.url}/${db}`, o.batch);
        if (run.docsWritten !== records.length) throw new Error(`peer: ${run.docsWritten} docs written, expected ${records.length}`);
        held.push((await peer.ask<{ docs: number }>(`info ${db}`)).docs);
        await peer.ask(`drop ${db}`);
        return { ms: run.ms, latencies: run.batches };
      },
      serverCpu: async () => (await peer.ask<{ cpuMs: number }>('usage')).cpuMs,
      async finish() {
        measured.check = `the remote databases held ${held.map(int).join(', ')} docs`;
        await destroy(local);
      },
      close: () => peer.close(),
    };
  } catch (error) {
    await peer.close();
    throw error;
  }
};

/**
 * Server ingest: `total` kiosk records (records.ts: mostly visits) pushed by one station from a Node client
 * (fetch, keep-alive), `batch` per push with contiguous seqs under one epoch, to the real server in its own
 * process on 127.0.0.1 — SQLite, then PostgreSQL — `runs` times each (fresh ids every run), then the same
 * records from several stations at once. The peer in the same run: the same records replicated with
 * PouchDB.replicate (memory adapter, batch_size = batch) to express-pouchdb (memory adapter) in its own process.
 * BENCH_INGEST_RECORDS, BENCH_INGEST_BATCH, BENCH_INGEST_RUNS, BENCH_PEER_RUNS, BENCH_INGEST_PARALLEL,
 * BENCH_INGEST_ENGINES (sqlite,postgres,peer) change it.
 */
export const syncIngest: SyncBench = {
  name: 'ingest',
  async run({ log }) {
    const total = envInt('BENCH_INGEST_RECORDS', 100_000);
    const batch = Math.min(envInt('BENCH_INGEST_BATCH', 500), MAX_PUSH_ENTRIES);
    const runs = envInt('BENCH_INGEST_RUNS', 3);
    const peerRuns = envInt('BENCH_PEER_RUNS', 2);
    const parallel = envInt('BENCH_INGEST_PARALLEL', 4);
    const engines = (process.env.BENCH_INGEST_ENGINES ?? 'sqlite,postgres,peer').split(',').map((e) => e.trim());

    const made0 = performance.now();
    const base = kioskRecords('bench-0000', total, 1);
    const cache: KioskRecord[][] = [base];
    // Run r pushes the same records under new ids (the server keeps every earlier run's records).
    const sets = (r: number) => (cache[r] ??= withNewIds(base));
    const bytes = JSON.stringify(base.slice(0, 10_000)).length / Math.min(10_000, base.length);
    log(`ingest: ${int(total)} records made and checked with kioskRecordSchema in ${ms(performance.now() - made0)}: ${kindCounts(base)}`);

    // Every contender up and warmed, then their runs in turns (the order rotating), so that a neighbour's load on
    // this shared machine falls on all of them alike; then the several-station runs.
    const contenders: Contender[] = [];
    const counts = new Map<Contender, number>();
    try {
      for (const engine of ['sqlite', 'postgres'] as const) {
        if (!engines.includes(engine)) continue;
        log(`ingest ${engine}: starting the server${engine === 'postgres' ? ' and a throwaway PostgreSQL cluster' : ''}`);
        const server = await startBenchServer({ engine, stations: 2 + parallel, rateLimitMax: 1_000_000 });
        const c = await ours(server, sets, { total, batch, parallel }, log).catch(async (error: unknown) => {
          await server.close();
          throw error;
        });
        contenders.push(c);
        counts.set(c, runs);
      }
      if (engines.includes('peer')) {
        const c = await peerContender(base, { batch }, log);
        contenders.push(c);
        counts.set(c, peerRuns);
      }
      await within('ingest runs', 12 * 60_000, async () => {
        for (let r = 0; r < Math.max(...counts.values()); r++) {
          for (let i = 0; i < contenders.length; i++) {
            const c = contenders[(r + i) % contenders.length]!;
            if (r >= counts.get(c)!) continue;
            const cpu0 = await c.serverCpu();
            const self0 = selfCpuMs();
            const run = await c.run(r);
            c.measured.serverCpuMs += (await c.serverCpu()) - cpu0;
            c.measured.clientCpuMs += selfCpuMs() - self0;
            c.measured.wallMs += run.ms;
            c.measured.runs.push(run);
            log(`ingest ${c.measured.key}: run ${r + 1}/${counts.get(c)}: ${int(perSecond(total, run.ms))} rec/s`);
          }
        }
        for (const c of contenders) await c.finish();
      });
    } finally {
      for (const c of contenders) await c.close();
    }

    const measuredOf = (key: Measured['key']) => contenders.find((c) => c.measured.key === key)?.measured;
    const peer = measuredOf('peer');
    const rateOf = (m: Measured) => median(m.runs.map((r) => perSecond(total, r.ms)));
    const peerRate = peer ? rateOf(peer) : Number.NaN;
    if (peer) measuredIngest.peer = peerRate;
    const cpuPerRecord = (m: Measured) => (m.serverCpuMs * 1000) / (total * m.runs.length);
    const rows: SyncRow[] = [];
    for (const key of ['sqlite', 'postgres'] as const) {
      const e = measuredOf(key);
      if (!e) continue;
      const ourRate = rateOf(e);
      measuredIngest[key] = ourRate;
      const lat = e.runs.flatMap((r) => r.latencies);
      const ratio = ourRate / peerRate;
      rows.push({
        bench: 'ingest',
        case: `${e.label}: 1 station, ${batch}/push, one at a time`,
        n: `${lat.length} pushes`,
        p50: ms(percentile(lat, 50)),
        p99: ms(percentile(lat, 99)),
        rate: rate(ourRate),
        ratio: peer ? `${factor(ratio)} peer` : '',
        aim: peer ? aimAtLeast('≥ ×10 peer', ratio, 10) : '≥ ×10 peer',
      });
      rows.push({
        bench: 'ingest',
        case: `  its server's CPU alone: ${cpuPerRecord(e).toFixed(1)} µs a record → one free core`,
        n: '',
        p50: '',
        p99: '',
        rate: rate(1e6 / cpuPerRecord(e)),
        ratio: peer ? `${factor(1e6 / cpuPerRecord(e) / peerRate)} peer` : '',
        aim: '',
      });
      if (e.parallel) {
        const pRate = perSecond(e.parallel.records, e.parallel.ms);
        rows.push({
          bench: 'ingest',
          case: `${e.label}: ${e.parallel.stations} stations at once, ${batch}/push`,
          n: `${e.parallel.latencies.length} pushes`,
          p50: ms(percentile(e.parallel.latencies, 50)),
          p99: ms(percentile(e.parallel.latencies, 99)),
          rate: rate(pRate),
          ratio: peer ? `${factor(pRate / peerRate)} peer` : '',
          aim: '',
        });
      }
    }
    if (peer) {
      const intervals = peer.runs.flatMap((r) => r.latencies);
      rows.push({
        bench: 'ingest',
        case: `peer: PouchDB memory → express-pouchdb memory, batch_size ${batch}`,
        n: `${intervals.length} batches`,
        p50: ms(percentile(intervals, 50)),
        p99: ms(percentile(intervals, 99)),
        rate: rate(peerRate),
        ratio: 'baseline',
        aim: "issue's reference ≈ 6,000 rec/s",
      });
      rows.push({
        bench: 'ingest',
        case: `  its server's CPU alone: ${cpuPerRecord(peer).toFixed(1)} µs a record → one free core`,
        n: '',
        p50: '',
        p99: '',
        rate: rate(1e6 / cpuPerRecord(peer)),
        ratio: '',
        aim: '',
      });
    }

    const share = (part: number, whole: number) => `${Math.round((part / whole) * 100)} %`;
    const notes: string[] = [
      `ingest: ${int(total)} records per run (${MIX}); ${int(bytes)} B of JSON per record, ${int(batch)} per push (≈ ${int((bytes * batch) / 1024)} KB bodies); ` +
        `client: Node ${process.version} fetch (undici, keep-alive) in the bench process; server: buildServer + listen on 127.0.0.1:0 in its own Node process, ` +
        `production config but rate limit raised to 1,000,000/min/station (one station pushes ${int((total / batch) * runs)} times here) and maintenance off; log level info to a file; ` +
        `all contenders up at once, their runs taken in turns; latency = one push's round trip (body built before the clock starts); rate = records / wall time of a run, median of runs; ` +
        `"CPU alone" = the server process's CPU time per record over its runs, the rate it would reach with a core to itself and nothing to wait for`,
    ];
    for (const m of contenders.map((c) => c.measured)) {
      notes.push(
        `ingest ${m.label}: ${m.info}; runs ${m.runs.map((r) => int(perSecond(total, r.ms))).join(', ')} rec/s; ` +
          `its server process was on CPU ${share(m.serverCpuMs, m.wallMs)} of the runs' wall time, this process (client) ${share(m.clientCpuMs, m.wallMs)}; ${m.check}`,
      );
    }
    if (peer) {
      notes.push(
        `ingest peer: PouchDB 9 (pouchdb-core + adapter-memory + adapter-http + replication) → express-pouchdb 4.2 (mode minimumForPouchDB) on memory in its own process; ` +
          `one-shot PouchDB.replicate per run into a new remote database; p50/p99 = time between 'change' events (one per batch written)`,
      );
    }
    return { rows: [], syncRows: rows, notes };
  },
};
