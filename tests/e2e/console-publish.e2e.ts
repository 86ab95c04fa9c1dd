import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityScope } from '../../sync/protocol/centre.ts';
import { weekdayOf } from '../../sync/protocol/roster.ts';
import type { ConsoleSession } from './support/console.ts';
import { COMMUNITY_A, type District, goTo, openDistrict, pull, signedIn, stationToday } from './support/console-district.ts';
import { SHOTS, useChromium } from './support/kiosk.ts';

/**
 * What the community publishes in the console reaching the tablets at their next pull, on one real server with
 * two kiosks of one community: a service made unavailable at one station and a station's opening hours changed
 * show at that station and not at the other; a month of partner-unit rotation generated from the template puts
 * the unit on turn on the kiosk's "who is on duty" screen today, with its evening-hour or red-weekend shift.
 */
const chromium = useChromium();
const SESSION_MS = 300_000;

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch((error: unknown) => console.warn('cleanup', error));
});

/** Two members of each partner unit, published for the community as the members page would. */
const MEMBERS = [
  { id: 'zhang-wei', name: '张伟', unitId: 'water-co' },
  { id: 'bai-xue', name: '白雪', unitId: 'water-co' },
  { id: 'chen-gang', name: '陈刚', unitId: 'power-co' },
  { id: 'sun-li', name: '孙丽', unitId: 'power-co' },
] as const;

let district: District;
let staff: ConsoleSession;

beforeAll(async () => {
  district = await openDistrict(
    chromium(),
    cleanup,
    [
      { name: '幸福里一号驿站', communityId: COMMUNITY_A.id },
      { name: '幸福里二号驿站', communityId: COMMUNITY_A.id },
    ],
    [{ login: 'li.zhuren', name: '李主任', role: { kind: 'community-staff', communityId: COMMUNITY_A.id } }],
  );
  for (const [index, member] of MEMBERS.entries()) {
    const value = { ...member, role: 'member', phone: `1390000000${index}`, skills: [{ 'zh-CN': '修水管', en: 'Plumbing' }] };
    const published = await district.db.storage.changeCentreItems(
      { scope: communityScope(COMMUNITY_A.id), changes: [{ collection: 'members', id: member.id, value }], clashScopes: 'others', action: 'publish.put', targetId: member.id },
      { staff: null, ip: null, now: new Date() },
    );
    expect(published.ok).toBe(true);
  }
  staff = await signedIn(chromium(), district.url, cleanup, 'li.zhuren');
}, SESSION_MS);

describe('publishing in the console reaches the right kiosks at their next pull', () => {
  it('a new service offered at one station only, and that station\'s opening hours changed: shown there, not at the other station', async () => {
    const [first, second] = district.kiosks as [District['kiosks'][0], District['kiosks'][0]];
    const { page } = staff;
    await goTo(page, '服务菜单');
    await page.getByRole('button', { name: '新增服务' }).click();
    const dialog = page.getByRole('dialog', { name: '新增服务' });
    await dialog.getByRole('group', { name: '服务名称' }).getByLabel('中文').fill('上门理发');
    await dialog.getByRole('group', { name: '服务名称' }).getByLabel('英文').fill('Haircut at home');
    await dialog.getByLabel('类别').selectOption({ label: '老年服务' });
    await dialog.getByRole('group', { name: '一句话介绍' }).getByLabel('中文').fill('行动不便的老人，理发师上门服务。');
    await dialog.getByRole('group', { name: '一句话介绍' }).getByLabel('英文').fill('A barber comes to residents who cannot get out.');
    await dialog.getByRole('group', { name: '提供方' }).getByLabel('中文').fill('幸福里志愿理发队');
    await dialog.getByRole('group', { name: '提供方' }).getByLabel('英文').fill('Xingfuli volunteer barbers');
    await dialog.getByRole('group', { name: '服务时间' }).getByLabel('中文').fill('每月第一个周三上午');
    await dialog.getByRole('group', { name: '服务时间' }).getByLabel('英文').fill('First Wednesday morning of the month');
    await staff.shot('service-new');
    await staff.axe('service-new');
    await dialog.getByRole('button', { name: '保存并发布' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The availability grid: one tick per station; the second station stops offering it.
    const offeredAtSecond = page.getByRole('checkbox', { name: `${second.name}提供上门理发` });
    await expect(offeredAtSecond.isChecked()).resolves.toBe(true);
    // The tick is published at once and shows its new state when the server has it (click, not uncheck).
    await offeredAtSecond.click();
    await page.getByRole('status').filter({ hasText: '已保存，驿站下次同步时生效' }).waitFor();
    await expect.poll(() => offeredAtSecond.isChecked()).toBe(false);
    await expect(page.getByRole('checkbox', { name: `${first.name}提供上门理发` }).isChecked()).resolves.toBe(true);
    // Staff of one community have no community to choose: no empty toolbar above the grid.
    await expect(page.locator('main .toolbar').isVisible()).resolves.toBe(false);
    await staff.shot('service-availability');
    await staff.axe('service-availability');

    // The first station opens earlier and closes later.
    await goTo(page, '驿站设置');
    await page.getByLabel('驿站', { exact: true }).selectOption({ label: first.name });
    const settings = page.getByRole('form', { name: new RegExp(first.name) });
    await settings.getByRole('group', { name: '开放时间' }).getByLabel('开门').fill('07:30');
    await settings.getByRole('group', { name: '开放时间' }).getByLabel('关门').fill('19:00');
    await settings.getByRole('button', { name: '保存并发布' }).click();
    await page.getByRole('status').filter({ hasText: '已保存，驿站下次同步时生效' }).waitFor();
    await staff.shot('station-settings-saved');
    await staff.axe('station-settings-saved');

    const seniors = async (kiosk: typeof first.kiosk) => {
      await pull(kiosk);
      await kiosk.tap(/^服务菜单/);
      await kiosk.tap(/^老年服务/);
      await kiosk.page.getByRole('heading', { level: 1, name: /老年服务/ }).waitFor();
    };
    await seniors(first.kiosk);
    await first.kiosk.page.getByRole('button', { name: /上门理发/ }).waitFor();
    await first.kiosk.page.screenshot({ path: `${SHOTS}/console/kiosk-service-from-console.png` });
    await seniors(second.kiosk);
    await expect(second.kiosk.page.getByRole('button', { name: /老年/ }).first().isVisible()).resolves.toBe(true);
    await expect(second.kiosk.page.getByText('上门理发').count()).resolves.toBe(0);

    const openingHours = async (kiosk: typeof first.kiosk) => {
      await kiosk.tap('首页');
      await kiosk.tap(/^今日值班/);
      const hours = kiosk.page.getByRole('region', { name: '驿站开放时间' });
      await hours.waitFor();
      return hours.textContent();
    };
    await expect(openingHours(first.kiosk)).resolves.toMatch(/07:30.*19:00/);
    await first.kiosk.page.getByRole('region', { name: '驿站开放时间' }).scrollIntoViewIfNeeded();
    await first.kiosk.page.screenshot({ path: `${SHOTS}/console/kiosk-hours-from-console.png` });
    const secondHours = await openingHours(second.kiosk);
    expect(secondHours).toMatch(/08:30.*17:30/);
    expect(secondHours).not.toContain('07:30');
  }, SESSION_MS);

  it('generates a month of partner-unit rotation from the template, and the first station\'s kiosk shows the unit on turn on duty today', async () => {
    const [first, second] = district.kiosks as [District['kiosks'][0], District['kiosks'][0]];
    const { page } = staff;
    const today = stationToday();
    const weekend = [0, 6].includes(weekdayOf(today));
    await goTo(page, '值班排班');
    await page.getByLabel('驿站', { exact: true }).selectOption({ label: first.name });
    await page.getByRole('button', { name: '共建单位轮值' }).click();
    const dialog = page.getByRole('dialog', { name: '共建单位轮值模板' });
    await dialog.getByRole('group', { name: /轮值顺序/ }).waitFor();
    // The water company takes this week's turn: first in the order, counted from today.
    const waterUp = dialog.getByRole('button', { name: '把自来水公司往前移' });
    if (await waterUp.isEnabled()) await waterUp.click();
    await dialog.getByLabel('第一个单位的轮值日').fill(today);
    await dialog.getByText(/将为 \d{4}-\d{2} 生成 \d+ 个班次/).waitFor();
    await staff.shot('rotation-template');
    await staff.axe('rotation-template');
    await dialog.getByRole('button', { name: /^生成 \d{4}-\d{2} 并发布$/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: /已按模板发布 \d{4}-\d{2} 的 \d+ 个班次/ }).waitFor();
    await page.getByRole('group', { name: '查看方式' }).getByRole('button', { name: '按月' }).click();
    await page.getByText('张伟').first().waitFor();
    await staff.shot('roster-month-generated');
    await staff.axe('roster-month-generated');

    // At the kiosk, in the middle of today's extended shift: the evening hour on a weekday, the red weekend morning.
    const at = new Date(`${today}T${weekend ? '10:00' : '17:45'}:00+08:00`);
    await first.kiosk.page.clock.setSystemTime(at);
    await pull(first.kiosk);
    await first.kiosk.tap(/^今日值班/);
    const expected = first.kiosk.page.getByRole('region', { name: '应到还没到' });
    const zhang = expected.getByRole('listitem').filter({ hasText: '张伟' });
    await zhang.waitFor();
    await expect(zhang.textContent()).resolves.toContain('自来水公司');
    await expect(zhang.textContent()).resolves.toContain(weekend ? '红色周末' : '晚间一小时');
    await expect(expected.getByRole('listitem').filter({ hasText: '白雪' }).count()).resolves.toBe(1);
    await expect(first.kiosk.page.getByText('陈刚').count()).resolves.toBe(0);
    await zhang.scrollIntoViewIfNeeded();
    await first.kiosk.page.screenshot({ path: `${SHOTS}/console/kiosk-duty-from-rotation.png` });
    await first.kiosk.axe('duty-from-rotation');

    // The rotation was the first station's: the second one's duty screen has none of it.
    await second.kiosk.page.clock.setSystemTime(at);
    await pull(second.kiosk);
    await second.kiosk.tap(/^今日值班/);
    await second.kiosk.page.getByRole('heading', { level: 1, name: '今日值班' }).waitFor();
    await expect(second.kiosk.page.getByText('张伟').count()).resolves.toBe(0);
  }, SESSION_MS);
});
