import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Route } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { SHOTS, useChromium, viewports } from './support/kiosk.ts';

const chromium = useChromium();

/** The app's entry chunk, which first-paint/boot.ts imports after the snapshot's first paint. */
const APP_ENTRY = /\/assets\/index-[^/]+\.js$/;

/** A fresh tablet whose app code is held back until `release()`: what shows meanwhile is the page alone. */
const freshTablet = async (browser: Browser, prepare?: (context: BrowserContext) => Promise<void>) => {
  const context = await browser.newContext({ viewport: viewports.landscape, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', serviceWorkers: 'block' });
  await context.clock.install({ time: new Date('2026-12-08T09:41:00+08:00') });
  await prepare?.(context);
  let release = (): void => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  await context.route(APP_ENTRY, async (route: Route) => {
    asked = true;
    await released;
    await route.continue();
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(inject('baseUrl'));
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

    // A resident taps before the app is there: nothing yet, and nothing lost.
    await page.getByRole('button', { name: /^签到/ }).tap();
    await expect(page.locator('#root').getAttribute('data-snapshot')).resolves.toBe('home');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('欢迎来到幸福里社区红色驿站');
    release();
    await page.getByRole('heading', { level: 1, name: '签到' }).waitFor();
    await expect(page.locator('#root').getAttribute('data-snapshot')).resolves.toBeNull();
    await page.screenshot({ path: `${SHOTS}/first-start-tap-answered.png` });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('never shows the demo home on a tablet that has started before: the page is blank until the app draws its own', async () => {
    const { context, page, errors, release, asked } = await freshTablet(chromium(), async (context) => {
      await context.addInitScript(() => localStorage.setItem('yizhan.store.started', '1'));
    });
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
