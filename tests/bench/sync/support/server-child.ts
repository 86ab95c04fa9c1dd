// The central server for the sync benchmarks, in a process of its own (as in production: the load generator,
// the PouchDB client or Chromium does not share its event loop). Started by server.ts with
//   node --import ./sync/server/register.js tests/bench/sync/support/server-child.ts
// and BENCH_SERVER (JSON, ChildConfig below) in the environment. It opens and migrates the storage (a temp SQLite
// file, or a database on a throwaway PostgreSQL cluster it starts itself), creates the stations and their tokens
// through the storage API, optionally publishes the demo catalogue district-wide, then buildServer + listen on
// 127.0.0.1:0, and prints one JSON line: { url, stations: [{ id, token }], … }.
// Then it answers one-line commands on stdin ("usage", "count <station>", "exit"); when stdin closes (the bench
// process ended, however it ended) it shuts down and removes what it made.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pino from 'pino';
import { catalogueSchema } from '../../../../sync/protocol/catalogue.ts';
import { buildServer } from '../../../../sync/server/app.ts';
import { defaultConfig, type ServerConfig } from '../../../../sync/server/config.ts';
import { DEMO_CATALOGUE } from '../../../../sync/server/demo.ts';
import { publishCatalogue } from '../../../../sync/server/publish.ts';
import { openPostgresStorage } from '../../../../sync/server/storage/postgres/index.ts';
import { openSqliteStorage } from '../../../../sync/server/storage/sqlite/index.ts';
import type { Storage } from '../../../../sync/server/storage/types.ts';
import { createDatabase, findPgBin, startPgCluster } from '../../../../sync/server/testing/postgres.ts';
import { newStationToken, tokenHash } from '../../../../sync/server/tokens.ts';

export interface ChildConfig {
  engine: 'sqlite' | 'postgres';
  /** Stations bench-0000 … to create, each with a token. */
  stations: number;
  /** Requests per station per minute before 429 (production: 300). */
  rateLimitMax: number;
  /** Serve this folder as the kiosk's web build (the drain bench's page). */
  kioskDir?: string | null;
  /**
   * Publish the demo catalogue district-wide and each station's own settings (the demo station's, renamed), so
   * a first pull reads what a district would publish and the kiosk's personal-data purge has its retention.
   */
  publishCatalogue?: boolean;
  /** pino level; production's default is 'info' (two lines a request). Logs go to a temp file. */
  logLevel?: string;
  /** PostgreSQL pool size (the server's default is 10). */
  pgPool?: number;
  /** PostgreSQL with fsync and synchronous commits on, as in production (default: off, for speed). */
  durable?: boolean;
  /**
   * PostgreSQL: join this database (another bench server's, reported as `databaseUrl`) instead of starting a
   * cluster: a second server process on the same database. Create no stations there (`stations: 0`).
   */
  databaseUrl?: string;
}

const config = JSON.parse(process.env.BENCH_SERVER ?? '{}') as ChildConfig;
const out = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
const dir = await mkdtemp(join(tmpdir(), 'yizhan-bench-server-'));
const cleanups: (() => Promise<void>)[] = [() => rm(dir, { recursive: true, force: true })];

let storage: Storage;
let engineInfo: string;
let databaseUrl: string | null = null;
if (config.engine === 'postgres' && config.databaseUrl) {
  databaseUrl = config.databaseUrl;
  storage = openPostgresStorage({ connectionString: databaseUrl, max: config.pgPool ?? 10 });
  engineInfo = `PostgreSQL, another process's database; pool ${config.pgPool ?? 10}`;
} else if (config.engine === 'postgres') {
  const bin = await findPgBin();
  if (!bin) throw new Error('PostgreSQL binaries (initdb, pg_ctl) not found: install postgresql or set PG_BIN');
  const cluster = await startPgCluster(bin, { durable: config.durable ?? false });
  cleanups.unshift(() => cluster.stop());
  const database = await createDatabase(cluster.url());
  databaseUrl = database.url;
  storage = openPostgresStorage({ connectionString: database.url, max: config.pgPool ?? 10 });
  const durability = config.durable ? 'fsync=on, synchronous_commit=on' : 'fsync=off, synchronous_commit=off';
  engineInfo = `PostgreSQL (${bin.split('/').at(-2)}) throwaway cluster from sync/server/testing/postgres.ts: ${durability}; pool ${config.pgPool ?? 10}`;
} else {
  storage = openSqliteStorage({ path: join(dir, 'bench.sqlite') });
  engineInfo = 'SQLite (better-sqlite3, WAL, synchronous=FULL) in a temp file';
}
cleanups.unshift(() => storage.close());
await storage.migrate();

const now = new Date();
const stations: { id: string; token: string }[] = [];
for (let i = 0; i < config.stations; i++) {
  const id = `bench-${String(i).padStart(4, '0')}`;
  await storage.createStation({ id, name: `Bench station ${i}`, now });
  const token = newStationToken();
  await storage.setToken({ stationId: id, tokenHash: tokenHash(token), previousHash: null, now });
  stations.push({ id, token });
}
if (config.publishCatalogue) {
  const catalogue = catalogueSchema.parse(JSON.parse(await readFile(DEMO_CATALOGUE, 'utf8')));
  await publishCatalogue(storage, catalogue, 'district', now);
  for (const { id } of stations) {
    const settings = { ...catalogue.station, stationId: id, demo: false };
    await storage.publish({ scope: id, collections: { settings: [{ id, value: settings }] }, now });
  }
}

const serverConfig: ServerConfig = {
  ...defaultConfig,
  host: '127.0.0.1',
  port: 0,
  rateLimit: { max: config.rateLimitMax, windowMs: 60_000 },
  maintenanceIntervalMs: 0,
  kioskDir: config.kioskDir ?? null,
  logLevel: config.logLevel ?? defaultConfig.logLevel,
};
// As main.ts makes it, but into a file: the bench's own output stays readable.
const logFile = join(dir, 'server.log');
const logger = pino(
  { level: serverConfig.logLevel, base: { service: 'yizhan-server' }, redact: ['req.headers.authorization'] },
  pino.destination({ dest: logFile, sync: false }),
);
const { app } = await buildServer({ storage, config: serverConfig, logger });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (!address || typeof address === 'string') throw new Error('no port');
cleanups.unshift(() => app.close());

let closing: Promise<void> | null = null;
const shutdown = () =>
  (closing ??= (async () => {
    for (const cleanup of cleanups) await cleanup().catch((error: unknown) => console.error('bench server cleanup:', error));
    process.exit(0);
  })());
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());

out({ url: `http://127.0.0.1:${address.port}`, engine: config.engine, engineInfo, stations, logLevel: serverConfig.logLevel, pid: process.pid, databaseUrl });

const lines = createInterface({ input: process.stdin });
// One command at a time, so answers come back in the order of the questions.
let queue: Promise<unknown> = Promise.resolve();
lines.on('line', (line) => {
  queue = queue.then(async () => {
    const [command, arg] = line.trim().split(/\s+/);
    if (command === 'usage') {
      const cpu = process.cpuUsage();
      const { size } = await stat(logFile).catch(() => ({ size: 0 }));
      out({ cpuMs: (cpu.user + cpu.system) / 1000, rssMb: process.memoryUsage().rss / 2 ** 20, logBytes: size });
    } else if (command === 'count' && arg) {
      out({ records: (await storage.listRecords(arg)).length, deadLetters: (await storage.listDeadLetters(arg)).length });
    } else if (command === 'exit') {
      await shutdown();
    } else {
      out({ error: `unknown command ${line}` });
    }
  }).catch((error: unknown) => out({ error: String(error) }));
});
lines.on('close', () => void shutdown());
