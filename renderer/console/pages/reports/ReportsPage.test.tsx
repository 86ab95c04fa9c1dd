import { screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishedLists, staffSession } from '../../testing/fixtures.ts';
import { renderConsole } from '../../testing/render-console.tsx';

const visits = {
  total: 42,
  byDay: [
    { day: '2026-03-01', visits: 30 },
    { day: '2026-03-03', visits: 12 },
  ],
  byStation: [
    { stationId: 'east-gate', visits: 30 },
    { stationId: 'pump-room', visits: 12 },
  ],
  byPurpose: [{ purpose: 'bills', visits: 42 }],
  byVisitor: [
    { who: 'resident' as const, visits: 40 },
    { who: 'visitor' as const, visits: 2 },
  ],
};

describe('reports', () => {
  // ECharts is a large module for jsdom to load on a busy machine: load it before the clock of any test starts.
  beforeAll(() => import('../../ui/chart/echarts.ts'), 60_000);

  it('draws a chart and gives the same numbers as a table, over the days asked for', async () => {
    const { server, missing } = renderConsole('/reports?from=2026-03-01&to=2026-03-03', { session: staffSession, handlers: { ...publishedLists(), visitsReport: () => visits } });
    const perDay = await screen.findByRole('region', { name: '每日签到' });
    expect(within(perDay).getByRole('img', { name: /每日签到：3 天共 42 人次签到/ })).toBeInTheDocument();
    expect(within(perDay).getByRole('table', { name: '每日签到' })).toHaveTextContent('30');
    expect(server.callsTo('visitsReport')[0]?.query).toEqual({ from: '2026-03-01', to: '2026-03-03' });
    const who = screen.getByRole('table', { name: '来访人群' });
    expect(within(who).getAllByRole('row')[1]).toHaveTextContent('本小区居民4095%');
    expect(screen.getByRole('link', { name: /导出签到明细/ })).toHaveAttribute('href', '/console/api/reports/visit-log/csv?from=2026-03-01&to=2026-03-03&lang=zh-CN');
    expect(missing).toEqual([]);
  });

  it('moves between reports with the keyboard, as tabs do', async () => {
    const { user, server } = renderConsole('/reports?from=2026-03-01&to=2026-03-03', {
      session: staffSession,
      handlers: {
        ...publishedLists(),
        visitsReport: () => visits,
        servicesReport: () => ({ byService: [], bills: [{ utility: 'water', referrals: 3 }], amenities: [], feedback: { count: 0, averageRating: null } }),
      },
    });
    const tab = await screen.findByRole('tab', { name: '签到', selected: true });
    tab.focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: '服务使用' })).toHaveFocus();
    expect(await screen.findByRole('table', { name: '生活缴费代办' })).toHaveTextContent('水费3');
    expect(server.callsTo('servicesReport')).toHaveLength(1);
    expect(window.location.search).toContain('tab=services');
  });
});
