import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import pino from 'pino';
import type { Credentials } from '../../../sync/client/store.ts';
import { httpTransport } from '../../../sync/client/transport.ts';
import type { Change } from '../../../sync/protocol/wire.ts';
import { buildServer, type YizhanServer } from '../../../sync/server/app.ts';
import { runCli } from '../../../sync/server/cli.ts';
import { defaultConfig, type ServerConfig } from '../../../sync/server/config.ts';
import { openPostgresStorage } from '../../../sync/server/storage/postgres/index.ts';
import { openSqliteStorage } from '../../../sync/server/storage/sqlite/index.ts';
import type { Storage } from '../../../sync/server/storage/types.ts';
import { createDatabase } from '../../../sync/server/testing/postgres.ts';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export type Engine = 'sqlite' | 'postgres';

/**
 * A real, migrated, empty database for one test, with a second connection of its own for the checks (raw SQL,
 * `?` placeholders on both engines), so the assertions read what is on disk, not what the server's objects say.
 */
export interface TestDb {
  engine: Engine;
  storage: Storage;
  /** The SQLite file (SQLite only). */
  sqlitePath?: string;
  /** The database URL (PostgreSQL only). */
  databaseUrl?: string;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** A SQLite file (made and migrated if new), perhaps one a server process is using too. */
export const openSqliteDb = async (sqlitePath: string, onClose: () => Promise<void> = async () => {}): Promise<TestDb> => {
  const storage = openSqliteStorage({ path: sqlitePath });
  await storage.migrate();
  let reader: Database.Database | null = null;
  return {
    engine: 'sqlite',
    storage,
    sqlitePath,
    query: async <T>(sql: string, params: unknown[] = []) => {
      reader ??= new Database(sqlitePath, { readonly: true, fileMustExist: true });
      return reader.prepare(sql).all(...params) as T[];
    },
    close: async () => {
      reader?.close();
      await storage.close();
      await onClose();
    },
  };
};

export const openTestDb = async (engine: Engine, pgAdminUrl?: string | null): Promise<TestDb> => {
  if (engine === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'yizhan-sync-'));
    return openSqliteDb(join(dir, 'db.sqlite'), () => rm(dir, { recursive: true, force: true }));
  }
  if (!pgAdminUrl) throw new Error('no PostgreSQL test cluster (the sync project starts one in its global setup)');
  const database = await createDatabase(pgAdminUrl);
  const storage = openPostgresStorage({ connectionString: database.url, max: 12 });
  await storage.migrate();
  const reader = new pg.Pool({ connectionString: database.url, max: 2 });
  return {
    engine,
    storage,
    databaseUrl: database.url,
    query: async <T>(sql: string, params: unknown[] = []) => {
      let n = 0;
      const text = sql.replace(/\?/g, () => `$${(n += 1)}`);
      return (await reader.query(text, params)).rows as T[];
    },
    close: async () => {
      await reader.end();
      await storage.close();
      await database.drop();
    },
  };
};

export interface RunningServer extends YizhanServer {
  url: string;
  close(): Promise<void>;
}

/** buildServer on the test database, listening on 127.0.0.1 at a free port, with the real clock. */
export const listen = async (db: TestDb, config: Partial<ServerConfig> = {}, port = 0): Promise<RunningServer> => {
  const server = await buildServer({
    storage: db.storage,
    config: { ...defaultConfig, maintenanceIntervalMs: 0, rateLimit: { max: 1_000_000, windowMs: 60_000 }, ...config },
    logger: pino({ level: 'silent' }),
    checkResponses: true,
  });
  await server.app.listen({ host: '127.0.0.1', port });
  const address = server.app.server.address() as AddressInfo;
  return { ...server, url: `http://127.0.0.1:${address.port}/`, close: () => server.app.close() };
};

/** Runs one technician's CLI command against the storage, as `npm run server:cli` would; returns its output. */
export const cli = async (storage: Storage, argv: string[]): Promise<string[]> => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { storage, out: (l) => out.push(l), err: (l) => err.push(l), now: () => new Date(), retentionDays: 180, tombstoneDays: 90 });
  if (code !== 0) throw new Error(`cli ${argv.join(' ')} exited ${code}: ${err.join('\n')}`);
  return out;
};

/** What a technician does for a new tablet: the station (if new) and a one-time code, by the CLI; returns the code. */
export const enrolmentCodeFor = async (storage: Storage, stationId: string): Promise<string> => {
  if (!(await storage.getStation(stationId))) await cli(storage, ['create-station', stationId, '--name', `驿站 ${stationId}`]);
  const [line] = await cli(storage, ['enrol-code', stationId, '--hours', '1']);
  const code = /: ([0-9A-Z-]+)$/.exec(line ?? '')?.[1];
  if (!code) throw new Error(`no code in ${JSON.stringify(line)}`);
  return code;
};

/** A technician's enrolment: station and one-time code by the CLI, then the kiosk's own enrol call over HTTP. */
export const enrolStation = async (storage: Storage, baseUrl: string, stationId: string): Promise<Credentials> => {
  const code = await enrolmentCodeFor(storage, stationId);
  const answer = await httpTransport({ baseUrl, token: () => null }).call('enrol', { code, appVersion: 'sync-test' });
  if (answer.stationId !== stationId) throw new Error(`enrolled as ${answer.stationId}`);
  return { stationId, token: answer.token };
};

/** The centre's data a station should hold: every live entry of its scope and the district's, read from storage. */
export const centreTruth = async (storage: Storage, stationId: string): Promise<Map<string, unknown>> => {
  const state = new Map<string, unknown>();
  let cursor = 0;
  for (;;) {
    const page = await storage.pull({ stationId, cursor, limit: 1000, fullRead: true });
    if (page.reset) throw new Error('a full read was reset');
    for (const change of page.changes as Change[]) {
      const key = `${change.collection}/${change.id}`;
      if (change.op === 'put') state.set(key, change.value);
      else state.delete(key);
    }
    cursor = page.cursor;
    if (!page.hasMore) return state;
  }
};

// ------------------------------------------------------------------------------------------------ the process

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Every stdout line so far (pino JSON). */
  lines: string[];
  stderr(): string;
  /** Called for every stdout line from now on. */
  onLine(listener: (line: string) => void): void;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * The real server process, started as package.json starts it (node --import ./sync/server/register.js
 * sync/server/main.ts), resolving once it listens. PORT=0 picks a free port; the URL comes from its log.
 */
export const spawnServer = async (env: Record<string, string>): Promise<ServerProcess> => {
  const child = spawn(process.execPath, ['--import', './sync/server/register.js', 'sync/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, MAINTENANCE_INTERVAL_MS: '0', LOG_LEVEL: 'info', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const listeners: ((line: string) => void)[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 30 s: ${stderr}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (let at = buffer.indexOf('\n'); at >= 0; at = buffer.indexOf('\n')) {
        const line = buffer.slice(0, at);
        buffer = buffer.slice(at + 1);
        lines.push(line);
        for (const listener of listeners) listener(line);
        const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
        if (match) {
          clearTimeout(timer);
          resolve(`${match[1]!}/`);
        }
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before listening: ${stderr}`));
    });
  });
  return {
    url,
    child,
    lines,
    stderr: () => stderr,
    onLine: (listener) => void listeners.push(listener),
    exited,
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
};
