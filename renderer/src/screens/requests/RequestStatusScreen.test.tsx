import { newId } from '@protocol/ids.ts';
import type { Actor, RequestEventType } from '@protocol/records.ts';
import { dayKey } from '@protocol/time.ts';
import { act, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDb, renderScreen } from '../../../../tests/support/render-screen.tsx';
import type { YizhanDb } from '../../store/db.ts';
import { submitRequest } from './submit-request.ts';

const draft = {
  requestKind: 'complaint' as const,
  category: 'home-repair',
  phrases: ['water-leak', 'drain'],
  text: '我住3号楼2单元501',
  contact: { name: '王阿姨', phone: '13812345678', consentAt: new Date().toISOString() },
};

/** A request made this morning, then events as sync brings them from the centre, a minute apart. */
const seed = async (db: YizhanDb, events: [RequestEventType, Actor][] = []) => {
  const start = new Date();
  start.setHours(8, 0, 0, 0);
  const { request } = await submitRequest(db, 'demo-station', draft, start);
  for (const [i, [type, actor]] of events.entries()) await addEvent(db, request.id, type, actor, new Date(start.getTime() + (i + 1) * 60_000));
  return request;
};

const addEvent = (db: YizhanDb, requestId: string, type: RequestEventType, actor: Actor, at: Date) =>
  db.requestEvents.add({ id: newId(), stationId: 'demo-station', at: at.toISOString(), v: 1, kind: 'request-event', requestId, type, actor, day: dayKey(at) });

const typeNumber = async (user: Awaited<ReturnType<typeof renderScreen>>['user'], digits: string) => {
  const keys = await screen.findByRole('group', { name: /数字键盘|number keys/ });
  for (const d of digits) await user.click(within(keys).getByRole('button', { name: d }));
};

const timelineSteps = () =>
  within(screen.getByRole('list', { name: '办理进度' }))
    .getAllByRole('listitem')
    .map((li) => li.querySelector('.request-timeline__label')?.textContent);

// The screen is lazy: compile it once up front, so the first test's short findBy waits do not time the compiler.
beforeAll(async () => {
  await import('./RequestStatusScreen.tsx');
});

// Each test taps through several steps of a lazily loaded screen: seconds on a busy two-core machine.
describe('RequestStatusScreen', { timeout: 20_000 }, () => {
  it('finds a request as soon as the seventh digit is typed and shows it submitted', async () => {
    const db = await freshDb();
    const request = await seed(db);
    const { user } = await renderScreen({ screen: 'requestStatus', params: {} }, { db });
    await typeNumber(user, request.number);
    // No search tap: the result replaces the keypad (whose display also shows the number) on its own.
    expect(await screen.findByText('当前状态：已提交')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: /数字键盘/ })).not.toBeInTheDocument();
    expect(screen.getByText(`${request.number.slice(0, 4)}-${request.number.slice(4)}`)).toBeInTheDocument();
    expect(timelineSteps()).toEqual(['已提交', '等待社区派单', '等待单位或党员接单', '等待办结', '等待您评价']);
    const current = screen.getByRole('listitem', { current: 'step' });
    expect(current).toHaveTextContent('已提交');
    expect(screen.getByText('微诉求')).toBeInTheDocument();
    expect(screen.getByText('家居维修')).toBeInTheDocument();
    expect(screen.getByText('水管漏水')).toBeInTheDocument();
    expect(screen.getByText('下水道堵了')).toBeInTheDocument();
  });

  it('never shows who asked or what they wrote, not even masked', async () => {
    const db = await freshDb();
    const request = await seed(db);
    const { container } = await renderScreen({ screen: 'requestStatus', params: { number: request.number } }, { db });
    await screen.findByText('当前状态：已提交');
    for (const secret of ['王', '5678', '138', '501', '3号楼']) expect(container.textContent).not.toContain(secret);
  });

  it('follows the loop through the events, ignoring a refused one', async () => {
    const db = await freshDb();
    // The resident cannot mark it done: the state machine refuses that event and it is left out.
    const request = await seed(db, [['dispatch', 'centre'], ['complete', 'resident'], ['take', 'member']]);
    await renderScreen({ screen: 'requestStatus', params: { number: request.number } }, { db });
    expect(await screen.findByText('当前状态：已接单')).toBeInTheDocument();
    expect(timelineSteps()).toEqual(['已提交', '已派单', '已接单', '等待办结', '等待您评价']);
    expect(screen.getByRole('listitem', { current: 'step' })).toHaveTextContent('已接单');
    expect(screen.queryByText('已办结')).toBeNull();
  });

  it('shows a rated request with the whole loop behind it', async () => {
    const db = await freshDb();
    const request = await seed(db, [['dispatch', 'centre'], ['take', 'member'], ['complete', 'member'], ['rate', 'resident']]);
    await renderScreen({ screen: 'requestStatus', params: { number: request.number } }, { db });
    expect(await screen.findByText('当前状态：已评价')).toBeInTheDocument();
    expect(timelineSteps()).toEqual(['已提交', '已派单', '已接单', '已办结', '已评价']);
  });

  it('shows cancelled and reopened off the normal loop', async () => {
    const db = await freshDb();
    const request = await seed(db, [['cancel', 'resident'], ['reopen', 'centre']]);
    await renderScreen({ screen: 'requestStatus', params: { number: request.number } }, { db });
    expect(await screen.findByText('当前状态：已重新打开')).toBeInTheDocument();
    expect(timelineSteps()).toEqual(['已提交', '已取消', '已重新打开', '等待社区派单', '等待单位或党员接单', '等待办结', '等待您评价']);
  });

  it('updates by itself when a new event arrives', async () => {
    const db = await freshDb();
    const request = await seed(db);
    await renderScreen({ screen: 'requestStatus', params: { number: request.number } }, { db });
    await screen.findByText('当前状态：已提交');
    await act(() => addEvent(db, request.id, 'dispatch', 'centre', new Date(Date.parse(request.at) + 3_600_000)));
    expect(await screen.findByText('当前状态：已派单')).toBeInTheDocument();
  });

  it('says calmly when there is no such request here', async () => {
    const { user } = await renderScreen({ screen: 'requestStatus', params: {} });
    await typeNumber(user, '0101999');
    await user.click(screen.getByRole('button', { name: '查询' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(await screen.findByText(/这台设备上没有查到编号 0101-999/)).toBeInTheDocument();
    expect(screen.getByText(/其他驿站提交的、或这台设备启用以前的诉求/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '删除一位' }));
    expect(screen.queryByText(/没有查到/)).toBeNull();
  });

  it('refuses a number that is not seven digits and looks nothing up', async () => {
    const db = await freshDb();
    const where = vi.spyOn(db.requests, 'where');
    const { user } = await renderScreen({ screen: 'requestStatus', params: {} }, { db, language: 'en' });
    await user.click(await screen.findByRole('button', { name: 'Look up' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Please enter the 7-digit number.');
    await typeNumber(user, '112700');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Please enter the 7-digit number.');
    expect(where).not.toHaveBeenCalled();
  });

  it('looks up another number after a result', async () => {
    const db = await freshDb();
    const request = await seed(db);
    const { user } = await renderScreen({ screen: 'requestStatus', params: { number: request.number } }, { db });
    await user.click(await screen.findByRole('button', { name: /查询其他编号/ }));
    expect(screen.getByRole('group', { name: /数字键盘/ })).toBeInTheDocument();
    expect(screen.queryByText(/当前状态/)).toBeNull();
  });
});
