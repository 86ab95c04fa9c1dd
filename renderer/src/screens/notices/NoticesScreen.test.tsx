import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshDb, renderScreen, routeProbe } from '../../../../tests/support/render-screen.tsx';

// Loaded up front so the kiosk's lazy import of it is instant, and the first look need not wait for a transform;
// the longer wait covers the store on a busy two-core machine.
import './NoticesScreen.tsx';

// The demo data is rebased so that "today" is its anchor day, 27 November (a Friday).
const today = new Date(2026, 10, 27, 10, 0);

const renderNotices = async (language: 'zh-CN' | 'en' = 'zh-CN') => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(today);
  const db = await freshDb(today);
  const view = await renderScreen({ screen: 'notices', params: undefined }, { db, language });
  await screen.findByRole('heading', { level: 2, name: language === 'en' ? 'Coming up' : '近期活动' });
  return view;
};
const titles = (name: string) =>
  within(screen.getByRole('region', { name }))
    .getAllByRole('button')
    .map((b) => b.querySelector('.notice-item__title')?.textContent);

afterEach(() => {
  vi.useRealTimers();
});

describe('NoticesScreen', () => {
  it('lists upcoming events soonest first, then standing notices', async () => {
    await renderNotices();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['近期活动', '通知公告']);
    expect(titles('近期活动')).toEqual([
      '冬季健康义诊',
      '“12·4”国家宪法日法律讲座：守好养老钱',
      '12月8日停水通知',
      '三方联动议事会：电动自行车充电桩选址',
      '四点半课堂：写春联学书法',
      '12月老人集体生日会',
    ]);
    expect(titles('通知公告')).toEqual(['2027年度城乡居民医保开始缴费', '驿站开放时间']);
  });

  it('gives each notice its kind, a date and time in Chinese, and its place', async () => {
    await renderNotices();
    const [clinic] = within(screen.getByRole('region', { name: '近期活动' })).getAllByRole('button');
    expect(clinic).toHaveTextContent('义诊');
    expect(clinic).toHaveTextContent('12月2日 周三 上午9:00');
    expect(clinic).toHaveTextContent('幸福里社区红色驿站');
    const badges = within(screen.getByRole('region', { name: '近期活动' })).getAllByRole('button').map((b) => b.querySelector('.kind-badge'));
    expect(badges.map((badge) => badge?.textContent?.trim())).toEqual(['义诊', '法律讲座', '通知', '议事会', '四点半课堂', '活动']);
    // Each kind has its own picture, shipped with the app.
    expect(new Set(badges.map((badge) => badge?.querySelector('img.icon')?.getAttribute('src'))).size).toBe(6);
    expect(within(screen.getByRole('region', { name: '通知公告' })).getAllByRole('button')[0]).toHaveTextContent('发布于11月10日');
  });

  it('marks events today and tomorrow, and puts ended ones last', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(today);
    const db = await freshDb(today);
    await db.notices.bulkPut([
      { id: 'today-talk', kind: 'law', title: { 'zh-CN': '今天的讲座', en: 'Talk today' }, body: { 'zh-CN': '内容', en: 'Text' }, startsAt: '2026-11-27T08:00', publishedAt: '2026-11-20T09:00:00+08:00' },
      { id: 'tomorrow-class', kind: 'class', title: { 'zh-CN': '明天的课堂', en: 'Class tomorrow' }, body: { 'zh-CN': '内容', en: 'Text' }, startsAt: '2026-11-28T16:30', publishedAt: '2026-11-20T09:00:00+08:00' },
      { id: 'old-clinic', kind: 'clinic', title: { 'zh-CN': '上周义诊', en: 'Last week’s clinic' }, body: { 'zh-CN': '内容', en: 'Text' }, startsAt: '2026-11-20T09:00', publishedAt: '2026-11-10T09:00:00+08:00' },
    ]);
    await renderScreen({ screen: 'notices', params: undefined }, { db });
    await screen.findByRole('heading', { level: 2, name: '已结束' });
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['近期活动', '通知公告', '已结束']);
    const [first, second] = within(screen.getByRole('region', { name: '近期活动' })).getAllByRole('button');
    expect(first).toHaveTextContent('今天');
    expect(first).toHaveTextContent('今天的讲座');
    expect(first).toHaveTextContent('上午8:00');
    expect(second).toHaveTextContent('明天');
    const ended = within(screen.getByRole('region', { name: '已结束' })).getByRole('button');
    expect(ended).toHaveTextContent('已结束');
    expect(ended).toHaveTextContent('上周义诊');
  });

  it('opens the detail of the notice tapped', async () => {
    const { user } = await renderNotices();
    await user.click(screen.getByRole('button', { name: /三方联动议事会/ }));
    expect(routeProbe.current).toEqual({ screen: 'notice', params: { noticeId: 'three-party-ev-charging' } });
  });

  it('reads in English with an English date', async () => {
    await renderNotices('en');
    expect(titles('Coming up')[0]).toBe('Winter health clinic');
    const [clinic] = within(screen.getByRole('region', { name: 'Coming up' })).getAllByRole('button');
    expect(clinic).toHaveTextContent('Free clinic');
    expect(clinic).toHaveTextContent('Wed, December 2, 9:00 AM');
  });

  it('says so when there are no notices', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(today);
    const db = await freshDb(today);
    await db.notices.clear();
    await renderScreen({ screen: 'notices', params: undefined }, { db });
    expect(await screen.findByText('现在还没有通知和活动，过几天再来看看。')).toBeInTheDocument();
    expect(screen.queryAllByRole('heading', { level: 2 })).toHaveLength(0);
  });
});
