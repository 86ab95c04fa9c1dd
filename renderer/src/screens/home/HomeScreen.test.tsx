import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshDb, renderScreen, routeProbe } from '../../../../tests/support/render-screen.tsx';
import { commitRecord } from '../../store/commit.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('HomeScreen', () => {
  it('shows the station, eight big tiles and today\'s visits, and opens a tile\'s screen', async () => {
    const { db, user } = await renderScreen({ screen: 'home', params: undefined });
    await commitRecord(db, 'visit', 'demo-station', () => ({ kind: 'visit', who: 'resident', purpose: 'seniors' }));
    expect(await screen.findByRole('heading', { name: '欢迎来到幸福里社区红色驿站' })).toBeInTheDocument();
    expect(screen.getByRole('navigation').querySelectorAll('button')).toHaveLength(8);
    await waitFor(() => expect(screen.getByText(/今天已有 1 人次来访/)).toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: /服务菜单/ }));
    expect(routeProbe.current?.screen).toBe('services');
  });

  it('speaks English when the session is in English', async () => {
    await renderScreen({ screen: 'home', params: undefined }, { language: 'en' });
    expect(await screen.findByRole('heading', { name: /Welcome to/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Pay bills/ })).toBeInTheDocument();
  });

  it('starts the day\'s count again at midnight on a home screen nobody touches', async () => {
    // The clock and the kiosk's clock tick are faked; time still flows, so IndexedDB and the queries run as usual.
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    const lateEvening = new Date(2026, 11, 1, 23, 59, 30);
    vi.setSystemTime(lateEvening);
    const db = await freshDb(lateEvening);
    await renderScreen({ screen: 'home', params: undefined }, { db });
    await commitRecord(db, 'visit', 'demo-station', () => ({ kind: 'visit', who: 'resident', purpose: 'seniors' }));
    await screen.findByText(/今天已有 1 人次来访/);
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    await waitFor(() => expect(screen.getByText(/今天已有 0 人次来访/)).toBeInTheDocument());
    expect(screen.getByText(/本月 1 人次/)).toBeInTheDocument();
  });

  it('shows the number a volunteer called until its holder is served, and for 10 minutes at most', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], shouldAdvanceTime: true });
    const morning = new Date(Date.UTC(2026, 11, 1, 2, 0));
    vi.setSystemTime(morning);
    const db = await freshDb(morning);
    const referral = (queueNo: string) => commitRecord(db, 'referral', 'demo-station', () => ({ kind: 'referral', serviceId: 'senior-card', queueNo }));
    const step = (referralId: string, type: 'call' | 'serve') => commitRecord(db, 'referral-event', 'demo-station', () => ({ kind: 'referral-event', referralId, type, memberId: 'zhao-jianguo' }));
    const [a1, a2] = [await referral('A001'), await referral('A002')];
    await renderScreen({ screen: 'home', params: undefined }, { db });
    await screen.findByRole('heading', { name: '欢迎来到幸福里社区红色驿站' });
    expect(screen.queryByText(/到服务台/)).toBeNull();

    await step(a1.id, 'call');
    expect(await screen.findByText(/请 A001 到服务台/)).toHaveRole('status');
    await step(a1.id, 'serve');
    await waitFor(() => expect(screen.queryByText(/请 A001 到服务台/)).toBeNull());

    await step(a2.id, 'call');
    expect(await screen.findByText(/请 A002 到服务台/)).toHaveRole('status');
    await act(() => vi.advanceTimersByTimeAsync(10 * 60_000 + 20_000));
    await waitFor(() => expect(screen.queryByText(/请 A002 到服务台/)).toBeNull());
  });
});
