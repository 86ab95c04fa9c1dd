import { describe, expect, it } from 'vitest';
import { openKiosk, useChromium } from './support/kiosk.ts';

const chromium = useChromium();

const ZONE = 'Asia/Shanghai';
/** Today at hh:mm:ss in the station's time zone (the kiosk's context runs in it too). */
const todayAt = (time: string): Date => {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
  return new Date(`${day}T${time}+08:00`);
};
/** The top bar's date line for an instant, as the kiosk writes it. */
const dateLine = (at: Date) => new Intl.DateTimeFormat('zh-CN', { month: 'long', day: 'numeric', weekday: 'long', timeZone: ZONE }).format(at);
const DAY_MS = 86_400_000;

describe('midnight on a kiosk nobody reloads (Asia/Shanghai)', () => {
  it('home starts the day\'s count again and the date turns, on the screen that stayed up, and so does the attract loop', async () => {
    const k = await openKiosk(chromium(), 'landscape');
    const { page } = k;
    const evening = todayAt('23:58:30');
    await page.clock.install({ time: evening });
    await page.reload();
    await page.getByRole('navigation').waitFor();

    await k.tap(/^签到/);
    await k.tap('本小区居民', 'radio');
    await page.getByRole('radio').nth(1).tap();
    await page.getByRole('status').filter({ hasText: '签到成功' }).first().waitFor();
    await k.tap(/^完成/);
    const visits = page.getByText(/^今天已有 \d+ 人次来访/);
    await expect(visits.innerText()).resolves.toMatch(/^今天已有 1 人次来访/);
    await expect(page.locator('.topbar__date').innerText()).resolves.toBe(dateLine(evening));

    // Nobody touches it: the minute after midnight, home has a new day.
    await page.clock.runFor('02:00');
    await page.getByText(/^今天已有 0 人次来访/).waitFor();
    await expect(visits.innerText()).resolves.toMatch(/本月 [01] 人次/);
    await expect(page.locator('.topbar__date').innerText()).resolves.toBe(dateLine(new Date(evening.getTime() + DAY_MS)));
    await k.state('midnight-home');

    // The attract loop that comes up later in the night shows the new day too, and its clock keeps turning.
    await page.clock.runFor('03:10');
    const attract = page.getByRole('dialog', { name: /点一下屏幕开始/ });
    await attract.waitFor();
    await expect(attract.locator('.topbar__date').innerText()).resolves.toBe(dateLine(new Date(evening.getTime() + DAY_MS)));
    const before = await attract.locator('.topbar__time').innerText();
    await page.clock.runFor('01:00');
    await expect(attract.locator('.topbar__time').innerText()).resolves.not.toBe(before);
    await k.state('midnight-attract');
    await k.close();
  });
});
