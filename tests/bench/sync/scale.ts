import { cpus } from 'node:os';
import { envInt } from '../support/bench.ts';
import { type LoadResult, type LoadTarget, runLoad, type StationState } from './load.ts';
import { kioskRecords } from './support/records.ts';
import { type BenchServer, startBenchServer } from './support/server.ts';
import { aimAtMost, factor, int, ms, percentile, rate, type SyncBench, type SyncRow, within } from './support/table.ts';

/**
 * Scale (docs/scaling.md): the load bench's fleet against 1, then 2, … server processes on one PostgreSQL with
 * fsync and synchronous commits on (as in production), every request to the next process (a round-robin
 * balancer). BENCH_SCALE_PROCESSES (default 1,2), BENCH_SCALE_STATIONS (1,000), BENCH_SCALE_CYCLE_MS (1500: the
 * 30 s cycle ×20), BENCH_SCALE_CYCLES (3 measured cycles after a warm-up), BENCH_LOAD_BATCH (5) and
 * BENCH_LOAD_CONCURRENCY (64) as in load. Every process runs the production rate limits' path (the windows in
 * the database), with the limit itself raised by config.
 */
export const syncScale: SyncBench = {
  name: 'scale',
  async run({ log }) {
    const stations = envInt('BENCH_SCALE_STATIONS', 1000);
    const cycles = envInt('BENCH_SCALE_CYCLES', 3);
    const cycleMs = envInt('BENCH_SCALE_CYCLE_MS', 1500);
    const batch = envInt('BENCH_LOAD_BATCH', 5);
    const concurrency = envInt('BENCH_LOAD_CONCURRENCY', 64);
    const counts = (process.env.BENCH_SCALE_PROCESSES ?? '1,2').split(',').map(Number).filter((n) => n >= 1);

    const first = await startBenchServer({ engine: 'postgres', stations, rateLimitMax: 1_000_000, publishCatalogue: true, durable: true });
    const servers: BenchServer[] = [first];
    const results: { processes: number; result: LoadResult }[] = [];
    try {
      log(`scale: PostgreSQL up with ${int(stations)} stations (${first.engineInfo})`);
      for (const [k, processes] of counts.entries()) {
        while (servers.length < processes) {
          servers.push(await startBenchServer({ engine: 'postgres', stations: 0, rateLimitMax: 1_000_000, databaseUrl: first.databaseUrl! }));
        }
        const using = servers.slice(0, processes);
        const target: LoadTarget = {
          urls: using.map((s) => s.url),
          cpuMs: async () => (await Promise.all(using.map((s) => s.usage()))).reduce((sum, u) => sum + u.cpuMs, 0),
        };
        const states: StationState[] = first.stations.map((station, i) => ({
          station,
          epoch: `scale${k}x${crypto.randomUUID().replace(/-/g, '')}`,
          seq: 0,
          cursor: '0',
          complete: false,
          records: kioskRecords(station.id, (cycles + 1) * batch, 7000 * (k + 1) + i),
        }));
        const result = await within(`scale ${processes}`, 5 * 60_000, () => runLoad(target, states, { cycleMs, cycles, batch, concurrency }));
        results.push({ processes, result });
        log(`scale: ${processes} process(es): ${int(result.samples.length)} requests measured, ${result.errors.length} errors`);
      }
    } finally {
      for (const server of servers.slice(1).reverse()) await server.close();
      await first.close();
    }

    const rows: SyncRow[] = [];
    const notes: string[] = [];
    const base = results[0]?.result.steadyRate ?? NaN;
    for (const { processes, result } of results) {
      const all = result.samples.map((s) => s.service);
      const p99 = percentile(all, 99);
      rows.push({
        bench: 'scale',
        case: `${processes} process${processes === 1 ? '' : 'es'}, one PostgreSQL (durable), ${int(stations)} stations, 30 s → ${cycleMs / 1000} s`,
        n: `${int(all.length)} req`,
        p50: ms(percentile(all, 50)),
        p99: ms(p99),
        rate: rate(result.steadyRate, 'req/s'),
        ratio: processes === counts[0] ? '' : `${factor(result.steadyRate / base)} ${counts[0]} process`,
        aim: aimAtMost('p99 ≤ 50 ms', p99, 50),
      });
      const cpuPerRequest = result.serverCpuMs / (all.length * (1 + 1 / cycles));
      notes.push(
        `scale ${processes} process(es): server CPU ≈ ${cpuPerRequest.toFixed(2)} ms a request over all processes; generator ${Math.round((result.clientCpuMs / (result.windowMs * (1 + 1 / cycles))) * 100)} % of a core; ` +
          `${result.errors.length} errors${result.errors.length ? ` (e.g. ${[...new Set(result.errors)].slice(0, 2).join(' | ')})` : ''}`,
      );
    }
    notes.unshift(`scale: the server processes, PostgreSQL and the load generator share this machine's ${cpus().length} cores: more processes help only while a core is free`);
    return { rows: [], syncRows: rows, notes };
  },
};
