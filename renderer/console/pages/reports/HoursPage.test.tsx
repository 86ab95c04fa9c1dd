import type { ShiftSessionView } from '@protocol/console/reports.ts';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { leadSession, publishedLists, staffSession } from '../../testing/fixtures.ts';
import { renderConsole } from '../../testing/render-console.tsx';

const forgotten: ShiftSessionView = {
  signInId: '0190a5c4-7b2e-7c3d-8e4f-00000000f001',
  stationId: 'east-gate',
  memberId: 'zhang-wei',
  walkInName: null,
  shiftId: 'zhang-mornings',
  scheduled: { start: '2026-03-02T00:30:00.000Z', end: '2026-03-02T04:00:00.000Z' },
  start: '2026-03-02T00:25:00.000Z',
  end: '2026-03-02T04:00:00.000Z',
  closedBy: 'tablet',
  minutes: 215,
  flags: ['auto-closed'],
  needsReview: true,
  review: null,
};
const report = {
  month: '2026-03',
  byMember: [
    { memberId: 'zhang-wei', unitId: 'water-co', name: '张伟', minutes: 600, pendingMinutes: 215, shifts: 4 },
    { memberId: 'zhao-min', unitId: 'tax-office', name: '赵敏', minutes: 90, pendingMinutes: 0, shifts: 1 },
  ],
  byUnit: [
    { unitId: 'water-co', minutes: 600, pendingMinutes: 215, shifts: 4 },
    { unitId: 'tax-office', minutes: 90, pendingMinutes: 0, shifts: 1 },
  ],
  walkIns: [],
  needsReview: 1,
};

describe('volunteer hours and their review', () => {
  it('totals a month by unit and member, and lists what needs a decision and why', async () => {
    const { server, missing } = renderConsole('/reports/hours?month=2026-03', { session: staffSession, handlers: { ...publishedLists(), hoursReport: () => report, hoursSessions: () => ({ sessions: [forgotten] }) } });
    const byMember = await screen.findByRole('table', { name: '个人时长' });
    expect(within(byMember).getAllByRole('row')[1]).toHaveTextContent('张伟自来水公司10小时3.6小时4');
    expect(server.callsTo('hoursSessions')[0]?.query).toMatchObject({ month: '2026-03', needsReview: 'true' });
    const item = screen.getByRole('heading', { name: '张伟 · 东门驿站' }).closest('li')!;
    expect(item).toHaveTextContent('自动签退');
    expect(item).toHaveTextContent('平板自动签退');
    expect(screen.getByRole('link', { name: /导出 CSV/ })).toHaveAttribute('href', '/console/api/reports/hours/csv?month=2026-03&lang=zh-CN');
    expect(missing).toEqual([]);
  });

  it('corrects a shift\'s times, in the station\'s clock, with a reason', async () => {
    let sessions = [forgotten];
    const { user, server } = renderConsole('/reports/hours?month=2026-03', {
      session: staffSession,
      handlers: {
        ...publishedLists(),
        hoursReport: () => report,
        hoursSessions: () => ({ sessions }),
        reviewHours: () => {
          sessions = [];
          return { session: { ...forgotten, needsReview: false, flags: ['auto-closed', 'corrected'] } };
        },
      },
    });
    await user.click(await screen.findByRole('button', { name: '更正 张伟 的班次时间' }));
    const dialog = await screen.findByRole('dialog', { name: '更正 张伟 的班次时间' });
    expect(within(dialog).getByLabelText('实际开始')).toHaveValue('2026-03-02T08:25');
    await user.click(within(dialog).getByRole('button', { name: '更正时间' }));
    expect(within(dialog).getByText('请写明原因。')).toBeInTheDocument();
    await user.clear(within(dialog).getByLabelText('实际结束'));
    await user.type(within(dialog).getByLabelText('实际结束'), '2026-03-02T11:00');
    await user.type(within(dialog).getByLabelText('原因'), '已与本人电话核实');
    await user.click(within(dialog).getByRole('button', { name: '更正时间' }));
    await waitFor(() => expect(server.callsTo('reviewHours')).toHaveLength(1));
    expect(server.callsTo('reviewHours')[0]?.body).toEqual({ signInId: forgotten.signInId, decision: 'correct', start: '2026-03-02T08:25:00+08:00', end: '2026-03-02T11:00:00+08:00', reason: '已与本人电话核实' });
    expect(await screen.findByText('已更正 张伟 的班次。')).toBeInTheDocument();
    expect(await screen.findByText('没有需要审核的班次。')).toBeInTheDocument();
  });

  it('shows a unit lead their unit\'s hours without the decisions, which are the community\'s', async () => {
    renderConsole('/reports/hours?month=2026-03', { session: leadSession, handlers: { ...publishedLists(), hoursReport: () => report, hoursSessions: () => ({ sessions: [forgotten] }) } });
    expect(await screen.findByRole('heading', { name: '张伟 · 东门驿站' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /认定/ })).not.toBeInTheDocument();
  });
});
