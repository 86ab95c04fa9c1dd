import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RequestDetail } from '@protocol/console/dispatch.ts';
import { fail } from '../../testing/fake-server.ts';
import { detailOf, leadSession, publishedLists, request, staffSession } from '../../testing/fixtures.ts';
import { renderConsole } from '../../testing/render-console.tsx';

const entry = (type: 'dispatch' | 'take' | 'complete', patch: Partial<RequestDetail['timeline'][number]> = {}): RequestDetail['timeline'][number] => ({
  id: `${type}-1`,
  type,
  actor: 'centre',
  at: '2026-03-02T03:00:00.000Z',
  receivedAt: '2026-03-02T03:00:00.000Z',
  clockSkewMs: null,
  source: 'centre',
  memberId: null,
  unitId: null,
  target: null,
  note: null,
  rating: null,
  staff: { id: '0190a5c4-7b2e-7c3d-8e4f-aaaaaaaaaaaa', name: '李主任', unitId: null },
  ...patch,
});

describe('a request at the centre', () => {
  it('shows what the resident asked in the kiosk\'s words, masked contact, and the timeline', async () => {
    const summary = request();
    const { missing } = renderConsole(`/requests/${summary.id}`, { session: staffSession, handlers: { ...publishedLists(), request: () => detailOf(summary) } });
    expect(await screen.findByRole('heading', { level: 1, name: '诉求 0302-001' })).toBeInTheDocument();
    const facts = screen.getByRole('region', { name: '居民的诉求' });
    expect(facts).toHaveTextContent('水管漏水');
    expect(facts).toHaveTextContent('5号楼1单元，厨房水槽下面');
    expect(facts).toHaveTextContent('王** · 138****5678');
    expect(within(screen.getByRole('region', { name: '办理经过' })).getByText('居民提交')).toBeInTheDocument();
    expect(missing).toEqual([]);
  });

  it('flags another request of the station with the same number, and links to it', async () => {
    const summary = request();
    const twin = '0190a5c4-7b2e-7c3d-8e4f-00000000aaaa';
    const { missing } = renderConsole(`/requests/${summary.id}`, { session: staffSession, handlers: { ...publishedLists(), request: () => detailOf(summary, { sameNumber: [twin] }) } });
    expect(await screen.findByText(/本驿站还有 1 条诉求也是这个编号/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '查看同号诉求 1' })).toHaveAttribute('href', `/console/requests/${twin}`);
    expect(missing).toEqual([]);
  });

  it('says nothing of numbers when the number is the station\'s alone', async () => {
    const summary = request();
    renderConsole(`/requests/${summary.id}`, { session: staffSession, handlers: { ...publishedLists(), request: () => detailOf(summary) } });
    expect(await screen.findByRole('heading', { level: 1, name: '诉求 0302-001' })).toBeInTheDocument();
    expect(screen.queryByText(/也是这个编号/)).toBeNull();
  });

  it('puts the centre\'s receive time beside a kiosk step sent late, and says when the tablet\'s clock was off', async () => {
    const summary = request();
    const kiosk = (id: string, patch: Partial<RequestDetail['timeline'][number]>) => entry('take', { id, actor: 'member', memberId: 'li-na', source: 'kiosk', staff: null, receivedAt: '2026-03-02T03:00:20.000Z', ...patch });
    const timeline = [
      kiosk('in-time', {}),
      // An offline tablet: made at 11:00, the centre got it at 17:00.
      kiosk('late', { receivedAt: '2026-03-02T09:00:00.000Z' }),
      // Flagged by the kiosk: its clock was 12 hours fast when it made the step.
      kiosk('flagged', { at: '2026-03-02T15:00:00.000Z', receivedAt: '2026-03-02T03:05:00.000Z', clockSkewMs: 12 * 3_600_000 }),
      // Not flagged (no sync yet had measured it), but stamped after the centre received it: the clock was fast.
      kiosk('future', { at: '2026-03-02T05:00:00.000Z', receivedAt: '2026-03-02T03:00:00.000Z' }),
      // Centre steps: a unit lead's is the unit's, not the community's.
      entry('complete', { id: 'by-unit', staff: { id: '0190a5c4-7b2e-7c3d-8e4f-bbbbbbbbbbbb', name: '陈经理', unitId: 'water-co' } }),
      entry('dispatch', { id: 'by-community' }),
    ];
    renderConsole(`/requests/${summary.id}`, { session: staffSession, handlers: { ...publishedLists(), request: () => detailOf(summary, { timeline }) } });
    const items = within(await screen.findByRole('region', { name: '办理经过' })).getAllByRole('listitem');
    expect(items[0]).not.toHaveTextContent('中心收到');
    expect(items[0]).not.toHaveTextContent('⚠');
    expect(items[1]).toHaveTextContent('2026/03/02 11:00 · 李娜 · 在驿站 · 中心收到 2026/03/02 17:00');
    expect(items[1]).not.toHaveTextContent('⚠');
    expect(items[2]).toHaveTextContent('中心收到 2026/03/02 11:05');
    expect(items[2]).toHaveTextContent('⚠ 平板时钟快了 12小时，时间可能不准');
    expect(items[3]).toHaveTextContent('⚠ 平板时钟快了 2小时');
    expect(items[4]).toHaveTextContent('陈经理（自来水公司）');
    expect(items[5]).toHaveTextContent('李主任（社区）');
    expect(items[5]).not.toHaveTextContent('中心收到');
  });

  it('dispatches to a partner unit with a note, and shows where it went', async () => {
    const summary = request();
    let detail = detailOf(summary);
    const { user, server } = renderConsole(`/requests/${summary.id}`, {
      session: staffSession,
      handlers: {
        ...publishedLists(),
        request: () => detail,
        requestAction: ({ body }) => {
          if (body.type !== 'dispatch') return fail(400, 'bad-request');
          detail = detailOf({ ...summary, status: 'dispatched', dispatchedTo: body.target, updatedAt: '2026-03-02T03:00:00.000Z' }, { timeline: [...detail.timeline, entry('dispatch', { target: body.target, note: body.note ?? null })] });
          return detail;
        },
      },
    });
    const steps = await screen.findByRole('region', { name: '下一步' });
    await user.click(within(steps).getByRole('button', { name: '派单' }));
    const dialog = await screen.findByRole('dialog', { name: '派单' });
    await user.click(within(dialog).getByRole('button', { name: '确定派单' }));
    expect(within(dialog).getByText('请选择派给哪个单位或哪位党员。')).toBeInTheDocument();
    await user.selectOptions(within(dialog).getByLabelText('共建单位或党员'), '自来水公司');
    await user.type(within(dialog).getByLabelText('备注（可不填）'), '请尽快上门');
    await user.click(within(dialog).getByRole('button', { name: '确定派单' }));
    expect(await within(steps).findByRole('status')).toHaveTextContent('已派单');
    expect(server.callsTo('requestAction')[0]?.body).toEqual({ type: 'dispatch', target: { type: 'unit', unitId: 'water-co' }, note: '请尽快上门' });
    expect(screen.getByRole('region', { name: '居民的诉求' })).toHaveTextContent('自来水公司');
    expect(screen.getByRole('region', { name: '办理经过' })).toHaveTextContent('请尽快上门');
  });

  it('says in words why the state machine refused a step (a station took it first)', async () => {
    const summary = request({ status: 'taken', takenBy: { type: 'member', memberId: 'zhang-wei' } });
    const { user, server } = renderConsole(`/requests/${summary.id}`, {
      session: staffSession,
      handlers: { ...publishedLists(), request: () => detailOf(summary), requestAction: () => fail(409, 'refused', { refusal: { reason: 'wrong-state', from: 'done', event: 'complete' } }) },
    });
    await user.click(await screen.findByRole('button', { name: '办结' }));
    const dialog = await screen.findByRole('dialog', { name: '办结' });
    await user.click(within(dialog).getByRole('button', { name: '确定办结' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('没能办结：这条诉求现在是“已办结”，只有已接单的诉求才能办结。');
    // The request moved on under us: it is read again, so the page shows where it stands now.
    expect(server.callsTo('request').length).toBeGreaterThan(1);
  });

  it('lets a unit lead take what was sent to their unit, and only that', async () => {
    const ours = request({ status: 'dispatched', dispatchedTo: { type: 'unit', unitId: 'water-co' } });
    const theirs = request({ status: 'dispatched', dispatchedTo: { type: 'unit', unitId: 'tax-office' } });
    const { user, server, unmount } = renderConsole(`/requests/${ours.id}`, {
      session: leadSession,
      handlers: { ...publishedLists(), request: () => detailOf(ours), requestAction: () => detailOf({ ...ours, status: 'taken', takenBy: { type: 'unit', unitId: 'water-co' }, updatedAt: '2026-03-02T04:00:00.000Z' }) },
    });
    const steps = await screen.findByRole('region', { name: '下一步' });
    expect(within(steps).getAllByRole('button').map((button) => button.textContent)).toEqual(['接单', '加备注']);
    await user.click(within(steps).getByRole('button', { name: '接单' }));
    const dialog = await screen.findByRole('dialog', { name: '接单' });
    expect(within(dialog).queryByLabelText('共建单位或党员')).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: '确定接单' }));
    expect(await within(steps).findByRole('status')).toHaveTextContent('已接单');
    expect(server.callsTo('requestAction')[0]?.body).toEqual({ type: 'take' });
    expect(within(steps).getAllByRole('button').map((button) => button.textContent)).toEqual(['办结', '交回', '加备注']);
    unmount();

    renderConsole(`/requests/${theirs.id}`, { session: leadSession, handlers: { ...publishedLists(), request: () => detailOf(theirs) } });
    expect(await screen.findByText('这条诉求没有派给您的单位，您可以查看，不能办理。')).toBeInTheDocument();
  });

  it('shows a resident\'s contact in full only when asked', async () => {
    const summary = request();
    const { user, server } = renderConsole(`/requests/${summary.id}`, {
      session: staffSession,
      handlers: { ...publishedLists(), request: () => detailOf(summary), revealContact: () => ({ name: '王阿姨', phone: '13812345678' }) },
    });
    const facts = await screen.findByRole('region', { name: '居民的诉求' });
    expect(server.callsTo('revealContact')).toEqual([]);
    await user.click(within(facts).getByRole('button', { name: '显示完整' }));
    expect(await within(facts).findByText(/王阿姨 · 13812345678/)).toBeInTheDocument();
    expect(server.callsTo('revealContact')).toHaveLength(1);
  });
});
