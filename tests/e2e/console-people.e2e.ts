import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMBER_PIN_PATTERN } from '../../sync/protocol/pin-hash.ts';
import type { ConsoleSession } from './support/console.ts';
import { COMMUNITY_A, type District, goTo, openDistrict, pull, signedIn, stationToday } from './support/console-district.ts';
import { enrolledStation, waitSynced } from './support/demo-server.ts';
import { launchChromium, openKiosk, SHOTS, useChromium } from './support/kiosk.ts';
import { readQrCodes } from './support/qr-read.ts';
import { fakeCameraFlags, qrVideo } from './support/qr-video.ts';

/**
 * The people side of a month in the console, on one real server with a kiosk of the community: a member added
 * and given a kiosk PIN in the console (only its hash on the wire) signs in at the kiosk and forgets to sign out;
 * the shift the tablet closed waits in the hours review, is corrected with a reason, and the month's hours and
 * their CSV show the corrected time. The member's QR badge signs them in at a camera kiosk; enrolment codes printed from the
 * console enrol a fresh tablet.
 */
const chromium = useChromium();
const SESSION_MS = 300_000;

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch((error: unknown) => console.warn('cleanup', error));
});

const MEMBER = { name: '宁静', phone: '13911112222' };
const PIN = '8642';

let district: District;
let staff: ConsoleSession;

beforeAll(async () => {
  district = await openDistrict(
    chromium(),
    cleanup,
    [{ name: '幸福里一号驿站', communityId: COMMUNITY_A.id }],
    [{ login: 'li.zhuren', name: '李主任', role: { kind: 'community-staff', communityId: COMMUNITY_A.id } }],
  );
  staff = await signedIn(chromium(), district.url, cleanup, 'li.zhuren');
}, SESSION_MS);

const typeDigits = async (page: Page, group: string, digits: string) => {
  const keys = page.getByRole('group', { name: group });
  for (const digit of digits) await keys.getByRole('button', { name: digit, exact: true }).tap();
};

describe('members, hours and tablets from the console', () => {
  it('a member added in the console gets a PIN (only its hash leaves the browser), signs in at the kiosk, and the forgotten shift, corrected with a reason, is in the month\'s hours and CSV', async () => {
    const { page } = staff;
    const kiosk = district.kiosks[0]!.kiosk;
    await goTo(page, '党员与志愿者');
    await page.getByRole('button', { name: '新增人员' }).click();
    const dialog = page.getByRole('dialog', { name: '新增人员' });
    await dialog.getByLabel('姓名').fill(MEMBER.name);
    await dialog.getByLabel('电话').fill(MEMBER.phone);
    await dialog.getByLabel('所在单位').selectOption({ label: '自来水公司' });
    await staff.shot('member-new');
    await staff.axe('member-new');
    await dialog.getByRole('button', { name: '保存并发布' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: new RegExp(MEMBER.name) });
    await expect(row.textContent()).resolves.toContain('无密码');

    // Everything the console sends while the PIN is set, as it leaves the browser.
    const sent: { url: string; body: string }[] = [];
    const watch = (request: { url(): string; postData(): string | null }) => sent.push({ url: request.url(), body: request.postData() ?? '' });
    page.on('request', watch);
    await row.getByRole('button', { name: `${MEMBER.name} 的签到密码` }).click();
    const pinDialog = page.getByRole('dialog', { name: `设置签到密码：${MEMBER.name}` });
    await pinDialog.getByLabel('新密码').fill(PIN);
    await pinDialog.getByLabel('再输一次').fill(PIN);
    await staff.shot('member-pin');
    await staff.axe('member-pin');
    await pinDialog.getByRole('button', { name: '保存密码' }).click();
    await page.getByRole('status').filter({ hasText: `${MEMBER.name} 的密码已设置` }).waitFor();
    page.off('request', watch);
    await expect(row.textContent()).resolves.toContain('已设密码');
    await staff.shot('member-pin-set');
    const credentials = sent.filter((request) => request.url.includes('/console/api/') && request.body.includes('pinHash'));
    expect(credentials).toHaveLength(1);
    const { pinHash } = JSON.parse(credentials[0]!.body) as { pinHash: string };
    expect(pinHash).not.toMatch(MEMBER_PIN_PATTERN);
    expect(pinHash.length).toBeGreaterThan(20);
    for (const request of sent) {
      expect(request.url).not.toContain(PIN);
      expect(request.body).not.toContain(`"${PIN}"`);
    }

    // At the kiosk after its pull: 志愿者 → by name → the PIN the console set; then signing out.
    await pull(kiosk);
    await kiosk.tap(/志愿者/);
    await kiosk.page.getByRole('heading', { level: 1, name: '志愿者签到' }).waitFor();
    await kiosk.tap(/按姓名找/);
    await kiosk.page.getByLabel('您的姓名').fill(MEMBER.name);
    await kiosk.page.getByRole('button', { name: new RegExp(MEMBER.name) }).tap();
    await typeDigits(kiosk.page, '密码数字键盘', PIN);
    await kiosk.tap('确定');
    await kiosk.page.getByRole('heading', { level: 1, name: '志愿者工作台' }).waitFor();
    await kiosk.page.screenshot({ path: `${SHOTS}/console/kiosk-member-signed-in-with-console-pin.png` });
    // She forgets to sign out. The tablet stays on; past the policy's 8 hours for a shift off the roster it closes
    // the shift itself (crediting nothing) and sends the close to the centre.
    await kiosk.tap(/锁定/);
    await kiosk.page.getByRole('navigation').waitFor();
    await kiosk.context.clock.fastForward('08:30:00');
    await expect.poll(async () => (await kiosk.rows<{ type: string }>('shiftEvents')).map((event) => event.type), { timeout: 30_000 }).toEqual(['sign-in', 'auto-sign-out']);
    await waitSynced(kiosk.page);

    // The automatic close waits in the review; staff put in the real times, with the reason.
    await goTo(page, '志愿服务时长');
    await page.getByRole('heading', { name: /待审核的班次/ }).waitFor();
    await staff.shot('hours-review');
    await page.getByRole('button', { name: `更正 ${MEMBER.name} 的班次时间` }).click();
    const review = page.getByRole('dialog', { name: `更正 ${MEMBER.name} 的班次时间` });
    const today = stationToday();
    await review.getByLabel('实际开始').fill(`${today}T09:00`);
    await review.getByLabel('实际结束').fill(`${today}T11:30`);
    await review.getByRole('button', { name: '更正时间' }).click();
    await review.getByText('请写明原因。').waitFor();
    await review.getByLabel('原因').fill('已与本人电话核实：上午在驿站值班，忘了按时签到');
    await staff.shot('hours-correct');
    await staff.axe('hours-correct');
    await review.getByRole('button', { name: '更正时间' }).click();
    await review.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: `已更正 ${MEMBER.name} 的班次` }).waitFor();
    const byMember = page.getByRole('table', { name: '个人时长' });
    await expect.poll(async () => byMember.getByRole('row', { name: new RegExp(MEMBER.name) }).textContent(), { timeout: 15_000 }).toMatch(/2\.5\s*小时/);
    await staff.shot('hours-corrected');
    await staff.axe('hours-corrected');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[href*="/reports/hours/csv"]').click()]);
    const csv = (await readFile(await download.path())).subarray(3).toString('utf8').trim().split(/\r?\n/);
    expect(csv[0]).toMatch(/服务时长\(小时\)/);
    const line = csv.find((entry) => entry.includes(MEMBER.name));
    expect(line, csv.join('\n')).toBeDefined();
    expect(line!.split(',')).toContain('2.5');
  }, SESSION_MS);

  it('a member\'s QR badge from the console signs them in at a kiosk\'s camera', async () => {
    const { page } = staff;
    await goTo(page, '党员与志愿者');
    const row = page.getByRole('row', { name: new RegExp(MEMBER.name) });
    await row.getByRole('button', { name: `${MEMBER.name} 的二维码胸牌` }).click();
    const dialog = page.getByRole('dialog', { name: `二维码胸牌：${MEMBER.name}` });
    await dialog.getByRole('button', { name: '发放胸牌' }).click();
    const badge = dialog.getByRole('img', { name: `${MEMBER.name} 的签到二维码` });
    await badge.waitFor();
    await staff.shot('member-badge');
    await staff.axe('member-badge');
    // Printed, the badge is all there is on the page.
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: `${SHOTS}/console/member-badge-print.png` });
    await expect(page.getByRole('img', { name: `${MEMBER.name} 的签到二维码` }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('navigation', { name: '主导航' }).isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: 'screen' });
    const [text] = await readQrCodes(await badge.screenshot());
    expect(text).toMatch(/^YZM1:[a-z0-9-]+:\S+$/);
    await dialog.getByRole('button', { name: '关闭' }).first().click();
    await expect(row.textContent()).resolves.toContain('已发胸牌');

    // A tablet with a camera that sees the badge: a station of the community.
    const video = await qrVideo(text!);
    cleanup.push(video.remove);
    const camera = await launchChromium(fakeCameraFlags(video.file));
    cleanup.push(() => camera.close());
    const kiosk = await openKiosk(camera, 'landscape', { url: district.url });
    cleanup.push(() => kiosk.close());
    await waitSynced(kiosk.page);
    await district.db.storage.updateConsoleStation(await enrolledStation(kiosk), { name: '幸福里二号驿站', communityId: COMMUNITY_A.id }, { staff: null, ip: null, now: new Date() });
    await pull(kiosk);
    await kiosk.context.grantPermissions(['camera']);
    await kiosk.tap(/志愿者/);
    await kiosk.tap(/扫二维码/);
    await kiosk.page.getByRole('heading', { level: 1, name: '志愿者工作台' }).waitFor({ timeout: 30_000 });
    await kiosk.page.getByText(`${MEMBER.name}，您好`).waitFor();
    await kiosk.page.screenshot({ path: `${SHOTS}/console/kiosk-member-signed-in-with-console-badge.png` });
    const events = await kiosk.rows<{ type: string; method: string }>('shiftEvents');
    expect(events).toMatchObject([{ type: 'sign-in', method: 'qr' }]);
  }, SESSION_MS);

  it('makes enrolment codes for a new station, prints the sheet, and one code from it enrols a fresh tablet', async () => {
    const { page } = staff;
    await district.db.storage.createConsoleStation({ id: 'xingfuli-03', name: '幸福里三号驿站', communityId: COMMUNITY_A.id }, { staff: null, ip: null, now: new Date() });
    await page.reload();
    await goTo(page, '设备注册码');
    await page.getByRole('checkbox', { name: /幸福里三号驿站/ }).check();
    await page.getByRole('button', { name: /^为 1 个驿站生成$/ }).click();
    const sheet = page.getByRole('region', { name: /驿站平板注册码/ });
    await sheet.waitFor();
    const card = sheet.getByRole('listitem').filter({ hasText: '幸福里三号驿站' });
    const code = ((await card.locator('.code-card__code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[0-9A-Z-]{8,}$/);
    await staff.shot('enrolment-sheet');
    await staff.axe('enrolment-sheet');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: '主导航' }).isVisible()).resolves.toBe(false);
    await expect(card.isVisible()).resolves.toBe(true);
    await expect(page.getByRole('checkbox', { name: /幸福里三号驿站/ }).isVisible()).resolves.toBe(false);
    await page.screenshot({ path: `${SHOTS}/console/enrolment-sheet-print.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // A tablet fresh from the box: no station config beside the app (not the demo's), so it asks for a technician.
    const tablet = await openKiosk(chromium(), 'landscape', {
      url: district.url,
      prepare: async (context) => {
        await context.route('**/station-config.json', (route) => route.fulfill({ status: 404, body: '' }));
      },
    });
    cleanup.push(() => tablet.close());
    await tablet.page.getByRole('heading', { name: '本机尚未设置' }).waitFor();
    await tablet.tap('技术人员设置');
    await tablet.page.getByRole('heading', { name: '设置技术员密码' }).waitFor();
    for (const step of ['下一步', '确定']) {
      for (const digit of '97531864') await tablet.page.getByRole('button', { name: digit, exact: true }).tap();
      await tablet.tap(step);
    }
    await tablet.page.getByRole('form', { name: '站点设置' }).waitFor();
    await tablet.page.getByLabel('站点编号').fill('xingfuli-03');
    await tablet.page.getByLabel('站点名称').fill('幸福里三号驿站');
    await tablet.page.getByLabel('注册码').fill(code);
    await tablet.tap('保存并注册');
    await tablet.page.getByRole('heading', { name: '注册成功' }).waitFor({ timeout: 30_000 });
    await tablet.page.getByText('本机已注册为站点 xingfuli-03').waitFor();
    await tablet.page.screenshot({ path: `${SHOTS}/console/kiosk-enrolled-with-console-code.png` });

    // The console's health board has the station as enrolled now.
    await goTo(page, '设备注册码');
    await expect(page.getByText(/幸福里三号驿站/).first().locator('..').textContent()).resolves.toContain('已注册');
  }, SESSION_MS);
});
