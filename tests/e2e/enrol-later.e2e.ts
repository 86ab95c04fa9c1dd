import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../sync/server/testing/postgres.ts';
import { cli, openSqliteDb, ROOT, spawnServer } from '../sync/support/server.ts';
import { type Kiosk, openKiosk, SHOTS, useChromium } from './support/kiosk.ts';

/**
 * A tablet set up as station xingfuli-01 on a day its centre is down (the network is fine): it serves residents
 * at once, the status line says calmly that the centre cannot be reached (not that there is no network) and the
 * technician screen says which it is. Then the centre comes up at the address the technician typed: the kiosk
 * enrols, and every check-in made before arrives under xingfuli-01, none dead-lettered as another station's.
 */
const STATION = 'xingfuli-01';
const NAME = '幸福里社区红色驿站';

const chromium = useChromium();

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step().catch((e: unknown) => console.warn('cleanup', e));
  cleanup = [];
});

/** The centre's database with the station, its catalogue and a one-time code, before any server runs on it. */
const prepareCentre = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'yizhan-e2e-enrol-later-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  const sqlitePath = join(dir, 'yizhan.sqlite');
  const db = await openSqliteDb(sqlitePath);
  cleanup.push(() => db.close());
  await cli(db.storage, ['create-station', STATION, '--name', NAME]);
  const catalogue = JSON.parse(readFileSync(`${ROOT}assets/demo/catalogue.json`, 'utf8').replaceAll('"demo-station"', JSON.stringify(STATION))) as { station: { demo?: boolean } };
  catalogue.station.demo = false;
  const file = join(dir, 'catalogue.json');
  writeFileSync(file, JSON.stringify(catalogue));
  await cli(db.storage, ['publish-catalogue', file]);
  const [line] = await cli(db.storage, ['enrol-code', STATION, '--hours', '1']);
  const code = /: ([0-9A-Z-]+)$/.exec(line ?? '')?.[1];
  if (!code) throw new Error(`no code in ${JSON.stringify(line)}`);
  return { sqlitePath, db, code };
};

const statusLine = (page: Page) => page.locator('[data-sync-phase]');

const openTechnician = async (k: Kiosk) => {
  const station = k.page.getByRole('button', { name: new RegExp(NAME) });
  for (let i = 0; i < 5; i += 1) await station.tap();
  for (const d of '24681357') await k.page.getByRole('button', { name: d, exact: true }).tap();
  await k.tap('进入');
  await k.page.getByRole('heading', { name: '设备诊断' }).waitFor();
};
const row = (page: Page, label: string) => page.locator('.row', { has: page.getByText(label, { exact: true }) }).locator('strong');

/** One resident checks in through the UI: 签到 → who → purpose → done. */
const checkIn = async (k: Kiosk) => {
  await k.tap(/^签到/);
  await k.tap('本小区居民', 'radio');
  await k.page.getByRole('radio').nth(1).tap();
  await k.page.getByRole('status').filter({ hasText: '签到成功' }).waitFor();
  await k.tap(/完成/);
  await k.page.getByRole('navigation').waitFor();
};

interface OutboxRow {
  seq: number;
  id: string;
  record: { stationId: string; kind: string };
}

describe('a station set up while its centre is down (Chromium, the real server)', () => {
  it('serves residents at once and delivers every check-in to its station once the centre comes up', async () => {
    const { sqlitePath, db, code } = await prepareCentre();
    const port = await freePort();
    const centre = `http://127.0.0.1:${port}`;
    const k = await openKiosk(chromium(), 'landscape');
    const { page } = k;

    // The technician sets the station up; the centre does not answer, and the station starts serving offline.
    await openTechnician(k);
    await k.tap('修改站点设置');
    await page.getByLabel('站点编号').fill(STATION);
    await page.getByLabel('站点名称').fill(NAME);
    await page.getByLabel('社区中心地址').fill(centre);
    await page.getByLabel('注册码').fill(code);
    await k.tap('保存并注册');
    await page.getByRole('heading', { name: '暂时连不上社区中心' }).waitFor({ timeout: 20_000 });
    await k.tap('先离线服务');
    await page.getByRole('heading', { name: '设备诊断' }).waitFor();
    // The technician screen says which it is: the network is there, the centre does not answer.
    await expect.poll(() => row(page, '状态').textContent(), { timeout: 15_000 }).toBe('网络已连接，但社区中心没有应答');
    await expect(row(page, '本机网络').textContent()).resolves.toBe('已连接');
    await page.getByText('本机有网络，但连不上社区中心服务器').waitFor();
    await k.state('enrol-later-diagnostics-unreachable');
    await k.tap('退出技术员模式');
    await page.getByRole('navigation').waitFor();

    for (let i = 0; i < 3; i += 1) await checkIn(k);
    await statusLine(page).filter({ hasText: '暂时连不上社区中心，3 条记录已安全保存在本机' }).waitFor({ timeout: 15_000 });
    expect(await statusLine(page).textContent()).not.toContain('暂未联网');
    mkdirSync(`${SHOTS}/${k.viewport}`, { recursive: true });
    await statusLine(page).screenshot({ path: `${SHOTS}/${k.viewport}/enrol-later-unreachable-status.png` });
    await k.state('enrol-later-unreachable');
    const before = await k.rows<OutboxRow>('outbox');
    expect(before.map((e) => e.record.stationId)).toEqual([STATION, STATION, STATION]);

    // The centre comes up where the technician said it would be; a technician's "sync now" saves the wait.
    const server = await spawnServer({ SQLITE_PATH: sqlitePath, PORT: String(port), CORS_ORIGINS: new URL(inject('baseUrl')).origin });
    cleanup.push(() => server.kill('SIGTERM'));
    await openTechnician(k);
    await k.tap('立即同步');
    await expect.poll(() => row(page, '已注册为站点').textContent(), { timeout: 30_000 }).toBe(STATION);
    await expect.poll(() => row(page, '待上传记录').textContent(), { timeout: 30_000 }).toBe('0');
    await k.tap('退出技术员模式');
    await statusLine(page).filter({ hasText: '已同步' }).waitFor({ timeout: 30_000 });
    await k.state('enrol-later-synced');

    const outbox = await k.rows<OutboxRow>('outbox');
    expect(outbox.map((e) => e.record.stationId)).toEqual([STATION, STATION, STATION]);
    const stored = await db.query<{ id: string; station_id: string }>('SELECT id, station_id FROM records');
    expect(stored.map((r) => r.station_id)).toEqual([STATION, STATION, STATION]);
    expect(stored.map((r) => r.id).sort()).toEqual(outbox.map((e) => e.id).sort());
    expect(await db.query('SELECT seq, reason, detail FROM dead_letters')).toEqual([]);
    await k.close();
  });
});
