import { describe, expect, it } from 'vitest';
import { type Kiosk, openKiosk, useChromium } from './support/kiosk.ts';

const chromium = useChromium();

/**
 * Today at hh:mm in the station's time zone. The demo notices were placed around today when the kiosk first
 * seeded itself, so the faked clock keeps the real date and only picks the hour.
 */
const todayAt = (hhmm: string): Date => {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  return new Date(`${day}T${hhmm}:00+08:00`);
};

/** Restarts the kiosk with its clock under the test's control, set to `time`. */
const atTime = async (k: Kiosk, time: Date) => {
  await k.page.clock.install({ time });
  await k.page.reload();
  await k.page.getByRole('navigation').waitFor();
};

interface MemberRow { name: string; phone: string }
interface NoticeRow { id: string; title: { 'zh-CN': string }; startsAt?: string }

/** No personal phone number may appear in full anywhere on screen. */
const expectNoFullPhones = async (k: Kiosk) => {
  const text = await k.page.locator('body').innerText();
  for (const m of await k.rows<MemberRow>('members')) expect(text, `${m.name}'s phone`).not.toContain(m.phone);
};

describe('duty, notices and the attract screen', () => {
  it('shows who is on duty now (signed in), who is expected and who comes later, with masked phones, in normal and elderly mode', async () => {
    const k = await openKiosk(chromium(), 'landscape');
    const { page } = k;
    await atTime(k, todayAt('10:00'));
    await k.tap(/^今日值班/);
    await page.getByRole('heading', { level: 1, name: '今日值班' }).waitFor();
    // Rostered is not here: until someone signs in, this morning's people are expected, not on duty.
    const missing = page.getByRole('region', { name: '应到还没到' });
    const expected = missing.locator('.person__name');
    await expected.first().waitFor();
    const name = await expected.first().innerText();
    await page.getByRole('region', { name: '正在值班' }).getByText('现在没有人值班，请别着急').waitFor();

    // One of them signs in at the kiosk (the demo PIN), then the duty screen counts them as here.
    await k.tap('首页');
    await k.tap(/志愿者/);
    await k.tap(/按姓名找/);
    await page.getByLabel('您的姓名').fill(name);
    await page.getByRole('button', { name: new RegExp(name) }).first().tap();
    for (const digit of '1234') await page.getByRole('group', { name: '密码数字键盘' }).getByRole('button', { name: digit, exact: true }).tap();
    await k.tap('确定');
    await page.getByRole('heading', { level: 1, name: '志愿者工作台' }).waitFor();
    await k.tap(/锁定/);
    await k.tap(/^今日值班/);
    const now = page.getByRole('region', { name: '正在值班' });
    const people = now.getByRole('listitem');
    await people.first().waitFor();
    expect(await now.locator('.person__name').allInnerTexts()).toEqual([name]);
    for (const phone of await now.locator('.person__phone').allInnerTexts()) expect(phone).toMatch(/^电话 \d{3}\*{4}\d{4}$/);
    await expect(page.getByRole('region', { name: '驿站开放时间' }).getByText('晚间一小时').count()).resolves.toBe(1);
    await expectNoFullPhones(k);
    await k.state('duty');
    await k.axe('duty');
    await page.getByRole('region', { name: '驿站开放时间' }).scrollIntoViewIfNeeded();
    await k.state('duty-hours');

    await page.locator('#main').evaluate((main) => main.scrollTo(0, 0));
    await k.tap('长辈模式');
    await expect(page.locator('html').getAttribute('data-elderly')).resolves.toBe('true');
    await k.state('duty-elderly');
    await k.axe('duty-elderly');

    // Looking things up writes nothing; the sign-in is the one record.
    expect((await k.rows<{ kind: string }>('outbox')).map((e) => e.kind)).toEqual(['shift-event']);
    await k.tap('首页');
    await page.getByRole('navigation').waitFor();
    await k.close();
  });

  it('says kindly when nobody is on duty, who comes next and the station phone', async () => {
    const k = await openKiosk(chromium(), 'landscape');
    const { page } = k;
    await atTime(k, todayAt('21:30'));
    await k.tap(/^今日值班/);
    const now = page.getByRole('region', { name: '正在值班' });
    await now.getByText('现在没有人值班，请别着急').waitFor();
    await expect(now.getByText(/^下一班：明天 \d\d:\d\d 开始$/).count()).resolves.toBe(1);
    await expect(now.getByText('87651234').count()).resolves.toBe(1);
    await expect(page.getByText('今天后面没有其他人值班了。').count()).resolves.toBe(1);
    await expectNoFullPhones(k);
    await k.state('duty-nobody');
    await k.axe('duty-nobody');
    await k.close();
  });

  it('lists notices soonest first, opens one in full and comes back, in both languages', async () => {
    const k = await openKiosk(chromium(), 'landscape');
    const { page } = k;
    await atTime(k, todayAt('10:00'));
    await k.tap(/^通知活动/);
    await page.getByRole('heading', { level: 1, name: '通知活动' }).waitFor();

    const dayOf = (startsAt: string) => startsAt.slice(0, 10);
    const todayKey = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(todayAt('10:00'));
    const expected = (await k.rows<NoticeRow>('notices'))
      .filter((n) => n.startsAt && dayOf(n.startsAt) >= todayKey)
      .sort((a, b) => (a.startsAt ?? '').localeCompare(b.startsAt ?? ''))
      .map((n) => n.title['zh-CN']);
    const upcoming = page.getByRole('region', { name: '近期活动' });
    await expect(upcoming.locator('.notice-item__title').allInnerTexts()).resolves.toEqual(expected);
    await expect(page.getByRole('region', { name: '通知公告' }).getByRole('button').count()).resolves.toBe(2);
    await k.state('notices');
    await k.axe('notices');

    const first = expected[0] ?? '';
    await upcoming.getByRole('button').first().tap();
    await page.getByRole('heading', { level: 1, name: first }).waitFor();
    await expect(page.locator('.notice__when').innerText()).resolves.toMatch(/^\d{1,2}月\d{1,2}日 周. (上午|下午|中午|晚上)\d{1,2}:\d\d$/);
    await expect(page.locator('.notice__body').innerText()).resolves.not.toBe('');
    await k.state('notice');
    await k.axe('notice');

    await k.tap('返回');
    await page.getByRole('heading', { level: 1, name: '通知活动' }).waitFor();
    await k.tap('English');
    await page.getByRole('heading', { level: 1, name: 'Notices and events' }).waitFor();
    await page.getByRole('region', { name: 'Coming up' }).getByRole('button').nth(1).tap();
    await page.locator('.notice__when').waitFor();
    await expect(page.locator('.notice__when').innerText()).resolves.toMatch(/^[A-Z][a-z]{2}, [A-Z][a-z]+ \d{1,2}, \d{1,2}:\d\d [AP]M$/);
    await k.state('notice-en');
    await k.axe('notice-en');

    expect(await k.rows('outbox')).toEqual([]);
    await k.tap('Home');
    await page.getByRole('navigation').waitFor();
    await k.close();
  });

  it('shows the attract screen after a long idle, turns its slides, and any tap hands back home untouched', async () => {
    const k = await openKiosk(chromium(), 'landscape');
    const { page } = k;
    await atTime(k, todayAt('10:00'));
    const tile = await page.getByRole('button', { name: /^通知活动/ }).boundingBox();

    await page.clock.fastForward('03:10');
    const attract = page.getByRole('dialog', { name: '幸福里社区红色驿站 点一下屏幕开始' });
    await attract.waitFor();
    await expect(attract.getByRole('heading', { level: 3 }).innerText()).resolves.toBe('正在值班');
    await expect(attract.getByText('Touch the screen to start').count()).resolves.toBe(1);
    await page.waitForTimeout(800);
    await k.state('attract');
    await k.axe('attract');

    await page.clock.fastForward('00:08');
    await expect(attract.getByRole('heading', { level: 3 }).innerText()).resolves.not.toBe('正在值班');
    await page.waitForTimeout(800);
    await k.state('attract-notice');
    await k.axe('attract-notice');

    // Tap right where the notices tile lies under the overlay: the screen wakes, and the tile is not pressed.
    if (!tile) throw new Error('no notices tile on home');
    await page.touchscreen.tap(tile.x + tile.width / 2, tile.y + tile.height / 2);
    await attract.waitFor({ state: 'detached' });
    await page.waitForTimeout(300);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toMatch(/^欢迎来到/);

    // With reduced motion asked for, nothing on the attract screen moves.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.clock.fastForward('03:10');
    await attract.waitFor();
    const animations = await page.evaluate(() =>
      ['.attract__stage', '.attract__prompt'].map((selector) => getComputedStyle(document.querySelector(selector) as Element).animationName),
    );
    expect(animations).toEqual(['none', 'none']);
    await page.mouse.click(20, 20);
    await attract.waitFor({ state: 'detached' });
    await k.close();
  });
});
