import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openKiosk, useChromium } from './support/kiosk.ts';

const chromium = useChromium();

interface RequestRow {
  id: string;
  number: string;
  requestKind: string;
  category: string;
  phrases: string[];
  text?: string;
  contact?: { name?: string; phone?: string; consentAt: string };
}
interface EventRow {
  id: string;
  requestId: string;
  type: string;
  actor: string;
}
interface OutboxRow {
  seq: number;
  kind: string;
  id: string;
}

const typeDigits = async (page: Page, digits: string) => {
  for (const d of digits) await page.getByRole('button', { name: d, exact: true }).tap();
};

/** The receipt shows the number grouped for reading (2475-740); this is what the resident copies down. */
const receiptNumber = async (page: Page) => ((await page.locator('.big-number').textContent()) ?? '').replace('-', '');

describe('wishes and requests', () => {
  it('sends a request from home, then finds it again by its number', async () => {
    const k = await openKiosk(chromium(), 'landscape');
    const { page } = k;

    await k.tap(/^微心愿/);
    await page.getByRole('radio', { name: /微诉求/ }).waitFor();
    await k.state('requests-kind');
    await k.axe('requests-kind');

    await k.tap(/微诉求/, 'radio');
    await k.state('requests-category');
    await k.axe('requests-category');

    await k.tap(/家居维修/, 'radio');
    await k.tap('提交微诉求');
    await page.getByRole('alert').filter({ hasText: '请至少点选一项情况' }).waitFor();
    await k.state('requests-missing');
    await k.axe('requests-missing');
    expect(await k.rows('requests')).toHaveLength(0);

    await k.tap(/水管漏水/);
    await k.tap(/下水道堵了/);
    await page.getByLabel(/补充说明/).fill('  5号楼1单元，厨房水槽下面  ');
    await k.state('requests-phrases');
    await k.axe('requests-phrases');
    await k.tap('提交微诉求');
    await page.getByRole('heading', { name: '已收到您的微诉求' }).waitFor();
    await k.state('requests-done');
    await k.axe('requests-done');

    const number = await receiptNumber(page);
    expect(number).toMatch(/^\d{7}$/);
    const requests = await k.rows<RequestRow>('requests');
    const events = await k.rows<EventRow>('requestEvents');
    const outbox = await k.rows<OutboxRow>('outbox');
    expect(requests).toEqual([
      expect.objectContaining({ number, requestKind: 'complaint', category: 'home-repair', phrases: ['water-leak', 'drain'], text: '5号楼1单元，厨房水槽下面' }),
    ]);
    expect(requests[0]?.contact).toBeUndefined();
    expect(events).toEqual([expect.objectContaining({ requestId: requests[0]?.id, type: 'submit', actor: 'resident' })]);
    expect(outbox).toEqual([
      expect.objectContaining({ seq: 1, kind: 'request', id: requests[0]?.id }),
      expect.objectContaining({ seq: 2, kind: 'request-event', id: events[0]?.id }),
    ]);

    await k.tap(/完成/);
    await page.getByRole('navigation').waitFor();
    await k.tap(/^微心愿/);
    await k.tap('查询办理进度');
    await page.getByRole('group', { name: /数字键盘/ }).waitFor();
    await k.state('request-status-entry');
    await k.axe('request-status-entry');

    await typeDigits(page, number.slice(0, 4));
    await k.tap('查询');
    await page.getByRole('alert').filter({ hasText: '请输入7位数字的编号' }).waitFor();
    await k.state('request-status-invalid');
    await k.axe('request-status-invalid');

    await typeDigits(page, number.slice(4));
    await page.getByText('当前状态：已提交').waitFor();
    await expect(page.locator('[aria-current="step"]').textContent()).resolves.toContain('已提交');
    await k.state('request-status-found');
    await k.axe('request-status-found');

    await k.tap(/查询其他编号/);
    await typeDigits(page, '0101999');
    await page.getByText(/没有查到编号 0101-999/).waitFor();
    await k.state('request-status-not-found');
    await k.axe('request-status-not-found');

    await k.tap(/首页/);
    await page.getByRole('navigation').waitFor();
    await k.close();
  });

  it('sends a wish with consented contact in English and large text, then checks it', async () => {
    const k = await openKiosk(chromium(), 'landscape');
    const { page } = k;
    await k.tap('English');
    await k.tap('Large text');
    await k.tap(/^Wishes/);
    await k.tap(/Small wish/, 'radio');
    await k.tap(/Help for elderly/, 'radio');
    await k.tap(/Shopping and cooking/);
    await k.tap(/I agree to leave my name/, 'switch');
    await page.getByLabel('Name (surname is enough)').fill('王阿姨');
    await typeDigits(page, '1381234');
    await k.tap('Send my small wish');
    await page.getByRole('alert').filter({ hasText: 'needs fixing' }).waitFor();
    await k.state('requests-contact-error-elderly');
    await k.axe('requests-contact-error-elderly');
    expect(await k.rows('requests')).toHaveLength(0);
    await typeDigits(page, '5678');
    await k.tap('Send my small wish');
    await page.getByRole('heading', { name: "We've received your small wish" }).waitFor();
    await expect(page.getByText(/call you on 138\*\*\*\*5678/).count()).resolves.toBe(1);
    await k.state('requests-done-elderly');
    await k.axe('requests-done-elderly');

    const number = await receiptNumber(page);
    const [request] = await k.rows<RequestRow>('requests');
    expect(request).toMatchObject({ number, requestKind: 'wish', category: 'elder-care', phrases: ['meals'], contact: { name: '王阿姨', phone: '13812345678' } });
    expect(await k.rows('outbox')).toHaveLength(2);

    await k.tap(/^Done/);
    await k.tap(/^Wishes/);
    await k.tap('Check my request');
    await typeDigits(page, number);
    await page.getByText('Now: Sent').waitFor();
    await expect(page.getByText(/13812345678|5678|王/).count()).resolves.toBe(0);
    await k.state('request-status-elderly');
    await k.axe('request-status-elderly');
    await k.close();
  });
});
