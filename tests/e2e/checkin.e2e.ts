import { describe, expect, it } from 'vitest';
import { openKiosk, useChromium } from './support/kiosk.ts';

const chromium = useChromium();

describe('home and check-in', () => {
  it('shows the home screen with every tile, then checks in anonymously in three taps', async () => {
    const k = await openKiosk(chromium(), 'landscape');
    const { page } = k;
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('欢迎来到');
    expect(await page.getByRole('navigation').getByRole('button').count()).toBe(8);
    await k.state('home');
    await k.axe('home');

    await k.tap(/^签到/);
    await k.tap('本小区居民', 'radio');
    await k.state('checkin-purpose');
    await k.axe('checkin-purpose');
    await page.getByRole('radio').nth(1).tap();
    await page.getByRole('status').filter({ hasText: '签到成功' }).waitFor();
    await k.state('checkin-done');
    await k.axe('checkin-done');

    const visits = await k.rows<{ id: string; who: string; contact?: unknown }>('visits');
    const outbox = await k.rows<{ id: string; kind: string; seq: number }>('outbox');
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({ who: 'resident' });
    expect(visits[0]?.contact).toBeUndefined();
    expect(outbox).toEqual([expect.objectContaining({ id: visits[0]?.id, kind: 'visit', seq: 1 })]);

    await k.tap(/完成/);
    await page.getByRole('navigation').waitFor();

    await k.tap('长辈模式');
    await k.state('home-elderly');
    await k.axe('home-elderly');
    await k.tap(/^签到/);
    await k.state('checkin-who-elderly');
    await k.axe('checkin-who-elderly');
    await k.close();
  });

  it('checks in with consented contact, validates the phone and masks it', async () => {
    const k = await openKiosk(chromium(), 'landscape');
    const { page } = k;
    await expect(page.title()).resolves.toBe('红色驿站');
    await k.tap('English');
    // English is set in a Latin font (Chinese fonts follow for Chinese): no full-width apostrophes.
    await expect(page.title()).resolves.toBe('Red Station');
    await expect(page.locator('h1').evaluate((h) => getComputedStyle(h).fontFamily)).resolves.toMatch(/^"?Noto Sans"?,/);
    await expect(page.getByRole('button', { name: '中文' }).evaluate((b) => getComputedStyle(b).fontFamily)).resolves.toMatch(/^"?Noto Sans CJK SC"?,/);
    await k.tap(/^Check in/);
    await k.tap('Just passing by', 'radio');
    await k.tap(/I agree to leave my name/, 'switch');
    await page.getByLabel('Name (surname is enough)').fill('王阿姨');
    for (const d of '1381234') await page.getByRole('button', { name: d, exact: true }).tap();
    await page.getByRole('radio').first().tap();
    await k.tap('Check in');
    await page.getByRole('alert').filter({ hasText: 'number' }).waitFor();
    await k.state('checkin-contact-error');
    await k.axe('checkin-contact-error');
    expect(await k.rows('visits')).toHaveLength(0);

    for (const d of '5678') await page.getByRole('button', { name: d, exact: true }).tap();
    await expect(page.getByText('138****5678').count()).resolves.toBe(1);
    await k.tap('Check in');
    await page.getByRole('status').filter({ hasText: 'checked in' }).waitFor();
    await expect(page.getByText('Phone: 138****5678').count()).resolves.toBe(1);
    await expect(page.getByText('王**').count()).resolves.toBe(1);
    await k.state('checkin-contact-done');
    const [visit] = await k.rows<{ who: string; contact: { name: string; phone: string; consentAt: string } }>('visits');
    expect(visit).toMatchObject({ who: 'visitor', contact: { name: '王阿姨', phone: '13812345678' } });
    // One visit, in the singular.
    await k.tap(/^Done/);
    await page.getByText('1 visit today, 1 this month.').waitFor();
    await k.close();
  });
});
