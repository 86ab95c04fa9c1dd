import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openKiosk, useChromium } from './support/kiosk.ts';

const chromium = useChromium();

interface ReferralRow {
  id: string;
  kind: string;
  serviceId: string;
  queueNo: string;
  day: string;
  bill?: unknown;
  contact?: unknown;
}
interface OutboxRow {
  seq: number;
  kind: string;
  id: string;
  record: { queueNo?: string };
}

const categoryTiles = (page: Page) => page.getByRole('button', { name: /^(生活缴费|老年服务|健康医疗|法律政策|邻里议事|儿童青少年|便民服务)/ });

/** Scrolls the kiosk's main area so the element is in view, for the screenshot that follows. */
const reveal = (locator: Locator, block: 'start' | 'center' | 'end' = 'center') => locator.evaluate((el, b) => el.scrollIntoView({ block: b }), block);

describe('service menu', () => {
  it('goes from the categories to a service and asks the volunteer on duty, twice: A001 then A002', async () => {
    const k = await openKiosk(chromium(), 'landscape');
    const { page } = k;

    await k.tap(/^服务菜单/);
    await page.getByRole('heading', { level: 1, name: '服务菜单' }).waitFor();
    await categoryTiles(page).nth(6).waitFor();
    await expect(categoryTiles(page).count()).resolves.toBe(7);
    await k.state('services-categories');
    await k.axe('services-categories');

    await k.tap(/^法律政策/);
    await page.getByRole('heading', { level: 1, name: '法律政策' }).waitFor();
    await page.getByRole('button', { name: /^政策咨询/ }).waitFor();
    await k.state('services-category');
    await k.axe('services-category');

    await k.tap(/^法律知识讲座/);
    await page.getByRole('heading', { level: 1, name: '法律知识讲座' }).waitFor();
    await expect(page.getByText('红色周末', { exact: true }).count()).resolves.toBe(1);
    await k.state('service');
    await k.axe('service');
    await reveal(page.getByText('https://www.12348.gov.cn/'), 'end');
    await expect(page.getByRole('img', { name: '中国法律服务网（12348）' }).isVisible()).resolves.toBe(true);
    await k.state('service-ways');

    await k.tap('请值班志愿者帮我办');
    await page.getByRole('status').filter({ hasText: '已经为您叫了值班志愿者' }).waitFor();
    const number = page.locator('.big-number');
    await expect(number.textContent()).resolves.toBe('A001');
    const size = await number.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(100);
    await expect(number.isVisible()).resolves.toBe(true);
    await k.state('service-referral-done');
    await k.axe('service-referral-done');

    const [first] = await k.rows<ReferralRow>('referrals');
    expect(first).toMatchObject({ kind: 'referral', serviceId: 'legal-talks', queueNo: 'A001' });
    expect(first?.bill).toBeUndefined();
    expect(first?.contact).toBeUndefined();
    expect(await k.rows<OutboxRow>('outbox')).toEqual([expect.objectContaining({ seq: 1, kind: 'referral', id: first?.id })]);

    await k.tap(/完成/);
    await page.getByRole('navigation').waitFor();

    await k.tap(/^服务菜单/);
    await k.tap(/^便民服务/);
    await k.tap(/^便民小修/);
    await page.getByRole('heading', { level: 1, name: '便民小修' }).waitFor();
    await k.tap('请值班志愿者帮我办');
    await page.getByRole('status').filter({ hasText: '已经为您叫了值班志愿者' }).waitFor();
    await expect(page.locator('.big-number').textContent()).resolves.toBe('A002');

    const referrals = await k.rows<ReferralRow>('referrals');
    expect(referrals.map((r) => [r.serviceId, r.queueNo])).toEqual([
      ['legal-talks', 'A001'],
      ['small-repairs', 'A002'],
    ]);
    expect(new Set(referrals.map((r) => r.day)).size).toBe(1);
    const outbox = await k.rows<OutboxRow>('outbox');
    expect(outbox.map((e) => [e.seq, e.kind, e.id, e.record.queueNo])).toEqual(referrals.map((r, i) => [i + 1, 'referral', r.id, r.queueNo]));

    await k.tap(/完成/);
    await page.getByRole('navigation').waitFor();
    await k.close();
  });

  it('shows every way of getting a service: steps, QR code and office, in elderly mode and in English', async () => {
    const k = await openKiosk(chromium(), 'landscape');
    const { page } = k;
    await k.tap('长辈模式');
    await k.tap(/^服务菜单/);
    await categoryTiles(page).nth(6).waitFor();
    await k.state('services-categories-elderly');
    await k.axe('services-categories-elderly');
    await k.tap(/^生活缴费/);
    await k.tap(/^水电气代办代缴/);
    await page.getByRole('heading', { level: 1, name: '水电气代办代缴' }).waitFor();
    await k.state('service-elderly');
    await k.axe('service-elderly');
    for (const title of ['请值班志愿者帮忙', '自己办', '用手机办', '到窗口办']) {
      await expect(page.getByRole('heading', { level: 3, name: title }).count(), title).resolves.toBe(1);
    }
    await reveal(page.getByRole('heading', { level: 3, name: '自己办' }), 'start');
    await k.state('service-ways-elderly');
    await reveal(page.getByText('幸福路18号幸福里社区党群服务中心一楼'), 'end');
    await k.state('service-office-elderly');

    await k.tap('English');
    const title = page.getByRole('heading', { level: 1, name: 'Water, electricity and gas bills paid for you' });
    await title.waitFor();
    await reveal(title, 'start');
    await expect(page.getByText('Evening hour', { exact: true }).count()).resolves.toBe(1);
    await k.state('service-en');
    await k.axe('service-en');
    await k.tap('Ask the volunteer on duty');
    await page.getByRole('status').filter({ hasText: 'The volunteer on duty has been called' }).waitFor();
    await expect(page.locator('.big-number').textContent()).resolves.toBe('A001');
    await k.state('service-referral-done-elderly-en');
    await k.axe('service-referral-done-elderly-en');
    const [referral] = await k.rows<ReferralRow>('referrals');
    expect(referral).toMatchObject({ serviceId: 'utility-bills', queueNo: 'A001' });
    expect(await k.rows<OutboxRow>('outbox')).toEqual([expect.objectContaining({ seq: 1, kind: 'referral', id: referral?.id })]);
    await k.tap(/Done/);
    await page.getByRole('navigation').waitFor();
    await k.close();
  });
});
