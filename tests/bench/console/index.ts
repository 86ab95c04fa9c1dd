import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { buildServer } from '../../../sync/server/app.ts';
import { defaultConfig } from '../../../sync/server/config.ts';
import { openPostgresStorage } from '../../../sync/server/storage/postgres/index.ts';
import { openSqliteStorage } from '../../../sync/server/storage/sqlite/index.ts';
import type { Storage } from '../../../sync/server/storage/types.ts';
import { createDatabase, findPgBin, startPgCluster } from '../../../sync/server/testing/postgres.ts';
import type { Bench, BenchResult } from '../support/bench.ts';
import { envInt } from '../support/bench.ts';
import { median, ms, percentile, textTable } from '../support/summary.ts';
import { makeDistrict, saveHeartbeats } from './district.ts';
import { loadYear } from './load.ts';
import { adminCalls, type Client, communityCalls, type PageCall, signIn } from './pages.ts';
import { monthStart, twelveMonths, YEAR_MIX } from './year.ts';

/**
 * Issue 10's console benchmark: a year of a district (100 stations, about 2,000,000 visits and 50,000 requests at
 * BENCH_CONSOLE_SCALE=1) loaded through the server's push path into SQLite (a temp file, WAL, as the server opens
 * it) and PostgreSQL (a throwaway cluster), then the console's API calls timed through the real app: p50/p95 of
 * the server's time against the aim (a page ≤ 100 ms, an export ≤ 2 s), for the district admin and for one
 * community's staff.
 */
type Engine = 'sqlite' | 'postgres';

/** The year ends on 30 November 2026; the console is opened the next morning at 09:00 (UTC+8). */
const LAST_MONTH = '2026-11';
const NOW = new Date('2026-12-01T01:00:00.000Z');

interface Opened {
  storage: Storage;
  info: string;
  size(): Promise<string>;
  /** After the bulk load: what a year of running would have done anyway (PostgreSQL's autovacuum analyses). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

const openSqlite = async (): Promise<Opened> => {
  const dir = await mkdtemp(join(tmpdir(), 'yizhan-bench-console-'));
  const path = join(dir, 'yizhan.sqlite');
  const storage = openSqliteStorage({ path });
  return {
    storage,
    info: 'SQLite, temp file, WAL',
    settle: async () => {},
    size: async () => `${Math.round(((await stat(path)).size + (await stat(`${path}-wal`).catch(() => ({ size: 0 }))).size) / 1e6)} MB`,
    close: async () => {
      await storage.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
};

const openPostgres = async (): Promise<Opened> => {
  const bin = await findPgBin();
  if (!bin) throw new Error('no PostgreSQL binaries (initdb): set PG_BIN');
  const cluster = await startPgCluster(bin);
  try {
    const database = await createDatabase(cluster.url());
    const storage = openPostgresStorage({ connectionString: database.url });
    const query = async (sql: string) => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        return await client.query<Record<string, string>>(sql);
      } finally {
        await client.end();
      }
    };
    return {
      storage,
      info: `PostgreSQL ${bin.split('/').at(-2)}, throwaway cluster (fsync off), ANALYZE after the load as autovacuum would have`,
      size: async () => `${Math.round(Number((await query('SELECT pg_database_size(current_database()) AS bytes')).rows[0]!.bytes) / 1e6)} MB`,
      close: async () => {
        await storage.close();
        await cluster.stop();
      },
      settle: async () => {
        await query('ANALYZE');
      },
    };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
};

interface Measured {
  engine: Engine;
  staff: string;
  call: PageCall;
  samples: number[];
  bytes: number;
}

const dayOf = (instant: number) => new Date(instant + 8 * 3_600_000).toISOString().slice(0, 10);

const measure = async (client: Client, calls: readonly PageCall[], o: { runs: number; warmup: number; caseBudgetMs: number }) => {
  const out: { call: PageCall; samples: number[]; bytes: number }[] = [];
  for (const call of calls) {
    let bytes = 0;
    for (let i = 0; i < o.warmup; i++) bytes = (await client.get(call)).bytes;
    const samples: number[] = [];
    const started = performance.now();
    // A slow export gets fewer runs (at least 5) so that one case cannot hold the machine for minutes.
    while (samples.length < o.runs && (samples.length < 5 || performance.now() - started < o.caseBudgetMs)) samples.push((await client.get(call)).ms);
    out.push({ call, samples, bytes });
  }
  return out;
};

const runEngine = async (engine: Engine, o: { stations: number; scale: number; batch: number; runs: number; log: (m: string) => void }) => {
  const opened = engine === 'sqlite' ? await openSqlite() : await openPostgres();
  const logDir = await mkdtemp(join(tmpdir(), 'yizhan-bench-console-log-'));
  try {
    const { storage } = opened;
    await storage.migrate();
    const district = await makeDistrict(storage, o.stations, NOW);
    const months = twelveMonths(LAST_MONTH);
    o.log(`console ${engine}: ${district.stations.length} stations in ${district.communities.length} communities; loading ${months[0]} … ${LAST_MONTH} at scale ${o.scale}`);
    const loaded = await loadYear(storage, { stations: district.stations, months, now: NOW.getTime(), scale: o.scale, batch: o.batch, concurrency: engine === 'postgres' ? 4 : 1, log: o.log });
    await saveHeartbeats(storage, district.stations, NOW.getTime());
    await opened.settle();
    const size = await opened.size();
    o.log(`console ${engine}: loaded ${loaded.records.toLocaleString('en')} records in ${(loaded.ms / 1000).toFixed(0)} s (${Math.round(loaded.records / (loaded.ms / 1000)).toLocaleString('en')} rec/s), ${size}`);

    const logger = pino({ level: 'info' }, pino.destination({ dest: join(logDir, 'server.log'), sync: false }));
    const { app } = await buildServer({ storage, config: { ...defaultConfig, maintenanceIntervalMs: 0 }, logger, now: () => NOW });
    try {
      const monthFrom = dayOf(monthStart(LAST_MONTH));
      const monthTo = dayOf(NOW.getTime() - 86_400_000);
      const range = { month: LAST_MONTH, monthFrom, monthTo, yearFrom: dayOf(monthStart(months[0]!)), yearTo: monthTo };
      const settings = { runs: o.runs, warmup: 3, caseBudgetMs: 20_000 };
      const admin = await measure(await signIn(app, district.adminLogin), adminCalls({ ...range, community: district.staffCommunity }), settings);
      const community = await measure(await signIn(app, district.communityStaffLogin), communityCalls(range), settings);
      const measured: Measured[] = [
        ...admin.map((m) => ({ ...m, engine, staff: 'district admin' })),
        ...community.map((m) => ({ ...m, engine, staff: `community staff (${district.staffCommunity}, ${district.communities[0]!.stationIds.length} stations)` })),
      ];
      const kinds = [...loaded.kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n.toLocaleString('en')}`).join(' · ');
      const note = `${engine}: ${opened.info}; loaded ${loaded.records.toLocaleString('en')} records through applyPush (${o.batch} a push) and ${loaded.dispatches.toLocaleString('en')} centre dispatches in ${(loaded.ms / 1000).toFixed(0)} s = ${Math.round(loaded.records / (loaded.ms / 1000)).toLocaleString('en')} rec/s, ${loaded.deadLetters} dead letters, database ${size}: ${kinds}`;
      return { measured, note };
    } finally {
      await app.close();
    }
  } finally {
    await opened.close();
    await rm(logDir, { recursive: true, force: true });
  }
};

const kbOf = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export const consoleTable = (rows: readonly Measured[]): string =>
  textTable(
    ['database', 'staff', 'call', 'n', 'p50', 'p95', 'answer', 'aim (issue 10, p95)'],
    rows.map((r) => {
      const p95 = percentile(r.samples, 95);
      return [r.engine, r.staff, r.call.label, String(r.samples.length), ms(median(r.samples)), ms(p95), kbOf(r.bytes), `≤ ${r.call.aimMs >= 1000 ? `${r.call.aimMs / 1000} s` : `${r.call.aimMs} ms`} (${p95 <= r.call.aimMs ? 'met' : 'NOT met'})`];
    }),
    [3, 4, 5, 6],
  );

export const consoleBench: Bench = {
  name: 'console',
  onlyWhenNamed: true,
  async run({ log }): Promise<BenchResult> {
    const scale = Number(process.env.BENCH_CONSOLE_SCALE ?? 1);
    if (!(scale > 0 && scale <= 1)) throw new Error('BENCH_CONSOLE_SCALE: a share of the full year, 0 < scale ≤ 1');
    const engines = (process.env.BENCH_CONSOLE_ENGINES ?? 'sqlite,postgres').split(',').map((e) => e.trim()) as Engine[];
    const unknown = engines.filter((e) => e !== 'sqlite' && e !== 'postgres');
    if (unknown.length) throw new Error(`BENCH_CONSOLE_ENGINES: unknown ${unknown.join(', ')}`);
    const o = { stations: envInt('BENCH_CONSOLE_STATIONS', 100), scale, batch: envInt('BENCH_CONSOLE_BATCH', 2000), runs: envInt('BENCH_CONSOLE_RUNS', 30), log };
    const rows: Measured[] = [];
    const notes: string[] = [`console: ${o.stations} stations, one year (${twelveMonths(LAST_MONTH)[0]} … ${LAST_MONTH}) at scale ${scale} of the records a day; ${YEAR_MIX}`];
    for (const engine of engines) {
      const result = await runEngine(engine, o);
      rows.push(...result.measured);
      notes.push(`console ${result.note}`);
    }
    notes.push('console: the console\'s initial JavaScript, gzip, is the js bench\'s (npm run bench -- js)');
    notes.push(`console: server time around app.inject in this process (routing, session, scope, storage, serialisation; no network), ${o.runs} runs after 3 warm-ups (fewer, at least 5, when a case passes 20 s); month = ${LAST_MONTH}, year = the 12 months to it, clock at ${NOW.toISOString()}`);
    return {
      rows: [],
      notes,
      tables: [`Console (issue 10): one year of ${o.stations} stations at scale ${scale}, the real app over each database\n\n${consoleTable(rows)}`],
    };
  },
};
