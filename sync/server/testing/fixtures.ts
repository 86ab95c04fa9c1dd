import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import pino from 'pino';
import { inject } from 'vitest';
import { newId } from '../../protocol/ids.ts';
import { type PushEntry, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../protocol/wire.ts';
import { buildServer } from '../app.ts';
import { defaultConfig, type ServerConfig } from '../config.ts';
import type { ConsolePolicy } from '../console/policy.ts';
import { claimedId, claimedRequestId, planPush } from '../push/plan.ts';
import { openPostgresStorage } from '../storage/postgres/index.ts';
import { openSqliteStorage } from '../storage/sqlite/index.ts';
import type { Storage } from '../storage/types.ts';
import { type CliContext, runCli } from '../cli.ts';
import { enrolmentCodeHash, newEnrolmentCode } from '../tokens.ts';
import { createDatabase } from './postgres.ts';

export type Engine = 'sqlite' | 'postgres';

/** The engines this run can test: PostgreSQL whenever the global setup started a cluster (always under CI). */
export const engines = (): Engine[] => (inject('pgUrl') ? ['sqlite', 'postgres'] : ['sqlite']);

export interface TestStorage {
  storage: Storage;
  /** The folder of the SQLite file (SQLite only). */
  dir?: string;
  /** Another connection (pool) of its own to the same database, as a second server process would open. */
  connectAgain(): Storage;
  /** Runs SQL beside the storage, on its own connection: for a test that sets up what no storage method can. */
  sql(statement: string): Promise<void>;
  close(): Promise<void>;
}

/** A real, migrated, empty database: a temp SQLite file, or a new database on the test cluster. */
export const openTestStorage = async (engine: Engine): Promise<TestStorage> => {
  if (engine === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'yizhan-sqlite-'));
    const path = join(dir, 'test.sqlite');
    const storage = openSqliteStorage({ path });
    await storage.migrate();
    return {
      storage,
      dir,
      connectAgain: () => openSqliteStorage({ path }),
      sql: async (statement) => {
        const db = new Database(path);
        try {
          db.exec(statement);
        } finally {
          db.close();
        }
      },
      close: async () => {
        await storage.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = inject('pgUrl');
  if (!adminUrl) throw new Error('no PostgreSQL test cluster');
  const database = await createDatabase(adminUrl);
  const storage = openPostgresStorage({ connectionString: database.url, max: 12 });
  await storage.migrate();
  return {
    storage,
    connectAgain: () => openPostgresStorage({ connectionString: database.url, max: 4 }),
    sql: async (statement) => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    },
    close: async () => {
      await storage.close();
      await database.drop();
    },
  };
};

/** A clock tests move by hand. */
export const testClock = (start = '2026-03-02T08:00:00.000Z') => {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    advance: (ms: number) => {
      current += ms;
    },
    days: (n: number) => {
      current += n * 86_400_000;
    },
  };
};
export type TestClock = ReturnType<typeof testClock>;

export const silentLogger = () => pino({ level: 'silent' });

export interface TestServer extends TestStorage {
  app: FastifyInstance;
  clock: TestClock;
  metrics: Awaited<ReturnType<typeof buildServer>>['metrics'];
  /** Creates a station and enrols it through the API; returns its token. */
  enrol(stationId: string): Promise<string>;
  /** A protocol call: JSON POST with the version header and, when given, the station token. */
  call(path: string, body: unknown, token?: string | null, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

/** The metrics token of every test server (unless a test sets its own, or none). */
export const TEST_METRICS_TOKEN = 'test-metrics-token-0123456789';

/** GET /metrics as the operator's scraper does it, with the token. */
export const scrapeMetrics = (t: Pick<TestServer, 'app'>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}`, ...headers } });

export const startTestServer = async (options: { engine?: Engine; config?: Partial<ServerConfig>; clock?: TestClock; consolePolicy?: Partial<ConsolePolicy> } = {}): Promise<TestServer> => {
  const engine = options.engine ?? 'sqlite';
  const clock = options.clock ?? testClock();
  const db = await openTestStorage(engine);
  const config: ServerConfig = { ...defaultConfig, maintenanceIntervalMs: 0, metricsToken: TEST_METRICS_TOKEN, ...options.config };
  const { app, metrics } = await buildServer({ storage: db.storage, config, logger: silentLogger(), now: clock.now, checkResponses: true, ...(options.consolePolicy ? { consolePolicy: options.consolePolicy } : {}) });
  const call: TestServer['call'] = (path, body, token, headers = {}) =>
    app.inject({
      method: 'POST',
      url: path,
      headers: {
        'content-type': 'application/json',
        [PROTOCOL_HEADER]: PROTOCOL_VERSION,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    ...db,
    app,
    clock,
    metrics,
    call,
    close: async () => {
      await app.close();
      await db.close();
    },
    enrol: async (stationId) => {
      await db.storage.createStation({ id: stationId, name: `Station ${stationId}`, now: clock.now() });
      const code = newEnrolmentCode();
      await db.storage.createEnrolmentCode({ stationId, codeHash: enrolmentCodeHash(code), expiresAt: new Date(clock.now().getTime() + 3_600_000), now: clock.now() });
      const response = await call('/api/enrol', { code });
      if (response.statusCode !== 200) throw new Error(`enrol failed: ${response.statusCode} ${response.body}`);
      return (response.json() as { token: string }).token;
    },
  };
};

// ------------------------------------------------------------------------------------------------ records

const at = () => new Date().toISOString();

export const visit = (stationId: string, extra: Record<string, unknown> = {}) => ({
  id: newId(), stationId, at: at(), v: 1, kind: 'visit', who: 'resident', purpose: 'health', ...extra,
});

// Far from the numbers tests give their requests by hand (2086…), so a lookup by number finds only those.
let requestNumbers = 3_000_000;
export const residentRequest = (stationId: string, extra: Record<string, unknown> = {}) => ({
  id: newId(), stationId, at: at(), v: 1, kind: 'request', requestKind: 'wish', category: 'seniors', phrases: ['repair'], number: String((requestNumbers += 1)), ...extra,
});

export const requestEvent = (stationId: string, requestId: string, type: string, actor = 'resident') => ({
  id: newId(), stationId, at: at(), v: 1, kind: 'request-event', requestId, type, actor,
});

export const referralWithContact = (stationId: string) => ({
  id: newId(), stationId, at: at(), v: 1, kind: 'referral', serviceId: 'bills', queueNo: 'A001',
  bill: { utility: 'water', account: '12345678' }, contact: { name: '王阿姨', phone: '13812345678', consentAt: at() },
});

/** Outbox entries with contiguous seqs starting at `from`. */
export const entries = (records: readonly unknown[], from = 1): PushEntry[] => records.map((record, i) => ({ seq: from + i, record }));

export const pushBody = (stationId: string, epoch: string, batch: PushEntry[], schemaVersion = 1) => ({ stationId, epoch, schemaVersion, entries: batch });

export const newEpoch = () => crypto.randomUUID();

/** A push straight into storage, through the same planner the route uses. */
export const pushToStorage = (storage: Storage, stationId: string, epoch: string, batch: PushEntry[], now = new Date()) =>
  storage.applyPush(
    {
      stationId,
      epoch,
      recordIds: batch.map((e) => claimedId(e.record)).filter((id): id is string => id !== null),
      requestIds: batch.map((e) => claimedRequestId(e.record)).filter((id): id is string => id !== null),
      seqRange: { min: batch[0]!.seq, max: batch.at(-1)!.seq },
      now,
    },
    (snapshot) => planPush({ stationId, entries: batch }, snapshot),
  );

/** The technician's CLI on a test server's storage and clock; out and err hold the last command's lines. */
export const cliOn = (server: () => TestServer) => {
  const last = { out: [] as string[], err: [] as string[] };
  const run = async (...argv: string[]): Promise<number> => {
    last.out = [];
    last.err = [];
    const t = server();
    const ctx: CliContext = { storage: t.storage, out: (l) => last.out.push(l), err: (l) => last.err.push(l), now: t.clock.now, retentionDays: 30, tombstoneDays: 90 };
    return runCli(argv, ctx);
  };
  return { run, last };
};
