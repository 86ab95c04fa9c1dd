import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import credentials from '../../assets/demo/member-credentials.json';
import type { StationSettings } from '../../sync/protocol/catalogue.ts';
import { memberQrText } from '../../sync/protocol/pin-hash.ts';
import { communityScope } from '../../sync/protocol/centre.ts';
import { defaultVolunteerPolicy } from '../../sync/protocol/volunteer-policy.ts';
import { OFFLINE_REAL_STATION_CONFIG } from '../support/offline-station.ts';
import { cli } from '../sync/support/server.ts';
import { COMMUNITY_A, goTo, openDistrict, printed, pull, signedIn } from './support/console-district.ts';
import { type DemoServer, enrolledStation, startDemoServer, waitSynced } from './support/demo-server.ts';
import { type Kiosk, launchChromium, openKiosk, SHOTS, useChromium } from './support/kiosk.ts';
import { fakeCameraFlags, qrVideo } from './support/qr-video.ts';

/**
 * A volunteer's whole shift at the kiosk in Chromium: signing in offline by PIN (and by QR code through a fake
 * camera), the queue, a resident's request taken at the kiosk and seen on the resident's "check my request"
 * screen, signing out; then online, every event at the real central server exactly once. The lockout survives a
 * reload; a forgotten sign-out is closed by the running tablet (page.clock); a race with the centre (a take
 * through the CLI, and one by staff in the console in a second browser context) is lost visibly.
 */
const DEMO_PIN = credentials.pin;
const chromium = useChromium();

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step().catch((e: unknown) => console.warn('cleanup', e));
  cleanup = [];
});

const typeDigits = async (page: Page, group: RegExp | string, digits: string) => {
  const keys = page.getByRole('group', { name: group });
  for (const digit of digits) await keys.getByRole('button', { name: digit, exact: true }).tap();
};

const tap = (page: Page, name: string | RegExp) => page.getByRole('button', { name }).first().tap();

/** 志愿者 → find by name → the member → the PIN. */
const signIn = async (page: Page, name: string, pin = DEMO_PIN, check = true) => {
  await tap(page, /志愿者/);
  await page.getByRole('heading', { level: 1, name: '志愿者签到' }).waitFor();
  await tap(page, /按姓名找/);
  await page.getByLabel('您的姓名').fill(name);
  await page.getByRole('button', { name: new RegExp(name) }).tap();
  await page.getByRole('heading', { name: '请输入密码' }).waitFor();
  await typeDigits(page, '密码数字键盘', pin);
  await tap(page, '确定');
  if (check) await page.getByRole('heading', { level: 1, name: '志愿者工作台' }).waitFor();
};

/** A resident asks the volunteer on duty for a service: their queue number. */
const takeNumber = async (k: Kiosk): Promise<string> => {
  await k.tap(/^服务菜单/);
  await k.tap(/^法律政策/);
  await k.tap(/^法律知识讲座/);
  await k.tap('请值班志愿者帮我办');
  await k.page.getByRole('status').filter({ hasText: '已经为您叫了值班志愿者' }).waitFor();
  const number = (await k.page.locator('.big-number').first().textContent()) ?? '';
  await k.tap(/完成/);
  await k.page.getByRole('navigation').waitFor();
  return number;
};

/** A resident leaves a small complaint: its 7-digit number. */
const leaveRequest = async (k: Kiosk): Promise<string> => {
  await k.tap(/^微心愿/);
  await k.tap(/微诉求/, 'radio');
  await k.tap(/家居维修/, 'radio');
  await k.tap(/水管漏水/);
  await k.tap('提交微诉求');
  await k.page.getByRole('heading', { name: '已收到您的微诉求' }).waitFor();
  const number = ((await k.page.locator('.big-number').textContent()) ?? '').replace('-', '');
  await k.tap(/完成/);
  await k.page.getByRole('navigation').waitFor();
  return number;
};

/**
 * The centre asks this station for a drawn signature on every sign-in: its settings published again with the
 * volunteer policy's switch on, as the console's station settings page does (publish.put), then pulled.
 */
const askForSignature = async (k: Kiosk, db: DemoServer['db'], station: string) => {
  const [published] = await db.storage.listCentreItems({ collection: 'settings', scopes: [station], ids: [station] });
  if (!published) throw new Error(`station ${station} has no published settings`);
  const settings = published.value as StationSettings;
  const value: StationSettings = { ...settings, volunteers: { ...(settings.volunteers ?? defaultVolunteerPolicy), signature: true } };
  const result = await db.storage.changeCentreItems(
    { scope: station, changes: [{ collection: 'settings', id: station, value, expectedVersion: published.version }], clashScopes: 'others', action: 'publish.put', targetId: `settings/${station}/${station}` },
    { staff: null, ip: null, now: new Date() },
  );
  expect(result.ok).toBe(true);
  await k.page.reload();
  await k.page.locator('#main h1').first().waitFor();
  await expect
    .poll(async () => (await k.rows<StationSettings>('settings')).map((row) => row.volunteers?.signature), { timeout: 60_000 })
    .toEqual([true]);
};

/** One stroke across the box, from its left to its right, with a pointer held down (a stylus, a mouse). */
/**
 * One stroke with a finger, as a volunteer signs: raw touches through DevTools, so the browser makes of them what
 * it makes of a finger (its gestures and flings too), not mouse events.
 */
const drawStroke = async (page: Page, box: { x: number; y: number; width: number; height: number }) => {
  const at = (share: number) => ({ x: box.x + box.width * (0.1 + 0.8 * share), y: box.y + box.height * (0.5 + 0.3 * Math.sin(share * Math.PI * 3)) });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at(0)] });
  for (let step = 1; step <= 24; step += 1) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [at(step / 24)] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
};

const checkRequest = async (k: Kiosk, number: string) => {
  await k.tap(/^微心愿/);
  await k.tap('查询办理进度');
  await typeDigits(k.page, /数字键盘/, number);
};

describe('volunteers at the kiosk (Chromium)', () => {
  it('does a whole shift offline, and every event reaches the centre exactly once', async () => {
    const { url, db } = await startDemoServer(cleanup);
    const k = await openKiosk(chromium(), 'landscape', { url, serviceWorkers: 'allow' });
    const { page, context } = k;
    await waitSynced(page);
    const station = await enrolledStation(k);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('navigation').waitFor();

    // Two residents: one takes a number for the desk, one leaves a request.
    const queueNo = await takeNumber(k);
    expect(queueNo).toBe('A001');
    const requestNo = await leaveRequest(k);

    // The volunteer comes in: 志愿者, her name, her PIN.
    await k.tap(/志愿者/);
    await page.getByRole('heading', { level: 1, name: '志愿者签到' }).waitFor();
    await k.state('volunteer-pick');
    await k.axe('volunteer-pick');
    await k.tap(/按姓名找/);
    await page.getByLabel('您的姓名').fill('王秀兰');
    await page.getByRole('button', { name: /王秀兰/ }).tap();
    await page.getByRole('heading', { name: '请输入密码' }).waitFor();
    await typeDigits(page, '密码数字键盘', '12');
    await k.state('volunteer-pin');
    await k.axe('volunteer-pin');
    await typeDigits(page, '密码数字键盘', DEMO_PIN.slice(2));
    await k.tap('确定');
    await page.getByRole('heading', { level: 1, name: '志愿者工作台' }).waitFor();
    await k.state('workspace-queue');
    await k.axe('workspace-queue');

    // The queue: call A001 (shown large, read out), serve, done.
    await k.tap(/叫下一位 A001/);
    await page.getByRole('alertdialog').filter({ hasText: '你好 A001，请到服务台' }).waitFor();
    await k.state('workspace-call');
    await k.axe('workspace-call');
    await k.tap('回到工作台');
    const item = page.getByRole('listitem').filter({ hasText: 'A001' });
    await item.getByRole('button', { name: /开始办理/ }).tap();
    await item.getByRole('button', { name: /办完了/ }).tap();
    await page.getByRole('button', { name: /没有人在等/ }).waitFor();

    // The request: take it (接单).
    await page.getByRole('tab', { name: /居民诉求/ }).tap();
    const card = page.getByRole('listitem').filter({ hasText: requestNo });
    await card.getByRole('button', { name: /接单/ }).tap();
    await card.getByText('这件事由您负责').waitFor();
    await k.state('workspace-requests');
    await k.axe('workspace-requests');
    await page.getByRole('tab', { name: /联系居民/ }).tap();
    await page.getByText(/这些居民同意留下电话|最近一个月没有居民留电话/).first().waitFor();
    await k.state('workspace-contact');
    await k.axe('workspace-contact');
    await page.getByRole('tab', { name: /我的时长/ }).tap();
    await page.getByText('本月的值班').waitFor();
    await k.state('workspace-hours');
    await k.axe('workspace-hours');
    await k.tap(/出示服务时长/);
    await page.getByRole('heading', { name: '志愿服务时长' }).waitFor();
    await k.state('workspace-hours-summary');
    await k.axe('workspace-hours-summary');
    await k.tap('返回');

    // She signs out with a note for the next shift.
    await page.getByRole('button', { name: /签退/ }).last().tap();
    await page.getByLabel('给下一班留句话（可不写）').fill('法律讲座的资料放在柜子第二层');
    await k.state('workspace-sign-out');
    await k.axe('workspace-sign-out');
    await k.tap('确认签退');
    await page.getByRole('heading', { name: '王秀兰，已签退，辛苦了！' }).waitFor();
    await k.state('volunteer-signed-out');
    await k.axe('volunteer-signed-out');
    await k.tap(/完成/);

    // The resident checks the request: taken.
    await checkRequest(k, requestNo);
    await page.getByText('当前状态：已接单').waitFor();
    await k.state('request-status-taken');

    // Online again: everything reaches the centre, once.
    await context.setOffline(false);
    await waitSynced(page);
    const outbox = await k.rows<{ id: string; kind: string }>('outbox');
    const stored = await db.storage.listRecords(station);
    const storedIds = stored.map((r) => r.id);
    expect(new Set(storedIds).size).toBe(storedIds.length);
    for (const entry of outbox) expect(storedIds, `${entry.kind} ${entry.id}`).toContain(entry.id);
    const kinds = stored.map((r) => r.kind).sort();
    expect(kinds.filter((kind) => kind === 'shift-event')).toHaveLength(2);
    expect(kinds.filter((kind) => kind === 'referral-event')).toHaveLength(3);
    expect(kinds.filter((kind) => kind === 'handover-note')).toHaveLength(1);
    expect(stored.filter((r) => r.kind === 'request-event').map((r) => (r.payload as { type: string }).type).sort()).toEqual(['submit', 'take']);
    expect(await db.storage.listDeadLetters(station)).toEqual([]);
    const request = stored.find((r) => r.kind === 'request')!;
    expect(await db.storage.getRequestStatus(request.id)).toMatchObject({ status: 'taken' });
    await k.close();
    // Twelve states, each seen in eight combinations: longer than one flow's usual bound on a busy machine.
  }, 240_000);

  it('loses a race to the centre visibly: the take is refused at the server, and the kiosk shows who has the request', async () => {
    const { url, db } = await startDemoServer(cleanup);
    const k = await openKiosk(chromium(), 'landscape', { url });
    const { page, context } = k;
    await waitSynced(page);
    const station = await enrolledStation(k);
    const requestNo = await leaveRequest(k);
    await waitSynced(page);
    const request = (await db.storage.listRecords(station)).find((r) => r.kind === 'request')!;

    // The kiosk is cut off; its volunteer takes the request while the centre hands it to Li Guoqiang.
    await signIn(page, '王秀兰');
    await context.setOffline(true);
    await page.getByRole('tab', { name: /居民诉求/ }).tap();
    const card = page.getByRole('listitem').filter({ hasText: requestNo });
    await card.getByRole('button', { name: /接单/ }).tap();
    await card.getByText('这件事由您负责').waitFor();
    // Staff name it by the number the resident holds, as at the centre's desk.
    expect(await cli(db.storage, ['update-request', requestNo, 'take', '--station', station, '--actor', 'member', '--member', 'li-guoqiang'])).toContain(
      `request ${requestNo} (${request.id}) is now taken (station ${station} gets it on its next pull)`,
    );

    await context.setOffline(false);
    await card.getByText('已由 李国强 接单').first().waitFor({ timeout: 60_000 });
    await card.getByRole('alert').filter({ hasText: '您的“接单”没有成功' }).waitFor();
    await k.state('workspace-race-lost');
    await k.axe('workspace-race-lost');
    // An ordinary outcome, told where the volunteer acts: the residents' status line says synced, no technician called.
    await waitSynced(page);
    const dead = await db.storage.listDeadLetters(station);
    expect(dead).toMatchObject([{ reason: 'illegal-transition', detail: 'wrong-state', kind: 'request-event' }]);
    // Nothing lost: the refused take is kept at the centre with its reason.
    expect((dead[0]!.payload as { memberId: string }).memberId).toBe('wang-xiulan');
    await k.close();
  });

  it('loses a race to staff in the console visibly: two browsers, the console\'s take applied, the kiosk\'s kept at the centre as refused', async () => {
    const district = await openDistrict(chromium(), cleanup, [{ name: '幸福里一号驿站', communityId: COMMUNITY_A.id }], [{ login: 'li.zhuren', name: '李主任', role: { kind: 'community-staff', communityId: COMMUNITY_A.id } }]);
    const { db } = district;
    const { kiosk: k, stationId: station } = district.kiosks[0]!;
    const { page, context } = k;
    // A member of the water company, published for the community as the members page would: staff can name him.
    const published = await db.storage.changeCentreItems(
      { scope: communityScope(COMMUNITY_A.id), changes: [{ collection: 'members', id: 'zhang-wei', value: { id: 'zhang-wei', name: '张伟', unitId: 'water-co', role: 'member', phone: '13900000000', skills: [] } }], clashScopes: 'others', action: 'publish.put', targetId: 'zhang-wei' },
      { staff: null, ip: null, now: new Date() },
    );
    expect(published.ok).toBe(true);
    await pull(k);
    const requestNo = await leaveRequest(k);
    await waitSynced(page);
    const request = (await db.storage.listRecords(station)).find((r) => r.kind === 'request')!;

    // The community's staff member has the request open in a browser of their own.
    const staff = await signedIn(chromium(), district.url, cleanup, 'li.zhuren');
    await goTo(staff.page, '群众点单');
    await staff.page.getByRole('table', { name: '诉求列表' }).getByRole('row', { name: new RegExp(printed(requestNo)) }).getByRole('link').click();
    await staff.page.getByRole('heading', { level: 1, name: `诉求 ${printed(requestNo)}` }).waitFor();

    // The kiosk is cut off; its volunteer takes the request there while staff hand it to Zhang Wei in the console.
    await signIn(page, '王秀兰');
    await context.setOffline(true);
    await page.getByRole('tab', { name: /居民诉求/ }).tap();
    const card = page.getByRole('listitem').filter({ hasText: requestNo });
    await card.getByRole('button', { name: /接单/ }).tap();
    await card.getByText('这件事由您负责').waitFor();
    const steps = staff.page.getByRole('region', { name: '下一步' });
    await steps.getByRole('button', { name: '接单', exact: true }).click();
    const take = staff.page.getByRole('dialog', { name: '接单' });
    await take.getByLabel('共建单位或党员').selectOption({ label: '张伟（自来水公司）' });
    await take.getByRole('button', { name: '确定接单' }).click();
    await steps.getByRole('status').filter({ hasText: '已接单' }).waitFor();
    await staff.shot('request-race-won');

    // Back online: the volunteer is told on the request who has it, and the kiosk is in sync, no technician called.
    await context.setOffline(false);
    await card.getByText('已由 张伟 接单').first().waitFor({ timeout: 60_000 });
    await card.getByRole('alert').filter({ hasText: '您的“接单”没有成功' }).waitFor();
    await waitSynced(page);
    await page.screenshot({ path: `${SHOTS}/landscape/workspace-race-lost-to-console.png` });
    await k.axe('workspace-race-lost-to-console');

    // Nothing lost at the centre: the console's take applied, the volunteer's kept beside it with its reason.
    const detail = (await db.storage.getRequestDetail(request.id))!;
    expect(detail.request).toMatchObject({ status: 'taken', takenBy: { type: 'member', memberId: 'zhang-wei' } });
    expect(detail.timeline.map((row) => [row.event.type, row.source, row.staff?.name ?? null])).toEqual([
      ['submit', 'kiosk', null],
      ['take', 'centre', '李主任'],
    ]);
    const dead = await db.storage.listDeadLetters(station);
    expect(dead).toMatchObject([{ reason: 'illegal-transition', detail: 'wrong-state', kind: 'request-event' }]);
    expect(dead[0]!.payload).toMatchObject({ requestId: request.id, type: 'take', actor: 'member', memberId: 'wang-xiulan' });
    // The winner's page still says so after the kiosk's push reached the server.
    await staff.page.getByRole('region', { name: '居民的诉求' }).getByText('张伟（自来水公司）').waitFor();
    await staff.close();
    await k.close();
  }, 240_000);

  it('asks for a drawn signature on sign-in when the station\'s published settings say so, and sends it with the sign-in', async () => {
    const { url, db } = await startDemoServer(cleanup);
    const k = await openKiosk(chromium(), 'portrait', { url });
    const { page } = k;
    await waitSynced(page);
    const station = await enrolledStation(k);
    await askForSignature(k, db, station);

    await signIn(page, '王秀兰', DEMO_PIN, false);
    await page.getByRole('heading', { level: 1, name: '请签名' }).waitFor();
    await page.getByText('王秀兰，请用手指在下面的框里写您的名字。').waitFor();
    const done = page.getByRole('button', { name: '签好了' });
    // Nothing drawn yet: nothing to sign with, and no shift opened.
    await expect(done.isDisabled()).resolves.toBe(true);
    await k.state('volunteer-signature');
    await k.axe('volunteer-signature');
    expect(await k.rows('shiftEvents')).toEqual([]);

    const pad = page.getByRole('img', { name: '签名框' });
    const box = await pad.boundingBox();
    if (!box) throw new Error('the signature box is not on screen');
    await drawStroke(page, box);
    await expect.poll(() => done.isEnabled()).toBe(true);
    // At once, as a volunteer does: a quick last stroke made a fling that swallowed the first tap on 签好了.
    await done.tap();
    await page.getByRole('heading', { level: 1, name: '志愿者工作台' }).waitFor();

    const [signedIn, ...others] = await k.rows<{ type: string; method: string; memberId: string; signature?: string }>('shiftEvents');
    expect(others).toEqual([]);
    expect(signedIn).toMatchObject({ type: 'sign-in', method: 'pin', memberId: 'wang-xiulan' });
    // One stroke across the 600×200 box, left to right.
    const points = [...(signedIn!.signature ?? '').matchAll(/([ML])(\d+) (\d+)/g)].map(([, command, x, y]) => ({ command, x: Number(x), y: Number(y) }));
    expect(points.filter((point) => point.command === 'M')).toHaveLength(1);
    expect(points.length).toBeGreaterThan(4);
    expect(points.at(-1)!.x - points[0]!.x).toBeGreaterThan(300);
    await waitSynced(page);
    const stored = (await db.storage.listRecords(station)).filter((record) => record.kind === 'shift-event');
    expect(stored.map((record) => record.payload)).toMatchObject([{ type: 'sign-in', memberId: 'wang-xiulan', signature: signedIn!.signature }]);
    await k.close();
  });

  it('lets no demo volunteer in on a station of a real centre that serves offline, still with the demo catalogue', async () => {
    const k = await openKiosk(chromium(), 'landscape', {
      prepare: async (context) => {
        await context.route('**/station-config.json', (route) => route.fulfill({ json: OFFLINE_REAL_STATION_CONFIG, headers: { 'cache-control': 'no-store' } }));
      },
    });
    await signIn(k.page, '赵建国', DEMO_PIN, false);
    await k.page.getByRole('alert').filter({ hasText: '社区还没有为您设置密码' }).waitFor();
    expect(await k.rows('shiftEvents')).toEqual([]);
    await k.close();
  });

  it('keeps a lockout across a reload, and closes a forgotten shift by itself (page.clock)', async () => {
    const browser = chromium();
    const k = await openKiosk(browser, 'landscape');
    const { page } = k;
    await signIn(page, '赵建国', '0000', false);
    for (const left of [4, 3, 2, 1]) {
      await page.getByRole('alert').filter({ hasText: `还可以再试 ${left} 次` }).waitFor();
      await typeDigits(page, '密码数字键盘', '0000');
      await k.tap('确定');
    }
    await page.getByRole('alert').filter({ hasText: '密码输错太多次' }).waitFor();
    await k.state('volunteer-locked');
    await k.axe('volunteer-locked');
    await page.reload();
    await page.getByRole('navigation').waitFor();
    await k.tap(/志愿者/);
    await k.tap(/按姓名找/);
    await page.getByLabel('您的姓名').fill('赵建国');
    await page.getByRole('button', { name: /赵建国/ }).tap();
    await page.getByRole('alert').filter({ hasText: '密码输错太多次' }).waitFor();
    expect(await page.getByRole('group', { name: '密码数字键盘' }).count()).toBe(0);
    const url = page.url();
    await k.close();

    // Monday 7 December 2026, 08:35 in Shanghai: Wang Xiulan's shift is 08:30–12:00.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', serviceWorkers: 'block' });
    cleanup.push(() => context.close());
    await context.clock.install({ time: new Date('2026-12-07T08:35:00+08:00') });
    const clocked = await context.newPage();
    await clocked.goto(url);
    await clocked.locator('#root:not([data-snapshot]) #main h1').first().waitFor();
    await signIn(clocked, '王秀兰');
    await tap(clocked, /锁定/);
    await clocked.getByRole('navigation').waitFor();
    // The tablet stays on; nobody signs out. At 13:05 the shift is past its end and the hour's grace.
    await context.clock.fastForward('04:30:00');
    const closed = async () =>
      (await clocked.evaluate(
        () =>
          new Promise((resolve) => {
            const open = indexedDB.open('yizhan');
            open.onsuccess = () => {
              const all = open.result.transaction('shiftEvents').objectStore('shiftEvents').getAll();
              all.onsuccess = () => resolve(all.result);
            };
          }),
      )) as { type: string; creditedEnd?: string; method: string }[];
    await expect.poll(async () => (await closed()).map((e) => e.type), { timeout: 20_000 }).toEqual(['sign-in', 'auto-sign-out']);
    expect((await closed())[1]).toMatchObject({ method: 'auto', creditedEnd: '2026-12-07T04:00:00.000Z' });
    // And she no longer counts as on duty: the idle tablet's attract loop says nobody is here.
    const attract = clocked.getByRole('dialog');
    await attract.getByText('现在没有人值班，请别着急').waitFor();
    expect(await attract.getByText('王秀兰').count()).toBe(0);
    await clocked.screenshot({ path: 'test-output/screenshots/landscape/attract-after-auto-sign-out.png' });
  });
});

describe('QR sign-in (Chromium, a fake camera)', () => {
  it('signs a walk-in volunteer in by name and phone, and out by the phone\'s last four digits', async () => {
    const k = await openKiosk(chromium(), 'portrait');
    const { page } = k;
    await k.tap(/志愿者/);
    await page.getByRole('heading', { level: 1, name: '志愿者签到' }).waitFor();
    await k.tap(/临时志愿者登记/);
    await page.getByRole('heading', { level: 1, name: '临时志愿者登记' }).waitFor();
    await page.getByRole('switch').tap();
    await page.getByLabel('姓名（可只写姓）').fill('林晓芳');
    await typeDigits(page, '手机或座机号码数字键盘', '13912345678');
    await k.state('volunteer-walk-in');
    await k.axe('volunteer-walk-in');
    await page.getByRole('button', { name: '签到', exact: true }).tap();
    await page.getByRole('heading', { name: '林**，签到好了，谢谢您来帮忙！' }).waitFor();
    await k.state('volunteer-walk-in-done');
    await k.tap(/完成/);
    await page.getByRole('navigation').waitFor();

    await k.tap(/志愿者/);
    await k.tap('林** 签退');
    await page.getByRole('heading', { level: 1, name: '林** 签退' }).waitFor();
    await typeDigits(page, '手机号最后4位数字键盘', '56');
    await k.state('volunteer-walk-out');
    await k.axe('volunteer-walk-out');
    await typeDigits(page, '手机号最后4位数字键盘', '78');
    await page.getByRole('button', { name: '签退', exact: true }).tap();
    await page.getByRole('heading', { name: /林\*\*，已签退/ }).waitFor();
    const events = await k.rows<{ type: string; method: string }>('shiftEvents');
    expect(events.map((e) => [e.type, e.method]).sort()).toEqual([['sign-in', 'walk-in'], ['sign-out', 'walk-in']]);
    await k.close();
  });

  it('signs a member in with the QR code held up to the camera', async () => {
    const member = credentials.members.find((m) => m.memberId === 'wang-xiulan')!;
    const video = await qrVideo(memberQrText(member.memberId, member.qrSecret));
    cleanup.push(video.remove);
    const browser = await launchChromium(fakeCameraFlags(video.file));
    cleanup.push(() => browser.close());
    // Every camera track the page opens, kept to check afterwards that each was stopped, not just unseen.
    const watchCamera = () => {
      const media = navigator.mediaDevices;
      const open = media.getUserMedia.bind(media);
      const tracks: MediaStreamTrack[] = [];
      Object.assign(window, { cameraTracks: tracks });
      media.getUserMedia = async (constraints) => {
        const stream = await open(constraints);
        tracks.push(...stream.getTracks());
        return stream;
      };
    };
    const k = await openKiosk(browser, 'portrait', { beforeLoad: async (page) => void (await page.addInitScript(watchCamera)) });
    await k.context.grantPermissions(['camera']);
    await k.tap(/志愿者/);
    await k.tap(/扫二维码/);
    await k.page.getByRole('heading', { level: 1, name: /扫二维码签到|志愿者工作台/ }).waitFor();
    await k.page.getByRole('heading', { level: 1, name: '志愿者工作台' }).waitFor({ timeout: 30_000 });
    await k.page.getByText('王秀兰，您好').waitFor();
    await k.state('workspace-after-qr');
    const events = await k.rows<{ type: string; method: string; memberId: string }>('shiftEvents');
    expect(events).toMatchObject([{ type: 'sign-in', method: 'qr', memberId: 'wang-xiulan' }]);
    // The camera is off once the scan screen is gone: no video on screen, and every track it opened stopped.
    expect(await k.page.evaluate(() => document.querySelector('video') === null)).toBe(true);
    const states = await k.page.evaluate(() => (window as unknown as { cameraTracks: MediaStreamTrack[] }).cameraTracks.map((track) => track.readyState));
    expect(states.length).toBeGreaterThan(0);
    expect(states.every((state) => state === 'ended')).toBe(true);
    await k.close();
  });

  it('says so plainly on a tablet without a camera', async () => {
    const k = await openKiosk(chromium(), 'landscape');
    await k.tap(/志愿者/);
    await k.tap(/扫二维码/);
    await k.page.getByRole('alert').filter({ hasText: /摄像头/ }).waitFor();
    await k.state('volunteer-qr-no-camera');
    await k.axe('volunteer-qr-no-camera');
    await k.close();
  });
});
