import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDb, renderScreen } from '../../../../tests/support/render-screen.tsx';
import { commitRecord } from '../../store/commit.ts';
import { DOUBLE_TAP_MS } from './tap-guard.ts';

const route = { screen: 'amenities', params: undefined } as const;

const card = (name: string) => screen.getByRole('listitem', { name: new RegExp(`^${name}`) });
const stats = (name: string) => within(card(name)).getAllByRole('definition').map((d) => d.textContent);

/** Stops the tap guard's clock (performance.now), so only the test moves it: a slow machine cannot. */
const advanceTapClock = () => {
  let at = 1_000_000;
  vi.spyOn(performance, 'now').mockImplementation(() => at);
  return (ms: number) => {
    at += ms;
  };
};

// The screen is a lazy chunk: loading it once up front keeps a cold import out of the first test's time limit,
// and the longer waits keep a busy shared machine from failing a test that is only slow.
beforeAll(() => import('./AmenitiesScreen.tsx'));

afterEach(() => vi.restoreAllMocks());

describe('AmenitiesScreen', { timeout: 30_000 }, () => {
  it('lists every amenity with where and how, a use button for on-the-spot ones and borrow/return for loans', async () => {
    await renderScreen(route);
    await screen.findByRole('heading', { level: 2, name: '热水' });
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      '免费充电', '热水', '微波炉', '报刊', '爱心雨伞可借用', '应急药箱', '老花镜可借用',
    ]);
    expect(within(card('热水')).getByText(/饮水机在进门右手边/)).toBeInTheDocument();
    const names = (name: string) => within(card(name)).getAllByRole('button').map((b) => [b.textContent, b.getAttribute('aria-label')]);
    expect(names('热水')).toEqual([['我用了', '我用了（热水）']]);
    expect(names('爱心雨伞')).toEqual([['借用', '借用（爱心雨伞）'], ['归还', '归还（爱心雨伞）']]);
    expect(stats('热水')).toEqual(['0']);
    expect(stats('爱心雨伞')).toEqual(['0', '0', '0']);
    expect(screen.getByText(/不记录您是谁/)).toBeInTheDocument();
  });

  it('tallies one use anonymously, thanks the resident in place and counts it', async () => {
    const { db, user } = await renderScreen(route);
    await user.click(await screen.findByRole('button', { name: '我用了（热水）' }));
    await waitFor(() => expect(within(card('热水')).getByRole('status')).toHaveTextContent('已记录，谢谢！'));
    await waitFor(() => expect(stats('热水')).toEqual(['1']));
    expect(stats('微波炉')).toEqual(['0']);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('便民设施');

    const uses = await db.amenityUses.toArray();
    expect(uses).toHaveLength(1);
    expect(uses[0]).toMatchObject({ kind: 'amenity-use', amenityId: 'hot-water', action: 'use', stationId: 'demo-station' });
    expect(Object.keys(uses[0] ?? {}).sort()).toEqual(['action', 'amenityId', 'at', 'day', 'id', 'kind', 'stationId', 'v']);
    expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ id: uses[0]?.id, kind: 'amenity-use' })]);
  });

  it('takes a mistaken tap back with the undo beside the thanks: a record of its own, and the count as before', async () => {
    const { db, user } = await renderScreen(route);
    await user.click(await screen.findByRole('button', { name: '借用（爱心雨伞）' }));
    await waitFor(() => expect(stats('爱心雨伞')).toEqual(['1', '0', '1']));
    await user.click(within(card('爱心雨伞')).getByRole('button', { name: '撤销（爱心雨伞）' }));
    await waitFor(() => expect(within(card('爱心雨伞')).getByRole('status')).toHaveTextContent('已撤销刚才的记录'));
    await waitFor(() => expect(stats('爱心雨伞')).toEqual(['0', '0', '0']));
    // Taken back once: the undo is gone, so a second tap cannot take back anything else.
    expect(within(card('爱心雨伞')).queryByRole('button', { name: /撤销/ })).not.toBeInTheDocument();

    const [undo, lent] = (await db.amenityUses.toArray()).sort((a, b) => (a.undoes ? -1 : b.undoes ? 1 : 0));
    expect(lent).toMatchObject({ amenityId: 'umbrellas', action: 'lend' });
    expect(lent?.undoes).toBeUndefined();
    expect(undo).toMatchObject({ amenityId: 'umbrellas', action: 'lend', undoes: lent?.id });
    expect((await db.outbox.toArray()).map((e) => e.id)).toEqual([lent?.id, undo?.id]);
  });

  it('counts a quick double tap once, and a tap after the pause again', async () => {
    const advance = advanceTapClock();
    const { db, user } = await renderScreen(route);
    const button = await screen.findByRole('button', { name: '我用了（免费充电）' });
    await user.dblClick(button);
    await user.click(button);
    await waitFor(() => expect(stats('免费充电')).toEqual(['1']));
    expect(await db.amenityUses.count()).toBe(1);

    advance(DOUBLE_TAP_MS);
    await user.click(button);
    await waitFor(() => expect(stats('免费充电')).toEqual(['2']));
    expect(await db.amenityUses.count()).toBe(2);
    expect(await db.outbox.count()).toBe(2);
  });

  it('guards each button on its own: borrow then return at once both count', async () => {
    const { db, user } = await renderScreen(route);
    await user.click(await screen.findByRole('button', { name: '借用（老花镜）' }));
    await user.click(screen.getByRole('button', { name: '归还（老花镜）' }));
    await user.click(screen.getByRole('button', { name: '我用了（报刊）' }));
    await waitFor(() => expect(stats('老花镜')).toEqual(['1', '1', '0']));
    expect((await db.amenityUses.toArray()).map((u) => [u.amenityId, u.action])).toEqual([
      ['reading-glasses', 'lend'],
      ['reading-glasses', 'return'],
      ['newspapers', 'use'],
    ]);
  });

  it('shows loans out today, updating live, and never fewer than none', async () => {
    const advance = advanceTapClock();
    const { db, user } = await renderScreen(route);
    const lend = await screen.findByRole('button', { name: '借用（爱心雨伞）' });
    const giveBack = screen.getByRole('button', { name: '归还（爱心雨伞）' });
    await user.click(lend);
    await waitFor(() => expect(within(card('爱心雨伞')).getByRole('status')).toHaveTextContent('已记录借用，用完请还回来'));
    advance(DOUBLE_TAP_MS);
    await user.click(lend);
    await waitFor(() => expect(stats('爱心雨伞')).toEqual(['2', '0', '2']));

    await user.click(giveBack);
    await waitFor(() => expect(stats('爱心雨伞')).toEqual(['2', '1', '1']));
    expect(within(card('爱心雨伞')).getByRole('status')).toHaveTextContent('已记录归还，谢谢！');
    for (let i = 0; i < 2; i += 1) {
      advance(DOUBLE_TAP_MS);
      await user.click(giveBack);
    }
    await waitFor(() => expect(stats('爱心雨伞')).toEqual(['2', '3', '0']));
    expect((await db.amenityUses.toArray()).filter((u) => u.action === 'return')).toHaveLength(3);
  });

  it('counts today only, and picks up taps recorded elsewhere while the screen is open', async () => {
    const db = await freshDb();
    const yesterday = new Date(Date.now() - 86_400_000);
    await commitRecord(db, 'amenity-use', 'demo-station', () => ({ kind: 'amenity-use', amenityId: 'microwave', action: 'use' }), yesterday);
    await renderScreen(route, { db });
    await screen.findByRole('heading', { level: 2, name: '微波炉' });
    await waitFor(() => expect(stats('微波炉')).toEqual(['0']));
    await commitRecord(db, 'amenity-use', 'demo-station', () => ({ kind: 'amenity-use', amenityId: 'microwave', action: 'use' }));
    await waitFor(() => expect(stats('微波炉')).toEqual(['1']));
  });

  it('works in English', async () => {
    const { user } = await renderScreen(route, { language: 'en' });
    await user.click(await screen.findByRole('button', { name: 'Borrow (Loan umbrellas)' }));
    await waitFor(() => expect(within(card('Loan umbrellas')).getByRole('status')).toHaveTextContent('Loan noted'));
    expect(within(card('Loan umbrellas')).getAllByRole('term').map((d) => d.textContent)).toEqual(['Lent today', 'Returned today', 'Still out']);
    await waitFor(() => expect(stats('Loan umbrellas')).toEqual(['1', '0', '1']));
  });

  it('says so when the tap could not be saved, without a thank-you', async () => {
    const { db, user } = await renderScreen(route);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(db.amenityUses, 'add').mockRejectedValueOnce(new Error('broken'));
    await user.click(await screen.findByRole('button', { name: '我用了（微波炉）' }));
    expect(await within(card('微波炉')).findByRole('alert')).toHaveTextContent('保存没有成功');
    expect(within(card('微波炉')).getByRole('status')).toHaveTextContent('');
    expect(await db.outbox.count()).toBe(0);
    expect(stats('微波炉')).toEqual(['0']);
  });

  it('says when the station has listed no amenities', async () => {
    const db = await freshDb();
    await db.amenities.clear();
    await renderScreen(route, { db });
    expect(await screen.findByText(/暂时没有登记便民设施/)).toBeInTheDocument();
  });
});
