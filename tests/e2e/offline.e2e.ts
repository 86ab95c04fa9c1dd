import { describe, expect, it } from 'vitest';
import { openKiosk, useChromium } from './support/kiosk.ts';

const chromium = useChromium();

describe('offline', () => {
  it('loads once, goes offline, reloads from the service worker and still checks in', async () => {
    const k = await openKiosk(chromium(), 'landscape', { serviceWorkers: 'allow' });
    const { page, context } = k;
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: /欢迎来到/ }).waitFor();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    await k.tap(/^签到/);
    await k.tap('附近居民', 'radio');
    await page.getByRole('radio').first().tap();
    await page.getByRole('status').filter({ hasText: '签到成功' }).waitFor();
    await k.state('offline-checkin-done');
    expect(await k.rows('visits')).toHaveLength(1);
    expect(await k.rows('outbox')).toHaveLength(1);
    await k.close();
  });

  it('serves every screen offline on the very first start, never reloaded: the worker takes the page it was installed from', async () => {
    const k = await openKiosk(chromium(), 'landscape', { serviceWorkers: 'allow' });
    const { page, context } = k;
    // A fresh tablet, online once: the worker installs and precaches while home is up; nobody reloads the kiosk.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
    await context.setOffline(true);
    // Screens whose code this page never loaded: fetched now, with the network gone.
    for (const [tile, heading] of [[/^服务菜单/, '服务菜单'], [/^意见建议/, /打分|意见/], [/^今日值班/, /值班/]] as const) {
      await k.tap(tile);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await expect(page.getByText('这一页暂时打不开').count()).resolves.toBe(0);
      await k.tap('首页');
    }
    await k.state('offline-first-start-screens');
    await k.close();
  });
});
