import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { communityScope } from '../../sync/protocol/centre.ts';
import type { StaffRole } from '../../sync/protocol/console/session.ts';
import { newId } from '../../sync/protocol/ids.ts';
import { hashPassword } from '../../sync/server/console/passwords.ts';
import type { TestDb } from '../sync/support/server.ts';
import { openConsole } from './support/console.ts';
import { askAtKiosk, printed } from './support/console-district.ts';
import { checkIn, enrolledStation, startDemoServer, waitSynced } from './support/demo-server.ts';
import { openKiosk, SHOTS, useChromium } from './support/kiosk.ts';

/**
 * The request loop across both apps on one real server (群众点单 → 社区派单 → 单位接单): a resident asks at the
 * kiosk, the request appears in the community's inbox by itself, staff dispatch it to a partner unit, the unit's
 * lead takes it and marks it done in the console, and the resident reads where it stands by receipt number.
 */
const chromium = useChromium();
/** Each test is a whole working session in three browsers on a shared 2-core machine: minutes, not seconds. */
const SESSION_MS = 300_000;

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step().catch((e: unknown) => console.warn('cleanup', e));
  cleanup = [];
});

const PASSWORD = 'e2e console password 2026';
const COMMUNITY = 'xingfuli';
const UNIT = { id: 'water-co', name: { 'zh-CN': '自来水公司', en: 'Water company' } };

/**
 * What the district sets up before anyone signs in: a subdistrict and community holding the kiosk's station,
 * a partner unit published for the community, and the accounts (as an administrator makes them).
 */
const organise = async ({ storage }: TestDb, stationId: string) => {
  const audit = { staff: null, ip: null, now: new Date() };
  await storage.createSubdistrict({ id: 'dongjie', name: { 'zh-CN': '东街街道', en: 'Dongjie' } }, audit);
  await storage.createCommunity({ id: COMMUNITY, subdistrictId: 'dongjie', name: { 'zh-CN': '幸福里社区', en: 'Xingfuli' }, targetHours: 48 }, audit);
  await storage.updateConsoleStation(stationId, { communityId: COMMUNITY }, audit);
  const published = await storage.changeCentreItems(
    { scope: communityScope(COMMUNITY), changes: [{ collection: 'units', id: UNIT.id, value: UNIT }], clashScopes: 'others', action: 'publish.put', targetId: UNIT.id },
    audit,
  );
  expect(published.ok).toBe(true);
  const account = async (login: string, name: string, role: StaffRole) =>
    storage.createStaff({ id: newId(), login, name, role, passwordHash: await hashPassword(PASSWORD) }, audit);
  await account('li.zhuren', '李主任', { kind: 'community-staff', communityId: COMMUNITY });
  await account('water.lead', '王师傅', { kind: 'unit-lead', communityId: COMMUNITY, unitId: UNIT.id });
  await account('zhao.admin', '赵科长', { kind: 'district-admin' });
};

const typeDigits = async (page: Page, digits: string) => {
  for (const digit of digits) await page.getByRole('button', { name: digit, exact: true }).tap();
};

describe('the community console with a kiosk, on one real server', () => {
  it('takes a resident\'s request from the kiosk through dispatch, take and done, and the kiosk shows it done', async () => {
    const { url, db } = await startDemoServer(cleanup);
    const kiosk = await openKiosk(chromium(), 'landscape', { url });
    cleanup.push(() => kiosk.close());
    await waitSynced(kiosk.page);
    await organise(db, await enrolledStation(kiosk));

    const staff = await openConsole(chromium(), url);
    cleanup.push(() => staff.close());
    await staff.page.getByRole('heading', { name: '登录社区工作台' }).waitFor();
    await staff.shot('sign-in');
    await staff.axe('sign-in');
    await staff.page.getByLabel('账号').fill('li.zhuren');
    await staff.page.getByLabel('密码').fill('not the password at all');
    await staff.page.getByRole('button', { name: '登录' }).click();
    await staff.page.getByRole('alert').filter({ hasText: '账号或密码不对' }).waitFor();
    await staff.shot('sign-in-wrong-password');
    await staff.axe('sign-in-wrong-password');
    await staff.signIn('li.zhuren', PASSWORD);
    await staff.shot('dashboard');
    await staff.axe('dashboard');

    await staff.page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '群众点单' }).click();
    const inbox = staff.page.getByRole('table', { name: '诉求列表' });
    await inbox.waitFor();

    // The resident asks while the inbox is open: it arrives there by itself (the live feed), no reload.
    const number = await askAtKiosk(kiosk);
    expect(number).toMatch(/^\d{7,8}$/);
    const row = inbox.getByRole('row', { name: new RegExp(printed(number)) });
    await row.waitFor({ timeout: 30_000 });
    await expect(row.textContent()).resolves.toMatch(/微诉求/);
    await staff.shot('inbox');
    await staff.axe('inbox');

    await row.getByRole('link').click();
    await staff.page.getByRole('heading', { level: 1, name: `诉求 ${printed(number)}` }).waitFor();
    await expect(staff.page.getByRole('region', { name: '居民的诉求' }).textContent()).resolves.toContain('5号楼1单元，厨房水槽下面');
    const steps = staff.page.getByRole('region', { name: '下一步' });
    await steps.getByRole('button', { name: '派单' }).click();
    const dispatch = staff.page.getByRole('dialog', { name: '派单' });
    await dispatch.getByLabel('共建单位或党员').selectOption({ label: '自来水公司' });
    await dispatch.getByLabel('备注（可不填）').fill('请尽快上门');
    await staff.shot('request-dispatch');
    await staff.axe('request-dispatch');
    await dispatch.getByRole('button', { name: '确定派单' }).click();
    await steps.getByRole('status').filter({ hasText: '已派单' }).waitFor();
    await expect(staff.page.getByRole('region', { name: '办理经过' }).textContent()).resolves.toContain('请尽快上门');
    await staff.shot('request-dispatched');
    await staff.axe('request-dispatched');

    // The unit's lead, in a browser of their own: the request is in the unit's inbox; they take it and finish it.
    const lead = await openConsole(chromium(), url);
    cleanup.push(() => lead.close());
    await lead.signIn('water.lead', PASSWORD);
    await lead.page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '群众点单' }).click();
    await lead.page.getByRole('table', { name: '诉求列表' }).getByRole('row', { name: new RegExp(printed(number)) }).getByRole('link').click();
    const leadSteps = lead.page.getByRole('region', { name: '下一步' });
    await leadSteps.getByRole('button', { name: '接单' }).click();
    await lead.page.getByRole('dialog', { name: '接单' }).getByRole('button', { name: '确定接单' }).click();
    await leadSteps.getByRole('status').filter({ hasText: '已接单' }).waitFor();
    await leadSteps.getByRole('button', { name: '办结' }).click();
    await lead.page.getByRole('dialog', { name: '办结' }).getByRole('button', { name: '确定办结' }).click();
    await leadSteps.getByRole('status').filter({ hasText: '已办结' }).waitFor();
    await lead.shot('request-done-by-unit');
    await lead.axe('request-done-by-unit');

    // The staff member's open page follows (live), and the resident reads it at the kiosk after its pull.
    await staff.page.getByRole('region', { name: '办理经过' }).getByText('王师傅').first().waitFor({ timeout: 30_000 });
    await kiosk.tap(/完成/);
    await kiosk.tap(/^微心愿/);
    await kiosk.tap('查询办理进度');
    await typeDigits(kiosk.page, number);
    await kiosk.page.getByText('当前状态：已办结').waitFor({ timeout: 60_000 });
    await kiosk.page.screenshot({ path: `${SHOTS}/console/kiosk-request-status-done.png` });
    await kiosk.axe('request-status-done-by-unit');
    // Here, not in the clean-up: an uncaught error or a CSP violation in any of the three fails the test.
    for (const session of [staff, lead, kiosk]) await session.close();
  }, SESSION_MS);

  it('opens every page of the console for a district admin against the real API (no failed call, no alert, axe clean) and exports a report as Excel reads it', async () => {
    const { url, db } = await startDemoServer(cleanup);
    const kiosk = await openKiosk(chromium(), 'landscape', { url });
    cleanup.push(() => kiosk.close());
    await waitSynced(kiosk.page);
    const stationId = await enrolledStation(kiosk);
    await organise(db, stationId);
    const stationName = (await db.storage.listConsoleStations()).find((station) => station.id === stationId)?.name;
    expect(stationName).toMatch(/驿站/);
    await askAtKiosk(kiosk);
    await kiosk.tap(/完成/);
    await checkIn(kiosk);
    await waitSynced(kiosk.page);

    const admin = await openConsole(chromium(), url);
    cleanup.push(() => admin.close());
    await admin.signIn('zhao.admin', PASSWORD);
    const failed: string[] = [];
    admin.page.on('response', (response) => {
      if (response.url().includes('/console/api/') && response.status() >= 400) failed.push(`${response.status()} ${response.request().method()} ${response.url()}`);
    });
    const navigation = admin.page.getByRole('navigation', { name: '主导航' });
    const links = await navigation.getByRole('link').evaluateAll((anchors) => anchors.map((anchor) => ({ name: anchor.textContent?.trim() ?? '', href: anchor.getAttribute('href') ?? '' })));
    expect(links.length).toBeGreaterThanOrEqual(18);
    for (const { name, href } of links) {
      await navigation.getByRole('link', { name, exact: true }).click();
      await admin.page.waitForURL((address) => address.pathname === href);
      await admin.page.locator('main h1').first().waitFor();
      await admin.page.locator('main .loading').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
      await expect(admin.page.locator('main .loading').count(), `${name} still loading`).resolves.toBe(0);
      await expect(admin.page.locator('main [role="alert"]').allTextContents(), `alerts on ${name}`).resolves.toEqual([]);
      const page = href.replace(/^\/console\/?/, '').replaceAll('/', '-') || 'dashboard';
      await admin.shot(`page-${page}`);
      await admin.axe(page);
    }

    // A report's CSV as Excel opens it with Chinese intact (UTF-8 with a byte order mark), its header row in the
    // language the console speaks; the kiosk's check-in is its one row, under the station's Chinese name.
    await navigation.getByRole('link', { name: '数据统计', exact: true }).click();
    const visitLog = async () => {
      const [download] = await Promise.all([admin.page.waitForEvent('download'), admin.page.locator('a[href*="/reports/visit-log/csv"]').click()]);
      return readFile(await download.path());
    };
    const zh = await visitLog();
    expect([...zh.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const zhLines = zh.subarray(3).toString('utf8').trim().split(/\r?\n/);
    expect(zhLines[0]).toMatch(/^记录编号,站点编号,站点,时间/);
    expect(zhLines.slice(1).join('\n')).toContain(stationName!);
    await admin.page.getByRole('button', { name: 'English' }).click();
    await admin.page.getByRole('heading', { level: 1, name: 'Statistics' }).waitFor();
    expect((await visitLog()).subarray(3).toString('utf8')).toMatch(/^Record id,Station id,Station,Time/);
    expect(failed, 'console API calls that failed').toEqual([]);
    await admin.close();
  }, SESSION_MS);

  it('publishes a notice for the whole community in the console, and the kiosk shows it after its pull', async () => {
    const { url, db } = await startDemoServer(cleanup);
    const kiosk = await openKiosk(chromium(), 'landscape', { url });
    cleanup.push(() => kiosk.close());
    await waitSynced(kiosk.page);
    await organise(db, await enrolledStation(kiosk));

    const staff = await openConsole(chromium(), url);
    cleanup.push(() => staff.close());
    await staff.signIn('li.zhuren', PASSWORD);
    await staff.page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '通知与活动' }).click();
    await staff.page.getByRole('button', { name: '新增通知' }).click();
    const dialog = staff.page.getByRole('dialog', { name: '新增通知' });
    await dialog.getByRole('group', { name: '标题' }).getByLabel('中文').fill('本周六义诊');
    await dialog.getByRole('group', { name: '标题' }).getByLabel('英文').fill('Free health check on Saturday');
    await dialog.getByRole('group', { name: '内容' }).getByLabel('中文').fill('社区医院医生到驿站量血压、测血糖。');
    await dialog.getByRole('group', { name: '内容' }).getByLabel('英文').fill('Doctors from the community hospital check blood pressure and sugar.');
    await dialog.getByRole('checkbox', { name: '置顶显示' }).check();
    await staff.shot('notice-new');
    await staff.axe('notice-new');
    await dialog.getByRole('button', { name: '保存并发布' }).click();
    await dialog.waitFor({ state: 'detached' });
    await staff.page.getByText('本周六义诊').first().waitFor();
    await staff.shot('notices-published');

    // The kiosk's next sync (at start, as after a reload) pulls the community's notice.
    await kiosk.page.reload();
    await waitSynced(kiosk.page);
    await kiosk.tap(/^通知活动/);
    await kiosk.page.getByRole('heading', { level: 1, name: '通知活动' }).waitFor();
    await kiosk.page.getByText('本周六义诊').first().scrollIntoViewIfNeeded();
    await kiosk.page.screenshot({ path: `${SHOTS}/console/kiosk-notice-from-console.png` });
    await kiosk.axe('notice-from-console');
    await staff.close();
    await kiosk.close();
  }, SESSION_MS);
});
