import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Kiosk, openKiosk, useChromium } from './support/kiosk.ts';

const chromium = useChromium();

interface ReferralRow {
  id: string;
  serviceId: string;
  queueNo: string;
  bill?: { utility: string; account: string };
  contact?: { name?: string; phone?: string; consentAt: string };
}
interface OutboxRow {
  seq: number;
  kind: string;
  id: string;
}

const typeDigits = async (k: Kiosk, digits: string) => {
  for (const d of digits) await k.page.getByRole('button', { name: d, exact: true }).tap();
};

/** Scrolls the kiosk's main area so the element is in view, for the screenshot that follows. */
const reveal = (locator: Locator, block: 'start' | 'center' | 'end' = 'center') => locator.evaluate((el, b) => el.scrollIntoView({ block: b }), block);

describe('bill payment', () => {
  it('says the kiosk takes no money, shows how to pay yourself, and refers a bill with a masked account', async () => {
    const k = await openKiosk(chromium(), 'landscape');
    const { page } = k;

    await k.tap(/^生活缴费/);
    await page.getByRole('heading', { level: 1, name: '生活缴费' }).waitFor();
    const promise = page.getByRole('note').filter({ hasText: '本机不收取任何费用' });
    await expect(promise.isVisible()).resolves.toBe(true);
    const utilities = page.getByRole('group', { name: '缴费项目' }).getByRole('button');
    await utilities.nth(5).waitFor();
    await expect(utilities.count()).resolves.toBe(6);
    await k.state('bills');
    await k.axe('bills');

    await k.tap(/^水费/);
    await page.getByRole('heading', { level: 1, name: '水费' }).waitFor();
    await k.state('bill');
    await k.axe('bill');
    await k.tap('我自己缴', 'radio');
    await page.getByRole('heading', { name: '用手机缴费的步骤' }).waitFor();
    await k.state('bill-self');
    await k.axe('bill-self');
    await reveal(page.getByText('和平路88号'), 'end');
    await expect(page.getByRole('img', { name: '市自来水公司网上营业厅' }).isVisible()).resolves.toBe(true);
    await k.state('bill-self-office');

    await k.tap('返回');
    await k.tap(/^电费/);
    await page.getByRole('heading', { level: 1, name: '电费' }).waitFor();
    await k.tap('请志愿者帮我缴', 'radio');
    await page.getByRole('button', { name: '下一步' }).waitFor();
    await k.state('bill-account');
    await k.axe('bill-account');

    await k.tap('下一步');
    await page.getByRole('alert').filter({ hasText: '请输入缴费户号' }).waitFor();
    await typeDigits(k, '12345');
    await k.tap('下一步');
    await page.getByRole('alert').filter({ hasText: '户号太短，至少6位' }).waitFor();
    await k.state('bill-account-error');
    await k.axe('bill-account-error');
    expect(await k.rows('referrals')).toEqual([]);
    expect(await k.rows('outbox')).toEqual([]);

    await typeDigits(k, '67890');
    await k.tap('下一步');
    // In full while the resident checks it; masked once referred (the confirmation may stay on screen).
    await page.getByText('1234 5678 90', { exact: true }).waitFor();
    await k.state('bill-account-entered');
    await k.axe('bill-account-entered');

    await k.tap('确认，取排队号');
    await page.getByRole('status').filter({ hasText: '已经为您叫了值班志愿者' }).waitFor();
    await expect(page.locator('.big-number').textContent()).resolves.toBe('A001');
    await expect(page.getByText('户号：**** 7890').isVisible()).resolves.toBe(true);
    await expect(page.getByText(/1234567890|1234 5678 90/).count()).resolves.toBe(0);
    await k.state('bill-done');
    await k.axe('bill-done');

    const referrals = await k.rows<ReferralRow>('referrals');
    expect(referrals).toEqual([expect.objectContaining({ serviceId: 'utility-bills', queueNo: 'A001', bill: { utility: 'electricity', account: '1234567890' } })]);
    expect(referrals[0]?.contact).toBeUndefined();
    expect(await k.rows<OutboxRow>('outbox')).toEqual([expect.objectContaining({ seq: 1, kind: 'referral', id: referrals[0]?.id })]);

    await k.tap(/完成/);
    await page.getByRole('navigation').waitFor();
    await k.close();
  });

  it('in elderly mode, keeps a consented contact after refusing a bad phone, and gives the next queue number', async () => {
    const k = await openKiosk(chromium(), 'landscape');
    const { page } = k;
    await k.tap('长辈模式');
    await k.tap(/^生活缴费/);
    await page.getByRole('group', { name: '缴费项目' }).getByRole('button').nth(5).waitFor();
    await k.state('bills-elderly');
    await k.axe('bills-elderly');

    await k.tap(/^燃气费/);
    await k.tap('请志愿者帮我缴', 'radio');
    await typeDigits(k, '88776655');
    await k.state('bill-account-elderly');
    await k.tap('下一步');
    await k.tap(/我同意留下姓名或电话/, 'switch');
    await page.getByLabel('姓名（可只写姓）').fill('王阿姨');
    await typeDigits(k, '1381234');
    await k.tap('确认，取排队号');
    await page.getByRole('alert').filter({ hasText: '电话号码不对' }).waitFor();
    await k.state('bill-contact-error-elderly');
    await k.axe('bill-contact-error-elderly');
    expect(await k.rows('referrals')).toEqual([]);

    await typeDigits(k, '5678');
    await k.tap('确认，取排队号');
    await page.getByRole('status').filter({ hasText: '已经为您叫了值班志愿者' }).waitFor();
    await expect(page.getByText('户号：**** 6655').isVisible()).resolves.toBe(true);
    await expect(page.getByText('电话：138****5678').isVisible()).resolves.toBe(true);
    await expect(page.getByText('姓名：王**').isVisible()).resolves.toBe(true);
    await k.state('bill-done-elderly');
    await k.axe('bill-done-elderly');

    await k.tap(/完成/);
    await page.getByRole('navigation').waitFor();
    await k.tap(/^生活缴费/);
    await k.tap(/^物业费/);
    await k.tap('请志愿者帮我缴', 'radio');
    await typeDigits(k, '12030112345678901234');
    const display = page.getByRole('status', { name: '缴费户号' });
    await expect(display.textContent()).resolves.toBe('1203 0112 3456 7890 1234');
    const fits = await display.evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(fits, 'a 20-digit account stays inside the keypad display').toBe(true);
    await k.state('bill-account-long-elderly');
    await k.tap('下一步');
    await k.tap('确认，取排队号');
    await page.getByRole('status').filter({ hasText: '已经为您叫了值班志愿者' }).waitFor();
    await expect(page.locator('.big-number').textContent()).resolves.toBe('A002');

    const referrals = await k.rows<ReferralRow>('referrals');
    expect(referrals).toEqual([
      expect.objectContaining({ queueNo: 'A001', bill: { utility: 'gas', account: '88776655' }, contact: expect.objectContaining({ name: '王阿姨', phone: '13812345678' }) }),
      expect.objectContaining({ queueNo: 'A002', bill: { utility: 'property', account: '12030112345678901234' } }),
    ]);
    expect(referrals[1]?.contact).toBeUndefined();
    const outbox = await k.rows<OutboxRow>('outbox');
    expect(outbox.map((e) => [e.seq, e.kind, e.id])).toEqual(referrals.map((r, i) => [i + 1, 'referral', r.id]));
    await k.tap(/完成/);
    await page.getByRole('navigation').waitFor();
    await k.close();
  });

  it('shows the three phone companies\' official channels in English', async () => {
    const k = await openKiosk(chromium(), 'landscape');
    const { page } = k;
    await k.tap('English');
    await k.tap(/^Pay bills/);
    await page.getByRole('note').filter({ hasText: 'This kiosk never takes any money' }).waitFor();
    await page.getByRole('button', { name: /^Property fee/ }).waitFor();
    await k.state('bills-en');
    await k.axe('bills-en');
    await k.tap(/^Phone bill/);
    await k.tap("I'll pay myself", 'radio');
    await reveal(page.getByRole('heading', { name: 'Official online payment' }), 'start');
    await expect(page.getByRole('img').count()).resolves.toBe(3);
    await k.state('bill-self-en');
    await k.axe('bill-self-en');
    await k.tap('Home');
    await page.getByRole('navigation').waitFor();
    expect(await k.rows('referrals')).toEqual([]);
    await k.close();
  });
});
