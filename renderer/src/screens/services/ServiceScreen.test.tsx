import { screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDb, recordingSpeech, renderScreen } from '../../../../tests/support/render-screen.tsx';
import { useReadAloudControl } from '../../app/read-aloud.tsx';

function ReadNow() {
  const { readNow } = useReadAloudControl();
  return <button type="button" onClick={readNow}>read-now</button>;
}

/**
 * Renders a service page over home and waits for its title: the lazy screen chunk and the first query can be
 * slow on a busy machine.
 */
const openService = async (serviceId: string, title: string, options: Parameters<typeof renderScreen>[1] = {}) => {
  const view = await renderScreen({ screen: 'service', params: { serviceId } }, { extra: <ReadNow />, ...options });
  await screen.findByRole('heading', { level: 1, name: title });
  return view;
};

const card = (title: string | RegExp) => screen.getByRole('heading', { level: 3, name: title }).closest('section') as HTMLElement;

afterEach(() => {
  vi.useRealTimers();
});

// jsdom does no layout and has no scrollIntoView; the ticket calls it to show its top.
beforeAll(() => {
  Element.prototype.scrollIntoView = vi.fn();
});

// The lazy screen chunks and fake-indexeddb are slow on a busy shared machine; give every wait and test room.

describe('ServiceScreen', { timeout: 30_000 }, () => {
  it('says what the service is, who provides it, when, and what to bring', async () => {
    await openService('utility-bills', '水电气代办代缴');
    expect(screen.getByText(/值班志愿者帮您查欠费/)).toBeInTheDocument();
    expect(screen.getByText('社区网格员、国网和平供电所、市燃气集团和平营业所')).toBeInTheDocument();
    const when = screen.getByRole('heading', { level: 2, name: '什么时候' }).closest('section') as HTMLElement;
    expect(within(when).getByText(/开放时间内随时可办/)).toBeInTheDocument();
    expect(within(when).getByText('晚间一小时')).toHaveClass('pill');
    expect(within(when).getByText('红色周末')).toHaveClass('pill');
    const bring = screen.getByRole('heading', { level: 2, name: '请带上' }).closest('section') as HTMLElement;
    expect(within(bring).getAllByRole('listitem')).toHaveLength(3);
  });

  it('shows one card for each way, in catalogue order: volunteer, steps, QR code, office', async () => {
    await openService('utility-bills', '水电气代办代缴');
    const titles = ['请值班志愿者帮忙', '自己办', '用手机办', '到窗口办'];
    expect(screen.getAllByRole('heading', { level: 3 })).toEqual(titles.map((name) => screen.getByRole('heading', { level: 3, name })));
    expect(within(card('自己办')).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '打开支付宝或微信，找到“生活缴费”',
      '选水费、电费或燃气费，再选所在城市和缴费单位',
      '输入缴费户号，核对户名和欠费金额',
      '确认付款，保存好电子凭证',
    ]);
    const online = card('用手机办');
    expect(within(online).getByRole('img', { name: '网上国网（电费）' })).toBeInTheDocument();
    expect(within(online).getByText('https://www.95598.cn/')).toBeInTheDocument();
    const office = card('到窗口办');
    expect(within(office).getByText('幸福里社区党群服务中心')).toBeInTheDocument();
    expect(within(office).getByText('幸福路18号幸福里社区党群服务中心一楼')).toBeInTheDocument();
    expect(within(office).getByText('周一至周五 8:30–12:00、13:30–17:30')).toBeInTheDocument();
  });

  it('draws one QR code per online way', async () => {
    await openService('medical-insurance', '城乡居民医保缴费');
    expect(screen.getAllByRole('heading', { level: 3, name: '用手机办' })).toHaveLength(2);
    expect(screen.getAllByRole('img')).toHaveLength(2);
  });

  it('asks the volunteer on duty: writes the referral with queue number A001 and its outbox entry, and shows the number large', async () => {
    const speech = recordingSpeech();
    const { db, user } = await openService('legal-talks', '法律知识讲座', { speech });
    await user.click(await screen.findByRole('button', { name: '请值班志愿者帮我办' }));
    expect(await screen.findByRole('status')).toHaveTextContent('已经为您叫了值班志愿者');
    expect(screen.getByText('A001')).toHaveClass('big-number');
    expect(screen.getByText('要办的事：法律知识讲座')).toBeInTheDocument();
    const referrals = await db.referrals.toArray();
    expect(referrals).toEqual([expect.objectContaining({ kind: 'referral', serviceId: 'legal-talks', queueNo: 'A001', stationId: 'demo-station' })]);
    expect(referrals[0]?.bill).toBeUndefined();
    expect(referrals[0]?.contact).toBeUndefined();
    expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ kind: 'referral', id: referrals[0]?.id })]);
    await user.click(screen.getByRole('button', { name: 'read-now' }));
    expect(speech.spoken.at(-1)).toContain('您的排队号是 A 0 0 1');
  });

  it('gives the next resident the next number the same day, and starts again at A001 the next day', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-27T09:00:00+08:00'));
    const db = await freshDb();
    const ask = async (serviceId: string, title: string) => {
      const view = await openService(serviceId, title, { db });
      await view.user.click(await screen.findByRole('button', { name: '请值班志愿者帮我办' }));
      const number = (await screen.findByText(/^A\d{3}$/)).textContent;
      view.unmount();
      return number;
    };
    expect(await ask('health-clinic', '免费义诊')).toBe('A001');
    expect(await ask('mediation', '矛盾调处')).toBe('A002');
    vi.setSystemTime(new Date('2026-11-28T09:00:00+08:00'));
    expect(await ask('mediation', '矛盾调处')).toBe('A001');
    expect((await db.referrals.toArray()).map((r) => [r.serviceId, r.queueNo, r.day])).toEqual(
      expect.arrayContaining([
        ['health-clinic', 'A001', '2026-11-27'],
        ['mediation', 'A002', '2026-11-27'],
        ['mediation', 'A001', '2026-11-28'],
      ]),
    );
    expect(await db.outbox.count()).toBe(3);
  });

  it('says so when the device is full, keeps the resident on the page, and writes nothing', async () => {
    const db = await freshDb();
    db.outbox.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const { user } = await openService('mediation', 'Dispute mediation', { db, language: 'en' });
    await user.click(await screen.findByRole('button', { name: 'Ask the volunteer on duty' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('out of storage');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(await db.referrals.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.meta.where('key').startsWith('counter:queue').count()).toBe(0);
  });

  it('has no volunteer button for a service one simply uses', async () => {
    await openService('hot-water', '免费热水');
    expect(screen.queryByRole('button', { name: '请值班志愿者帮我办' })).not.toBeInTheDocument();
    expect(screen.getByText('什么都不用带')).toBeInTheDocument();
  });

  it('says so when the service is gone from the catalogue', async () => {
    await openService('no-such-service', '服务菜单');
    expect(screen.getByText(/暂时看不到了/)).toBeInTheDocument();
  });
});
