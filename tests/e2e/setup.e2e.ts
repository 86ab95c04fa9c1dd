import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, openSqliteDb, ROOT, spawnServer } from '../sync/support/server.ts';
import { openKiosk, useChromium } from './support/kiosk.ts';

/**
 * A tablet fresh from the image meets a real central server that has no demo: no station config, no token, no
 * technician PIN. The kiosk asks for a technician instead of serving residents; the technician chooses the PIN,
 * then types the station's setup; a refused code says so and can be corrected; the right one enrols the station,
 * which then syncs its centre's catalogue. Diagnostics shows what the technician needs; a reload goes straight to home.
 */
const KIOSK_DIR = process.env.E2E_DIST ?? `${ROOT}dist/renderer`;
const STATION = 'xingfuli-01';

const chromium = useChromium();

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step().catch((e: unknown) => console.warn('cleanup', e));
  cleanup = [];
});

/** The centre as a district runs it: a station created and its catalogue published before the tablet arrives. */
const startCentre = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'yizhan-e2e-setup-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  const sqlitePath = join(dir, 'yizhan.sqlite');
  const server = await spawnServer({ SQLITE_PATH: sqlitePath, KIOSK_DIR });
  cleanup.push(() => server.kill('SIGTERM'));
  const db = await openSqliteDb(sqlitePath);
  cleanup.push(() => db.close());
  await cli(db.storage, ['create-station', STATION, '--name', '幸福里社区红色驿站']);
  const catalogue = JSON.parse(readFileSync(`${ROOT}assets/demo/catalogue.json`, 'utf8').replaceAll('"demo-station"', JSON.stringify(STATION))) as { station: { demo?: boolean } };
  catalogue.station.demo = false;
  const file = join(dir, 'catalogue.json');
  writeFileSync(file, JSON.stringify(catalogue));
  await cli(db.storage, ['publish-catalogue', file]);
  const [line] = await cli(db.storage, ['enrol-code', STATION, '--hours', '1']);
  const code = /: ([0-9A-Z-]+)$/.exec(line ?? '')?.[1];
  if (!code) throw new Error(`no code in ${JSON.stringify(line)}`);
  return { url: server.url, code };
};

/** The PIN this tablet's technician chooses at first run: no build carries one. */
const PIN = '97531864';
const typeDigits = async (page: Page, digits: string) => {
  for (const d of digits) await page.getByRole('button', { name: d, exact: true }).tap();
};
const enterPin = async (page: Page) => {
  await typeDigits(page, PIN);
  await page.getByRole('button', { name: '进入' }).tap();
};

describe('first-run setup (Chromium, the real server)', () => {
  it('asks for a technician, takes the setup, reports a refused code, enrols with the right one and syncs', async () => {
    const { url, code } = await startCentre();
    const k = await openKiosk(chromium(), 'landscape', { url });
    const { page } = k;

    await page.getByRole('heading', { name: '本机尚未设置' }).waitFor();
    await expect(page.getByRole('button', { name: /^签到/ }).count()).resolves.toBe(0);
    await k.state('setup-welcome');
    await k.axe('setup-welcome');

    await k.tap('技术人员设置');
    // No image and no build carries a PIN: the technician sets this tablet's own, typed twice.
    await page.getByRole('heading', { name: '设置技术员密码' }).waitFor();
    await k.state('setup-new-pin');
    await k.axe('setup-new-pin');
    await typeDigits(page, PIN);
    await k.tap('下一步');
    await typeDigits(page, PIN);
    await k.tap('确定');
    await page.getByRole('form', { name: '站点设置' }).waitFor();
    // The server that served the app is offered as the centre.
    await expect(page.getByLabel('社区中心地址').inputValue()).resolves.toBe(url.replace(/\/$/, ''));

    await page.getByLabel('站点编号').fill('幸福里 01');
    await page.getByLabel('站点名称').fill('  ');
    await k.tap('保存并注册');
    await page.getByText('只能用字母、数字和横线').waitFor();
    await expect(page.getByText('请填写 1 到 64 个字的名称').count()).resolves.toBe(1);
    await k.state('setup-form-invalid');
    await k.axe('setup-form-invalid');

    await page.getByLabel('站点编号').fill(STATION);
    await page.getByLabel('站点名称').fill('幸福里社区红色驿站');
    await page.getByLabel('注册码').fill('WRONG-CODE-0000');
    await k.tap('保存并注册');
    await page.getByRole('heading', { name: '注册码不能用' }).waitFor({ timeout: 20_000 });
    await k.state('setup-refused');

    await k.tap('修改设置');
    await expect(page.getByLabel('站点编号').inputValue()).resolves.toBe(STATION);
    await page.getByLabel('注册码').fill(code);
    await k.tap('保存并注册');
    await page.getByRole('heading', { name: '注册成功' }).waitFor({ timeout: 20_000 });
    await page.getByText(`本机已注册为站点 ${STATION}`).waitFor();
    await k.state('setup-enrolled');
    await k.axe('setup-enrolled');
    // The shell reloads the page when the server changes (its CSP names the server): the outcome stays in view.
    await page.reload();
    await page.getByRole('heading', { name: '注册成功' }).waitFor();

    await k.tap('开始服务');
    await page.getByRole('navigation').waitFor();
    await page.locator('[data-sync-phase]').filter({ hasText: '已同步' }).waitFor({ timeout: 30_000 });
    await k.state('setup-home-synced');

    // Diagnostics: the station, the centre, and how the token is kept.
    const station = page.getByRole('button', { name: /幸福里社区红色驿站/ });
    for (let i = 0; i < 5; i += 1) await station.tap();
    await enterPin(page);
    await page.getByRole('heading', { name: '设备诊断' }).waitFor();
    const row = (label: string) => page.locator('.row', { has: page.getByText(label, { exact: true }) }).locator('strong');
    await expect(row('已注册为站点').textContent()).resolves.toBe(STATION);
    await expect.poll(() => row('能连上社区中心').textContent(), { timeout: 15_000 }).toBe('是');
    await expect.poll(() => row('同步凭证保护').textContent()).toBe('浏览器本地存储');
    await k.state('setup-diagnostics');
    // The token never sits in IndexedDB beside the records.
    const meta = await k.rows<{ key: string; value: unknown }>('meta');
    expect(meta.find((m) => m.key === 'sync.credentials')?.value).toEqual({ stationId: STATION, server: url.replace(/\/$/, '') });
    expect(JSON.stringify(meta)).not.toMatch(/token/i);
    await k.tap('退出技术员模式');

    await page.reload();
    await page.getByRole('navigation').waitFor();
    await page.locator('[data-sync-phase]').filter({ hasText: '已同步' }).waitFor({ timeout: 30_000 });
    await expect(page.getByRole('heading', { name: '本机尚未设置' }).count()).resolves.toBe(0);
    await k.close();
  });
});
