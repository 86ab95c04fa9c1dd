import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../sync/server/testing/postgres.ts';
import { cli, openSqliteDb, spawnServer } from '../sync/support/server.ts';
import { checkIn, enrolledStation, KIOSK_DIR, statusLine, waitSynced } from './support/demo-server.ts';
import { type Kiosk, launchChromium, openKiosk, SHOTS, useChromium } from './support/kiosk.ts';
import { fakeCameraFlags, qrVideo } from './support/qr-video.ts';

/**
 * The technician's whole path for browser kiosks, as docs/deploy.md tells it: `provision` two stations from a
 * list (codes.html: each station's QR code and setup link), a catalogue for each from `catalogue-template`,
 * published; then each tablet is a fresh browser that opens its station's setup link. Nothing is typed but the
 * technician PIN the technician chooses there: the kiosk enrols as the station the link names, shows that station's catalogue, and a
 * resident's check-in arrives at the centre under that station's id. And once with the centre down at the first
 * start (the kiosk served elsewhere, the link naming the centre): the station serves at once, every record under
 * its provisioned id, the status line never says synced while the centre is down, and all of it arrives.
 */
// The first station has the demo catalogue's name: its community (the demo's is 和平街道幸福里社区) tells them apart.
const STATIONS = [
  { id: 'xingfuli-07', name: '幸福里社区红色驿站', community: '幸福里社区' },
  { id: 'heping-02', name: '和平里社区红色驿站', community: '和平里社区' },
] as const;

const chromium = useChromium();

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step().catch((e: unknown) => console.warn('cleanup', e));
  cleanup = [];
});

/** The centre as a district runs it, serving the kiosk build itself: setup links open the kiosk at the centre. */
const startCentre = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'yizhan-e2e-setup-link-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  const sqlitePath = join(dir, 'yizhan.sqlite');
  const server = await spawnServer({ SQLITE_PATH: sqlitePath, KIOSK_DIR, PORT: String(await freePort()) });
  cleanup.push(() => server.kill('SIGTERM'));
  const db = await openSqliteDb(sqlitePath);
  cleanup.push(() => db.close());
  return { dir, url: server.url.replace(/\/$/, ''), db };
};

type CodeRow = Record<'station id' | 'name' | 'enrolment code' | 'valid until' | 'setup link', string>;

/** The PIN each tablet's technician chooses at its first start: no build carries one. */
const PIN = '97531864';
const choosePin = async (page: Page) => {
  await page.getByRole('heading', { name: '设置技术员密码' }).waitFor();
  for (const step of ['下一步', '确定']) {
    for (const d of PIN) await page.getByRole('button', { name: d, exact: true }).tap();
    await page.getByRole('button', { name: step }).tap();
  }
};

interface RecordRow {
  id: string;
  station_id: string;
  kind: string;
}

describe('browser kiosks from provisioning to verified stations (Chromium, the real server)', () => {
  it('provision two stations → catalogues from the template → each fresh browser opens its setup link → enrolled, its catalogue, its check-in', async () => {
    const centre = await startCentre();
    const list = join(centre.dir, 'stations.csv');
    writeFileSync(list, `id,name\n${STATIONS.map((s) => `${s.id},${s.name}`).join('\n')}\n`);
    const out = join(centre.dir, 'codes');
    await cli(centre.db.storage, ['provision', list, '--server', centre.url, '--out', out, '--hours', '2']);
    // One technician gives the details on the command line; the other edits the file after publish names them.
    const details = { community: STATIONS[0].community, address: '幸福里 7 号楼一层', phone: '02812345678' };
    const [first, second] = STATIONS.map((station) => join(centre.dir, `${station.id}.catalogue.json`)) as [string, string];
    await cli(centre.db.storage, ['catalogue-template', STATIONS[0].id, '--out', first]);
    await expect(cli(centre.db.storage, ['publish-catalogue', first])).rejects.toThrow(/still has fields to write[\s\S]*station\.community[\s\S]*station\.phone/);
    const edited = JSON.parse(readFileSync(first, 'utf8')) as { station: Record<string, unknown> };
    Object.assign(edited.station, { community: { 'zh-CN': details.community, en: 'Xingfuli' }, address: { 'zh-CN': details.address, en: 'Building 7, Xingfuli' }, phone: details.phone });
    writeFileSync(first, JSON.stringify(edited, null, 2));
    await cli(centre.db.storage, ['publish-catalogue', first]);
    await cli(centre.db.storage, ['catalogue-template', STATIONS[1].id, '--out', second, '--community', STATIONS[1].community, '--address', '和平里 2 号', '--phone', '02887654321']);
    await cli(centre.db.storage, ['publish-catalogue', second]);
    const rows = parse(readFileSync(join(out, 'codes.csv')), { columns: true }) as CodeRow[];
    expect(rows.map((r) => r['station id'])).toEqual(STATIONS.map((s) => s.id));

    // The sheet the technician prints: a QR code and the link beside each station.
    const sheet = await chromium().newPage();
    await sheet.goto(pathToFileURL(join(out, 'codes.html')).href);
    for (const station of STATIONS) await sheet.getByText(station.name).first().waitFor();
    await expect(sheet.locator('svg').count()).resolves.toBeGreaterThanOrEqual(STATIONS.length);
    mkdirSync(`${SHOTS}/sheet`, { recursive: true });
    await sheet.screenshot({ path: `${SHOTS}/sheet/provision-codes.png`, fullPage: true });
    await sheet.close();

    for (const [index, station] of STATIONS.entries()) {
      const row = rows[index]!;
      expect(row['setup link'].startsWith(`${centre.url}/#yizhan-setup?`)).toBe(true);
      const k: Kiosk = await openKiosk(chromium(), 'landscape', { url: row['setup link'] });
      const { page } = k;

      // The code leaves the address bar before the first screen shows (and its history entry: see the end).
      expect(page.url()).toBe(`${centre.url}/`);

      await page.getByRole('heading', { name: '本机尚未设置' }).waitFor();
      await k.tap('技术人员设置');
      await choosePin(page);
      const setup = page.getByLabel('链接中的设置');
      await setup.waitFor();
      await expect(setup.textContent()).resolves.toContain(station.id);
      await expect(setup.textContent()).resolves.toContain(station.name);
      expect(await page.locator('body').textContent()).not.toContain(row['enrolment code']);
      await expect(page.getByRole('form', { name: '站点设置' }).count()).resolves.toBe(0);
      if (index === 0) await k.state('setup-link-check');

      await k.tap('使用此设置');
      await page.getByRole('heading', { name: '注册成功' }).waitFor({ timeout: 30_000 });
      await page.getByText(`本机已注册为站点 ${station.id}`).waitFor();
      await k.tap('开始服务');
      await page.getByRole('navigation').waitFor();
      await waitSynced(page);
      // Its own catalogue, not the demo the kiosk starts with: the station's name (from the centre, through the
      // template) and the community written into it, on the kiosk's top bar.
      await page.getByRole('button', { name: new RegExp(station.name) }).waitFor({ timeout: 30_000 });
      await page.locator('.topbar__community').filter({ hasText: new RegExp(`^${station.community}$`) }).waitFor({ timeout: 30_000 });
      if (index === 0) await k.state('setup-link-home');
      expect(await enrolledStation(k)).toBe(station.id);

      await checkIn(k);
      await statusLine(page).filter({ hasText: /待上传|已同步/ }).first().waitFor();
      await waitSynced(page);
      const outbox = await k.rows<{ id: string; record: { stationId: string } }>('outbox');
      const checkins = outbox.filter((entry) => entry.record.stationId === station.id);
      expect(outbox.length).toBeGreaterThan(0);
      expect(checkins).toEqual(outbox);
      const stored = await centre.db.query<RecordRow>('SELECT id, station_id, kind FROM records WHERE station_id = ?', [station.id]);
      expect(stored.map((r) => r.id).sort()).toEqual(outbox.map((e) => e.id).sort());
      // Back goes to the blank page the browser opened with, and Forward to the kiosk without its code.
      await page.goBack();
      expect(page.url()).toBe('about:blank');
      await page.goForward();
      expect(page.url()).toBe(`${centre.url}/`);
      await page.getByRole('navigation').waitFor();
      await k.close();
    }
    const everyRecord = await centre.db.query<RecordRow>('SELECT id, station_id, kind FROM records');
    expect(new Set(everyRecord.map((r) => r.station_id))).toEqual(new Set(STATIONS.map((s) => s.id)));
    expect(await centre.db.query('SELECT seq, reason, detail FROM dead_letters')).toEqual([]);
  });

  it('a setup link opened while the centre is down: serves at once under the provisioned id, never says synced early, delivers everything when the centre comes up', async () => {
    // The kiosk is served elsewhere (the suite's preview server, --kiosk); the centre's port has nobody on it yet.
    const dir = await mkdtemp(join(tmpdir(), 'yizhan-e2e-setup-link-down-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const sqlitePath = join(dir, 'yizhan.sqlite');
    const db = await openSqliteDb(sqlitePath);
    cleanup.push(() => db.close());
    const port = await freePort();
    const centre = `http://127.0.0.1:${port}`;
    const kiosk = inject('baseUrl');
    const [station] = STATIONS;
    writeFileSync(join(dir, 'stations.csv'), `${station.id},${station.name}\n`);
    await cli(db.storage, ['provision', join(dir, 'stations.csv'), '--server', centre, '--kiosk', kiosk, '--out', join(dir, 'codes')]);
    const file = join(dir, 'catalogue.json');
    await cli(db.storage, ['catalogue-template', station.id, '--out', file, '--community', '幸福里社区', '--address', '幸福里 7 号', '--phone', '02812345678']);
    await cli(db.storage, ['publish-catalogue', file]);
    const [row] = parse(readFileSync(join(dir, 'codes', 'codes.csv')), { columns: true }) as CodeRow[];

    // The suite's kiosks are provisioned stations with the demo PIN: the link opens the setup all the same.
    const k = await openKiosk(chromium(), 'landscape', { url: row!['setup link'] });
    const { page } = k;
    expect(page.url()).toBe(kiosk);
    await k.tap('技术人员设置');
    for (const d of '24681357') await page.getByRole('button', { name: d, exact: true }).tap();
    await k.tap('进入');
    await expect(page.getByLabel('链接中的设置').textContent()).resolves.toContain(centre);
    await k.tap('使用此设置');
    await page.getByRole('heading', { name: '暂时连不上社区中心' }).waitFor({ timeout: 30_000 });
    await k.tap('先离线服务');
    await page.getByRole('navigation').waitFor();

    // The status line is watched from the first start: while the centre is down it must never say synced.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { statusSeen: string[] }).statusSeen = seen;
      const read = () => seen.push(document.querySelector('[data-sync-phase]')?.textContent ?? '');
      read();
      new MutationObserver(read).observe(document.body, { subtree: true, childList: true, characterData: true });
    });

    for (let i = 0; i < 2; i += 1) await checkIn(k);
    await statusLine(page).filter({ hasText: '暂时连不上社区中心，2 条记录已安全保存在本机' }).waitFor({ timeout: 30_000 });
    const before = await k.rows<{ id: string; record: { stationId: string } }>('outbox');
    expect(before.map((e) => e.record.stationId)).toEqual([station.id, station.id]);

    // A retry or two against the closed port, then the centre comes up.
    await page.waitForTimeout(3_000);
    const whileDown = await page.evaluate(() => (window as unknown as { statusSeen: string[] }).statusSeen);
    expect(whileDown.some((text) => text.includes('暂时连不上社区中心'))).toBe(true);
    expect(whileDown.filter((text) => text.includes('已同步'))).toEqual([]);
    const server = await spawnServer({ SQLITE_PATH: sqlitePath, PORT: String(port), CORS_ORIGINS: new URL(kiosk).origin });
    cleanup.push(() => server.kill('SIGTERM'));
    await waitSynced(page, 120_000);
    const stored = await db.query<RecordRow>('SELECT id, station_id, kind FROM records');
    expect(stored.map((r) => r.station_id)).toEqual([station.id, station.id]);
    expect(stored.map((r) => r.id).sort()).toEqual(before.map((e) => e.id).sort());
    expect(await db.query('SELECT seq, reason FROM dead_letters')).toEqual([]);
    expect(await enrolledStation(k)).toBe(station.id);
    await k.close();
  });

  it("a fresh browser scans a provisioned station's setup QR code by camera → enrolled as that station, its check-in arrives under its id", async () => {
    const centre = await startCentre();
    const [, station] = STATIONS;
    writeFileSync(join(centre.dir, 'stations.csv'), `${station.id},${station.name}\n`);
    await cli(centre.db.storage, ['provision', join(centre.dir, 'stations.csv'), '--server', centre.url, '--out', join(centre.dir, 'codes')]);
    const file = join(centre.dir, 'catalogue.json');
    await cli(centre.db.storage, ['catalogue-template', station.id, '--out', file, '--community', '和平里社区', '--address', '和平里 2 号', '--phone', '02887654321']);
    await cli(centre.db.storage, ['publish-catalogue', file]);
    const [row] = parse(readFileSync(join(centre.dir, 'codes', 'codes.csv')), { columns: true }) as CodeRow[];

    // The tablet's camera sees the QR code of the sheet: the same text as the setup link beside it.
    const video = await qrVideo(row!['setup link']);
    cleanup.push(video.remove);
    const browser = await launchChromium(fakeCameraFlags(video.file));
    cleanup.push(() => browser.close());
    const k = await openKiosk(browser, 'landscape', { url: `${centre.url}/` });
    const { page } = k;
    await k.context.grantPermissions(['camera'], { origin: centre.url });
    await page.getByRole('heading', { name: '本机尚未设置' }).waitFor();
    await k.tap('技术人员设置');
    await choosePin(page);
    await page.getByRole('form', { name: '站点设置' }).waitFor();
    // The camera is on only while the scan is up.
    expect(await page.locator('video').count()).toBe(0);
    await k.tap('扫描设置二维码');

    const setup = page.getByLabel('链接中的设置');
    await setup.waitFor({ timeout: 30_000 });
    await expect(setup.textContent()).resolves.toContain(station.id);
    await expect(setup.textContent()).resolves.toContain(station.name);
    expect(await page.locator('body').textContent()).not.toContain(row!['enrolment code']);
    expect(await page.locator('video').count()).toBe(0);
    await k.state('setup-scan-check');

    await k.tap('使用此设置');
    await page.getByRole('heading', { name: '注册成功' }).waitFor({ timeout: 30_000 });
    await page.getByText(`本机已注册为站点 ${station.id}`).waitFor();
    await k.tap('开始服务');
    await page.getByRole('navigation').waitFor();
    await page.getByRole('button', { name: new RegExp(station.name) }).waitFor({ timeout: 30_000 });
    expect(await enrolledStation(k)).toBe(station.id);

    await checkIn(k);
    await waitSynced(page);
    const outbox = await k.rows<{ id: string; record: { stationId: string } }>('outbox');
    expect(outbox.length).toBeGreaterThan(0);
    expect(outbox.map((entry) => entry.record.stationId)).toEqual(outbox.map(() => station.id));
    const stored = await centre.db.query<RecordRow>('SELECT id, station_id, kind FROM records');
    expect(stored.map((r) => r.id).sort()).toEqual(outbox.map((e) => e.id).sort());
    expect(new Set(stored.map((r) => r.station_id))).toEqual(new Set([station.id]));
    expect(await centre.db.query('SELECT seq, reason FROM dead_letters')).toEqual([]);
    await k.close();
  });

  it('a tablet without a camera says so at the scan, and how to set up instead', async () => {
    const centre = await startCentre();
    const k = await openKiosk(chromium(), 'landscape', { url: `${centre.url}/` });
    await k.tap('技术人员设置');
    await choosePin(k.page);
    await k.tap('扫描设置二维码');
    await k.page.getByRole('alert').filter({ hasText: '这台设备没有可用的摄像头' }).waitFor();
    await k.state('setup-scan-no-camera');
    await k.axe('setup-scan-no-camera');
    await k.tap('返回手动填写');
    await k.page.getByRole('form', { name: '站点设置' }).waitFor();
    await k.close();
  });
});
