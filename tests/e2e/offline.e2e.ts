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
});
