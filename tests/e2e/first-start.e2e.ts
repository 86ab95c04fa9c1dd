import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Route } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { SHOTS, useChromium, viewports } from './support/kiosk.ts';

const chromium = useChromium();

/** The app's entry chunk, which first-paint/boot.ts imports after the snapshot's first paint. */
const APP_ENTRY = /\/assets\/index-[^/]+\.js$/;
/** The boot itself: until it has run, the page shows what index.html does by itself. */
const BOOT = /\/assets\/boot-[^/]+\.js$/;

/** A fresh tablet whose app code (or, with `hold: BOOT`, the boot) is held back until `release()`. */
const freshTablet = async (browser: Browser, prepare?: (context: BrowserContext) => Promise<void>, hold: RegExp = APP_ENTRY) => {
  const context = await browser.newContext({ viewport: viewports.landscape, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', serviceWorkers: 'block' });
  await context.clock.install({ time: new Date('2026-12-08T09:41:00+08:00') });
  await prepare?.(context);
  let release = (): void => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  await context.route(hold, async (route: Route) => {
    asked = true;
    await released;
    await route.continue();
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  // Not to 'load': with the boot held back, the page never gets there.
  await page.goto(inject('baseUrl'), { waitUntil: 'commit' });
  return { context, page, errors, release, asked: () => asked };
};

describe('first start', () => {
  it('paints home from the page itself while the app loads, and answers a tap made on it once the app is up', async () => {
    const { context, page, errors, release, asked } = await freshTablet(chromium());
    await page.getByRole('heading', { level: 1, name: '欢迎来到幸福里社区红色驿站' }).waitFor();
    await page.getByRole('button', { name: /^签到/ }).waitFor();
    // The clock says the time of this start, not of the build.
    await expect(page.locator('.topbar__time').textContent()).resolves.toBe('09:41');
    await expect(page.locator('.topbar__date').textContent()).resolves.toBe('12月8日星期二');
    await expect.poll(asked).toBe(true);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/first-start-snapshot.png` });
    const tiles = () => page.locator('main nav button').evaluateAll((buttons) => buttons.map((button) => [button.textContent, JSON.stringify(button.getBoundingClientRect())]));
    const before = await tiles();

    // A resident taps before the app is there: nothing yet, and nothing lost.
    await page.getByRole('button', { name: /^签到/ }).tap();
    await expect(page.locator('#root').getAttribute('data-snapshot')).resolves.toBe('home');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('欢迎来到幸福里社区红色驿站');
    release();
    await page.getByRole('heading', { level: 1, name: '签到' }).waitFor();
    // Taken over: the app's home had every tile where the snapshot had it (nothing moved under the finger).
    await page.getByRole('button', { name: '首页' }).first().tap();
    await page.locator('#root:not([data-snapshot]) #main h1').waitFor();
    expect(await tiles()).toEqual(before);
    await expect(page.locator('#root').getAttribute('data-snapshot')).resolves.toBeNull();
    await page.screenshot({ path: `${SHOTS}/first-start-tap-answered.png` });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the demo home from the page alone on a first start only: a tablet that started before is blank until the app draws its own', async () => {
    const started = async (context: BrowserContext) => {
      await context.addInitScript(() => localStorage.setItem('yizhan.store.started', '1'));
    };
    // A first start shows its home before even the boot has run: the gate, a script in the page, shows it.
    const fresh = await freshTablet(chromium(), undefined, BOOT);
    await fresh.page.getByRole('heading', { level: 1, name: '欢迎来到幸福里社区红色驿站' }).waitFor();
    await expect(fresh.page.locator('.topbar__time').textContent()).resolves.toBe('09:41');
    fresh.release();
    await fresh.context.close();
    // A tablet that started before: the page, boot held, shows nothing of it.
    const held = await freshTablet(chromium(), started, BOOT);
    await expect.poll(held.asked).toBe(true);
    await held.page.locator('#root .kiosk').waitFor({ state: 'attached' });
    await expect(held.page.locator('#root').evaluate((root) => ({ demo: root.childElementCount > 0, shown: !(root as HTMLElement).hidden }))).resolves.toEqual({ demo: true, shown: false });
    await expect(held.page.getByRole('heading').count()).resolves.toBe(0);
    held.release();
    await held.context.close();

    const { context, page, errors, release, asked } = await freshTablet(chromium(), started);
    await expect.poll(asked).toBe(true);
    await expect(page.locator('#root').evaluate((root) => ({ children: root.childElementCount, hidden: (root as HTMLElement).hidden }))).resolves.toEqual({
      children: 0,
      hidden: false,
    });
    release();
    await page.locator('#root:not([data-snapshot]) #main h1').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
