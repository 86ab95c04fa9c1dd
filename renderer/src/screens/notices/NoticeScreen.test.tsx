import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useReadAloudControl } from '../../app/read-aloud.tsx';
import type { YizhanDb } from '../../store/db.ts';
import { freshDb, recordingSpeech, renderScreen, routeProbe } from '../../../../tests/support/render-screen.tsx';

// Loaded up front so the kiosk's lazy import of it is instant, and the first look need not wait for a transform;
// the longer wait covers the store on a busy two-core machine.
import './NoticeScreen.tsx';

const today = new Date(2026, 10, 27, 10, 0);

function ReadAloud() {
  const { readNow } = useReadAloudControl();
  return <button type="button" onClick={readNow}>test-read</button>;
}

const openNotice = async (noticeId: string, options: { language?: 'zh-CN' | 'en'; prepare?: (db: YizhanDb) => Promise<unknown> } = {}) => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(today);
  const db = await freshDb(today);
  await options.prepare?.(db);
  const speech = recordingSpeech();
  const view = await renderScreen({ screen: 'notice', params: { noticeId } }, { db, speech, language: options.language ?? 'zh-CN', extra: <ReadAloud /> });
  return { ...view, speech };
};

afterEach(() => {
  vi.useRealTimers();
});

describe('NoticeScreen', () => {
  it('shows the whole notice: kind, time, place and body', async () => {
    await openNotice('clinic-1202');
    expect(await screen.findByRole('heading', { level: 1, name: '冬季健康义诊' })).toBeInTheDocument();
    expect(screen.getByText('义诊')).toBeInTheDocument();
    expect(screen.getByText('12月2日 周三 上午9:00')).toBeInTheDocument();
    expect(screen.getByText('幸福里社区红色驿站')).toBeInTheDocument();
    expect(screen.getByText(/请带上医保卡和近期化验单/)).toBeInTheDocument();
    expect(screen.queryByText('已结束')).not.toBeInTheDocument();
  });

  it('reads aloud the title, time, place and body', async () => {
    const { user, speech } = await openNotice('constitution-day-talk');
    await screen.findByRole('heading', { level: 1, name: /宪法日/ });
    await user.click(screen.getByRole('button', { name: 'test-read' }));
    expect(speech.spoken).toEqual([
      '“12·4”国家宪法日法律讲座：守好养老钱。时间：12月4日 周五 下午2:30。地点：幸福里社区党群服务中心二楼会议室。明正律师事务所律师、和平派出所民警讲解常见养老诈骗套路，以及遗嘱怎么立才有效。讲座后可以一对一咨询。',
    ]);
  });

  it('shows a standing notice with the day it was posted', async () => {
    await openNotice('medical-insurance-2027', { language: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: '2027 resident medical insurance payments are open' })).toBeInTheDocument();
    expect(screen.getByText('Posted')).toBeInTheDocument();
    expect(screen.getByText('November 10')).toBeInTheDocument();
    expect(screen.queryByText('When')).not.toBeInTheDocument();
  });

  it('says an event has finished', async () => {
    await openNotice('old-clinic', {
      prepare: (db) =>
        db.notices.put({ id: 'old-clinic', kind: 'clinic', title: { 'zh-CN': '上周义诊', en: 'Last week’s clinic' }, body: { 'zh-CN': '内容', en: 'Text' }, startsAt: '2026-11-20T09:00', publishedAt: '2026-11-10T09:00:00+08:00' }),
    });
    expect(await screen.findByText('这个活动已经结束了，可以看看其他近期活动。')).toBeInTheDocument();
    expect(screen.getByText('已结束')).toBeInTheDocument();
  });

  it('explains a notice taken down while it is open, and leads back to the list', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(today);
    const { db, user } = await renderScreen({ screen: 'notices', params: undefined }, { db: await freshDb(today) });
    await user.click(await screen.findByRole('button', { name: /冬季健康义诊/ }));
    expect(await screen.findByRole('heading', { level: 1, name: '冬季健康义诊' })).toBeInTheDocument();
    await db.notices.delete('clinic-1202');
    expect(await screen.findByRole('heading', { level: 1, name: '这条通知找不到了' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '返回' }));
    expect(routeProbe.current).toEqual({ screen: 'notices', params: undefined });
    expect(await screen.findByRole('heading', { level: 1, name: '通知活动' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /冬季健康义诊/ })).not.toBeInTheDocument();
  });
});
