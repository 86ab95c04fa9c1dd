import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { freePort } from '../../../sync/server/testing/postgres.ts';
import { openSqliteDb, ROOT, type ServerProcess, spawnServer, type TestDb } from '../../sync/support/server.ts';
import type { Kiosk } from './kiosk.ts';

export const KIOSK_DIR = process.env.E2E_DIST ?? `${ROOT}dist/renderer`;

export interface DemoServer {
  url: string;
  /** The technician's view of the same SQLite file, beside the running server (as the CLI would be). */
  db: TestDb;
  process(): ServerProcess;
  /** Stops the server (SIGTERM) and starts it again on the same file and port, as a newcomer's second `npm start`. */
  restart(): Promise<void>;
}

/**
 * The central server as `npm start` runs it (demo mode, serving the built kiosk), on a temp SQLite file and a
 * free port. `cleanup` collects what the test's afterEach undoes.
 */
export const startDemoServer = async (cleanup: (() => Promise<void>)[], env: Record<string, string> = {}): Promise<DemoServer> => {
  const dir = await mkdtemp(join(tmpdir(), 'yizhan-e2e-demo-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  const sqlitePath = join(dir, 'yizhan.sqlite');
  const port = String(await freePort());
  const start = () => spawnServer({ SQLITE_PATH: sqlitePath, YIZHAN_DEMO: '1', KIOSK_DIR, PORT: port, RATE_LIMIT_MAX: '100000', ...env });
  let server = await start();
  cleanup.push(() => server.kill('SIGTERM'));
  const db = await openSqliteDb(sqlitePath);
  cleanup.push(() => db.close());
  return {
    url: server.url,
    db,
    process: () => server,
    restart: async () => {
      await server.kill('SIGTERM');
      server = await start();
    },
  };
};

export const statusLine = (page: Page) => page.locator('[data-sync-phase]');
export const waitSynced = (page: Page, timeout = 60_000) => statusLine(page).filter({ hasText: '已同步' }).waitFor({ timeout });

/** The station the kiosk enrolled as, from its own IndexedDB. */
export const enrolledStation = async (k: Kiosk): Promise<string> => {
  const meta = await k.rows<{ key: string; value: { stationId?: string } }>('meta');
  const stationId = meta.find((m) => m.key === 'sync.credentials')?.value.stationId;
  if (!stationId) throw new Error('the kiosk is not enrolled');
  return stationId;
};

/** One resident checks in through the UI: 签到 → who → purpose → done. */
export const checkIn = async (k: Kiosk) => {
  await k.tap(/^签到/);
  await k.tap('本小区居民', 'radio');
  await k.page.getByRole('radio').nth(1).tap();
  await k.page.getByRole('status').filter({ hasText: '签到成功' }).waitFor();
  await k.tap(/完成/);
  await k.page.getByRole('navigation').waitFor();
};
