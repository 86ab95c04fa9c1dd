import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { detailOf, publishedLists, request, staffSession } from '../../testing/fixtures.ts';
import { renderConsole } from '../../testing/render-console.tsx';

const leak = request({ number: '0302001', category: 'home-repair', kind: 'complaint' });
const late = request({ number: '0228003', category: 'elder-care', kind: 'wish', status: 'dispatched', dispatchedTo: { type: 'unit', unitId: 'water-co' }, overdue: true, dueAt: '2026-03-01T01:00:00.000Z', submittedAt: '2026-02-26T01:00:00.000Z' });

describe('the request inbox', () => {
  it('lists requests in words, the overdue one marked so it stands out, and says how many are overdue', async () => {
    const { missing } = renderConsole('/inbox', { session: staffSession, handlers: { ...publishedLists(), inbox: () => ({ requests: [leak, late], nextCursor: null, overdueCount: 1 }) } });
    const table = await screen.findByRole('table', { name: '诉求列表' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    const overdueRow = within(table).getByRole('row', { name: /0228-003/ });
    expect(overdueRow).toHaveClass('row--alert');
    expect(overdueRow).toHaveTextContent('超时');
    expect(overdueRow).toHaveTextContent('微心愿');
    expect(overdueRow).toHaveTextContent('助老助残');
    expect(overdueRow).toHaveTextContent('已派给 自来水公司');
    expect(within(table).getByRole('row', { name: /0302-001/ })).not.toHaveClass('row--alert');
    expect(screen.getByText(/有 1 条诉求超过时限还没办结/)).toBeInTheDocument();
    expect(missing).toEqual([]);
  });

  it('filters by status, kind and age, keeping the filters in the address', async () => {
    const { user, server } = renderConsole('/inbox', { session: staffSession, handlers: { ...publishedLists(), inbox: () => ({ requests: [leak], nextCursor: null, overdueCount: 0 }) } });
    await screen.findByRole('table', { name: '诉求列表' });
    const filters = screen.getByRole('search', { name: '筛选诉求' });
    await user.click(within(filters).getByRole('checkbox', { name: '待派单' }));
    await user.click(within(filters).getByRole('checkbox', { name: '微梦想' }));
    await user.selectOptions(within(filters).getByLabelText('提交多久'), 'over-3d');
    await waitFor(() => expect(server.callsTo('inbox').at(-1)?.query).toMatchObject({ status: ['submitted'], kind: ['dream'], minAgeHours: 72 }));
    expect(window.location.search).toBe('?status=submitted&kind=dream&age=over-3d');
  });

  it('reads the list again when a station pushes a request', async () => {
    let requests = [leak];
    const { live, server } = renderConsole('/inbox', { session: staffSession, handlers: { ...publishedLists(), inbox: () => ({ requests, nextCursor: null, overdueCount: 0 }) } });
    await screen.findByRole('row', { name: /0302-001/ });
    const fresh = request({ number: '0305001', category: 'environment' });
    requests = [fresh, leak];
    live.push({ type: 'request', event: { requestId: fresh.id, stationId: 'east-gate', status: 'submitted', at: fresh.submittedAt } });
    expect(await screen.findByRole('row', { name: /0305-001/ })).toHaveTextContent('环境卫生');
    expect(server.callsTo('inbox')).toHaveLength(2);
  });

  it('loads the next page, and starts over when the first page changes', async () => {
    const second = request({ number: '0301009' });
    const { user, live } = renderConsole('/inbox', {
      session: staffSession,
      handlers: { ...publishedLists(), inbox: ({ query }) => (query.cursor ? { requests: [second], nextCursor: null, overdueCount: 0 } : { requests: [leak], nextCursor: 'page-2', overdueCount: 0 }) },
    });
    await user.click(await screen.findByRole('button', { name: '加载更多' }));
    expect(await screen.findByRole('row', { name: /0301-009/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '加载更多' })).not.toBeInTheDocument();
    live.push({ type: 'resync' });
    await waitFor(() => expect(screen.queryByRole('row', { name: /0301-009/ })).not.toBeInTheDocument());
  });

  it('finds a request by the receipt number the resident reads out, and opens it', async () => {
    const { user, server } = renderConsole('/inbox', {
      session: staffSession,
      handlers: { ...publishedLists(), inbox: () => ({ requests: [], nextCursor: null, overdueCount: 0 }), requestsByNumber: () => ({ requests: [leak] }), request: () => detailOf(leak) },
    });
    const find = await screen.findByLabelText('按回执编号查找');
    await user.type(find, '0302-0');
    await user.click(screen.getByRole('button', { name: '查找' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('回执编号是 7 到 8 位数字');
    await user.type(find, '01');
    await user.click(screen.getByRole('button', { name: '查找' }));
    expect(await screen.findByRole('heading', { level: 1, name: '诉求 0302-001' })).toBeInTheDocument();
    expect(server.callsTo('requestsByNumber')[0]?.params).toEqual({ number: '0302001' });
    expect(window.location.pathname).toBe(`/console/requests/${leak.id}`);
  });
});
