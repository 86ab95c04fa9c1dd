import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { leadSession, publishedLists, sessionFor, staffSession } from '../testing/fixtures.ts';
import { renderConsole } from '../testing/render-console.tsx';

const overview = { memberResources: 12, members: 3, residentNeeds: 40, openNeeds: 5, serviceProjects: 4, projectsCompleted: 1, needsMet: 30 };
const quiet = { ...publishedLists(), overview: () => overview, inbox: () => ({ requests: [], nextCursor: null, overdueCount: 2 }), stationHealth: () => ({ stations: [], serverTime: '2026-03-05T00:00:00.000Z' }) };

describe('the console around its pages', () => {
  it('offers each role the pages it may open, and says so where it may not', async () => {
    const { user } = renderConsole('/', { session: leadSession, handlers: quiet });
    const nav = await screen.findByRole('navigation', { name: '主导航' });
    const links = within(nav).getAllByRole('link').map((link) => link.textContent);
    expect(links).toEqual(['工作台', '群众点单', '服务项目', '党员与志愿者', '值班排班', '志愿服务时长']);
    expect(screen.getByRole('link', { name: /王经理/ })).toHaveTextContent('共建单位负责人');
    await user.click(within(nav).getByRole('link', { name: '值班排班' }));
    expect(within(nav).getByRole('link', { name: '值班排班' })).toHaveAttribute('aria-current', 'page');
    expect(window.location.pathname).toBe('/console/publish/roster');
    window.history.pushState(null, '', '/console/admin/audit');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(await screen.findByRole('heading', { level: 1, name: '无权查看' })).toBeInTheDocument();
  });

  it('gives a district admin every section, and a page that does not exist its own answer', async () => {
    renderConsole('/no/such/page', { session: sessionFor({ kind: 'district-admin' }), handlers: quiet });
    expect(await screen.findByRole('heading', { level: 1, name: '没有这个页面' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: '主导航' });
    expect(within(nav).getAllByRole('heading').map((heading) => heading.textContent)).toEqual(['日常工作', '发布', '驿站设备', '统计报表', '管理']);
    expect(within(nav).getByRole('link', { name: '操作日志' })).toBeInTheDocument();
  });

  it('shows the source\'s four lists as counts that follow the live feed', async () => {
    let counts = overview;
    const { live, missing } = renderConsole('/', { session: staffSession, handlers: { ...quiet, overview: () => counts } });
    const lists = await screen.findByRole('region', { name: '四张清单' });
    expect(within(lists).getByRole('link', { name: /资源清单/ })).toHaveTextContent('12资源清单3 名党员和志愿者能提供的服务');
    expect(within(lists).getByRole('link', { name: /群众需求/ })).toHaveTextContent('40');
    expect(screen.getByRole('region', { name: '需要处理' })).toHaveTextContent('2已超时');
    expect(screen.getByText('实时更新中')).toBeInTheDocument();
    counts = { ...overview, residentNeeds: 41, openNeeds: 6 };
    live.push({ type: 'request', event: { requestId: '0190a5c4-7b2e-7c3d-8e4f-000000000999', stationId: 'east-gate', status: 'submitted', at: '2026-03-05T00:00:00.000Z' } });
    expect(await within(lists).findByText('41')).toBeInTheDocument();
    expect(missing).toEqual([]);
  });
});
