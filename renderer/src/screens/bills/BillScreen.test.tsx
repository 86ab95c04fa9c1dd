import type { Utility } from '@protocol/records.ts';
import { screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDb, recordingSpeech, renderScreen } from '../../../../tests/support/render-screen.tsx';
import { useReadAloudControl } from '../../app/read-aloud.tsx';

function ReadNow() {
  const { readNow } = useReadAloudControl();
  return <button type="button" onClick={readNow}>read-now</button>;
}

/**
 * Renders a utility's page over home and waits for its title: the lazy screen chunk and the first query can be
 * slow on a busy machine.
 */
const openBill = async (utility: Utility, title: string, options: Parameters<typeof renderScreen>[1] = {}) => {
  const view = await renderScreen({ screen: 'bill', params: { utility } }, { extra: <ReadNow />, ...options });
  await screen.findByRole('heading', { level: 1, name: title });
  return view;
};

const typeDigits = async (user: Awaited<ReturnType<typeof openBill>>['user'], digits: string) => {
  for (const d of digits) await user.click(screen.getByRole('button', { name: d }));
};

// jsdom does no layout and has no scrollIntoView; the ticket calls it to show its top.
beforeAll(() => {
  Element.prototype.scrollIntoView = vi.fn();
});

// The lazy screen chunks and fake-indexeddb are slow on a busy shared machine; give every wait and test room.

describe('BillScreen', { timeout: 30_000 }, () => {
  it('offers both ways under the no-money promise, and shows the official channels for paying yourself', async () => {
    const { user } = await openBill('water', '水费');
    expect(screen.getByRole('note')).toHaveTextContent('本机不收取任何费用');
    expect(screen.getAllByRole('radio').map((r) => r.textContent)).toEqual(['我自己缴', '请志愿者帮我缴']);
    // The icons are pictures shipped with the app, not emoji left to the tablet's fonts.
    for (const radio of screen.getAllByRole('radio')) expect(radio.querySelector('img.icon')?.getAttribute('src')).toMatch(/\.svg$/);
    await user.click(screen.getByRole('radio', { name: '我自己缴' }));
    const steps = screen.getByRole('heading', { name: '用手机缴费的步骤' }).closest('section') as HTMLElement;
    expect(within(steps).getAllByRole('listitem')).toHaveLength(4);
    expect(screen.getByRole('img', { name: '市自来水公司网上营业厅' })).toBeInTheDocument();
    expect(screen.getByText('https://water.example.gov.cn/pay')).toBeInTheDocument();
    const office = screen.getByRole('heading', { name: '到营业厅缴费' }).closest('section') as HTMLElement;
    expect(within(office).getByText('市自来水公司和平营业厅')).toBeInTheDocument();
    expect(within(office).getByText('和平路88号')).toBeInTheDocument();
    expect(within(office).getByText('周一至周六 8:30–17:00')).toBeInTheDocument();
  });

  it('draws a QR code for each of the three phone companies', async () => {
    const { user } = await openBill('phone', '话费');
    await user.click(screen.getByRole('radio', { name: '我自己缴' }));
    expect(screen.getAllByRole('img').map((img) => img.getAttribute('aria-label'))).toEqual(['中国移动网上营业厅', '中国电信网上营业厅', '中国联通网上营业厅']);
  });

  it('refuses a missing or short account number with a clear message and writes nothing', async () => {
    const { db, user } = await openBill('electricity', '电费');
    await user.click(screen.getByRole('radio', { name: '请志愿者帮我缴' }));
    await user.click(screen.getByRole('button', { name: '下一步' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('请输入缴费户号。');
    await typeDigits(user, '12345');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '下一步' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('户号太短，至少6位。');
    expect(screen.queryByRole('button', { name: '确认，取排队号' })).not.toBeInTheDocument();
    expect(await db.referrals.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('shows the whole account to check while confirming, lets it be changed, and masks it once referred', async () => {
    const speech = recordingSpeech();
    const { db, user } = await openBill('water', '水费', { speech });
    await user.click(screen.getByRole('radio', { name: '请志愿者帮我缴' }));
    await typeDigits(user, '1234567890');
    expect(screen.getByRole('status', { name: '缴费户号' })).toHaveTextContent('1234 5678 90');
    await user.click(screen.getByRole('button', { name: '下一步' }));
    // The resident is standing there and checks the digits against the bill: in full, grouped as typed.
    expect(await screen.findByRole('heading', { name: '请核对您输入的户号' })).toBeInTheDocument();
    expect(screen.getByText('1234 5678 90')).toBeInTheDocument();
    expect(screen.queryByText(/\*\*\*\*/)).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '改户号' }));
    expect(screen.getByRole('status', { name: '缴费户号' })).toHaveTextContent('1234 5678 90');
    await user.click(screen.getByRole('button', { name: '删除一位' }));
    await typeDigits(user, '1');
    await user.click(screen.getByRole('button', { name: '下一步' }));
    expect(await screen.findByText('1234 5678 91')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '确认，取排队号' }));
    expect(await screen.findByText('已经为您叫了值班志愿者')).toBeInTheDocument();
    expect(screen.getByText('A001')).toHaveClass('big-number');
    expect(screen.getByText('户号：**** 7891')).toBeInTheDocument();
    expect(screen.getByText('要办的事：水费（市自来水公司）')).toBeInTheDocument();
    expect(screen.queryByText(/1234567891|1234 5678 91/)).not.toBeInTheDocument();

    const referrals = await db.referrals.toArray();
    expect(referrals).toEqual([expect.objectContaining({ kind: 'referral', serviceId: 'utility-bills', queueNo: 'A001', bill: { utility: 'water', account: '1234567891' } })]);
    expect(referrals[0]?.contact).toBeUndefined();
    expect(await db.services.get('utility-bills'), 'the bill service is in the catalogue').toMatchObject({ categoryId: 'bills' });
    expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ kind: 'referral', id: referrals[0]?.id })]);

    await user.click(screen.getByRole('button', { name: 'read-now' }));
    expect(speech.spoken.at(-1)).toContain('A 0 0 1');
    expect(speech.spoken.at(-1)).not.toMatch(/7891/);
  });

  it('keeps a consented contact, refusing a bad phone first, and shows it masked', async () => {
    const { db, user } = await openBill('gas', 'Gas bill', { language: 'en' });
    await user.click(screen.getByRole('radio', { name: 'Ask a volunteer to help' }));
    await typeDigits(user, '88776655');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('switch', { name: /I agree/ }));
    await user.type(screen.getByLabelText(/Name/), '王阿姨');
    await typeDigits(user, '1381234');
    await user.click(screen.getByRole('button', { name: 'Confirm and take a queue number' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/isn't right/);
    expect(await db.referrals.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);

    await typeDigits(user, '5678');
    await user.click(screen.getByRole('button', { name: 'Confirm and take a queue number' }));
    expect(await screen.findByText('The volunteer on duty has been called')).toBeInTheDocument();
    expect(screen.getByText('Account: **** 6655')).toBeInTheDocument();
    expect(screen.getByText('Phone: 138****5678')).toBeInTheDocument();
    expect(screen.getByText('Name: 王**')).toBeInTheDocument();
    const [referral] = await db.referrals.toArray();
    expect(referral).toMatchObject({ bill: { utility: 'gas', account: '88776655' }, contact: { name: '王阿姨', phone: '13812345678' } });
  });

  it('shares the day\'s queue with the service menu: the next referral gets the next number', async () => {
    const db = await freshDb();
    const service = await renderScreen({ screen: 'service', params: { serviceId: 'mediation' } }, { db });
    await service.user.click(await screen.findByRole('button', { name: '请值班志愿者帮我办' }));
    expect(await screen.findByText('A001')).toHaveClass('big-number');
    service.unmount();

    const { user } = await openBill('tv', '有线电视费', { db });
    await user.click(screen.getByRole('radio', { name: '请志愿者帮我缴' }));
    await typeDigits(user, '20261127');
    await user.click(screen.getByRole('button', { name: '下一步' }));
    await user.click(await screen.findByRole('button', { name: '确认，取排队号' }));
    expect(await screen.findByText('A002')).toHaveClass('big-number');
    expect((await db.referrals.toArray()).map((r) => [r.serviceId, r.queueNo]).sort()).toEqual([
      ['mediation', 'A001'],
      ['utility-bills', 'A002'],
    ]);
    expect(await db.outbox.count()).toBe(2);
  });

  it('says so when the community has not published that utility', async () => {
    const db = await freshDb();
    await db.bills.delete('tv');
    await openBill('tv', '生活缴费', { db });
    expect(screen.getByText(/这项缴费暂时看不到了/)).toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
  });
});
