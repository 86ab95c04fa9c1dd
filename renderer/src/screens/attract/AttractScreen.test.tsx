import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshDb, renderScreen, routeProbe } from '../../../../tests/support/render-screen.tsx';
import { signIn } from '../../volunteers/shifts.ts';
import AttractScreen, { SLIDE_MS } from './AttractScreen.tsx';
import { beijing } from '../../../../tests/support/station-clock.ts';

// The longer wait covers the store on a busy two-core machine.

// Friday 27 November 2026, the demo data's anchor day, at 10:00: Deng Gang and Wang Xiulan are rostered.
const now = beijing(2026, 10, 27, 10, 0);

const renderAttract = async (language: 'zh-CN' | 'en' = 'zh-CN') => {
  // Only the clock and the slide interval are faked: IndexedDB keeps its real scheduling.
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
  vi.setSystemTime(now);
  const onDismiss = vi.fn();
  const db = await freshDb(now);
  // Both of the morning's rostered people signed in; Liu Fang (afternoon) has not come yet.
  for (const [memberId, minute] of [['deng-gang', 20], ['wang-xiulan', 28]] as const) {
    await signIn(db, 'demo-station', { volunteer: { memberId }, method: 'pin' }, beijing(2026, 10, 27, 8, minute));
  }
  const view = await renderScreen({ screen: 'home', params: undefined }, { db, language, extra: <AttractScreen onDismiss={onDismiss} /> });
  const dialog = await screen.findByRole('dialog');
  await within(dialog).findByRole('heading', { level: 3 });
  return { ...view, onDismiss, dialog };
};
const slideTitle = (dialog: HTMLElement) => within(dialog).getByRole('heading', { level: 3 }).textContent;
const turn = () =>
  act(async () => {
    vi.advanceTimersByTime(SLIDE_MS);
  });

afterEach(() => {
  vi.useRealTimers();
});

describe('AttractScreen', () => {
  it('is a named full-screen dialog with the station and a prompt in both languages', async () => {
    const { dialog } = await renderAttract();
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAccessibleName('幸福里社区红色驿站 点一下屏幕开始');
    expect(within(dialog).getByText('和平街道幸福里社区')).toBeInTheDocument();
    expect(within(dialog).getByText('Touch the screen to start')).toHaveAttribute('lang', 'en');
  });

  it('starts with who is on duty now, then turns through the upcoming events every 8 seconds and comes round again', async () => {
    const { dialog } = await renderAttract();
    expect(slideTitle(dialog)).toBe('正在值班');
    expect(within(dialog).getAllByRole('listitem').map((li) => li.querySelector('.person__name')?.textContent)).toEqual(['邓刚', '王秀兰']);
    expect(dialog.textContent).not.toMatch(/\*\*\*\*/);

    await act(async () => {
      vi.advanceTimersByTime(SLIDE_MS - 100);
    });
    expect(slideTitle(dialog)).toBe('正在值班');
    await act(async () => {
      vi.advanceTimersByTime(100);
    });
    expect(slideTitle(dialog)).toBe('冬季健康义诊');
    expect(dialog).toHaveTextContent('12月2日 周三 上午9:00');
    expect(dialog).toHaveTextContent('近期活动');

    const seen = [];
    for (let i = 0; i < 3; i += 1) {
      await turn();
      seen.push(slideTitle(dialog));
    }
    expect(seen).toEqual(['“12·4”国家宪法日法律讲座：守好养老钱', '12月8日停水通知', '三方联动议事会：电动自行车充电桩选址']);
    await turn();
    expect(slideTitle(dialog)).toBe('正在值班');
  });

  it('shows only who signed in: someone rostered but not here is not on duty', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(now);
    const db = await freshDb(now);
    await signIn(db, 'demo-station', { volunteer: { memberId: 'wang-xiulan' }, method: 'pin' }, beijing(2026, 10, 27, 8, 28));
    await renderScreen({ screen: 'home', params: undefined }, { db, extra: <AttractScreen onDismiss={() => undefined} /> });
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByText('王秀兰');
    expect(within(dialog).getAllByRole('listitem').map((li) => li.querySelector('.person__name')?.textContent)).toEqual(['王秀兰']);
  });

  it('shows the station phone and who comes next when nobody is on duty', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    const night = beijing(2026, 10, 27, 22, 0);
    vi.setSystemTime(night);
    await renderScreen({ screen: 'home', params: undefined }, { db: await freshDb(night), extra: <AttractScreen onDismiss={() => undefined} /> });
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('现在没有人值班，请别着急')).toBeInTheDocument();
    expect(dialog).toHaveTextContent('下一班：明天 08:30 开始');
    expect(within(dialog).getByText('87651234')).toBeInTheDocument();
  });

  it('shows only the duty slide, without dots, when nothing is coming up', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(now);
    const db = await freshDb(now);
    await db.notices.clear();
    await renderScreen({ screen: 'home', params: undefined }, { db, extra: <AttractScreen onDismiss={() => undefined} /> });
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByRole('heading', { level: 3, name: '正在值班' });
    await turn();
    expect(slideTitle(dialog)).toBe('正在值班');
    expect(dialog.querySelector('.attract__dots')).toBeNull();
  });

  it('dismisses on a touch anywhere, and the same tap does not press the button underneath', async () => {
    const { onDismiss } = await renderAttract();
    const tile = screen.getByRole('button', { name: /通知活动/, hidden: true });
    fireEvent.pointerDown(tile);
    expect(onDismiss).toHaveBeenCalledTimes(1);
    fireEvent.click(tile);
    expect(routeProbe.current).toEqual({ screen: 'home', params: undefined });
  });

  it('puts English first for an English-speaking resident', async () => {
    const { dialog } = await renderAttract('en');
    expect(dialog).toHaveAccessibleName('Xingfuli Community Red Station Touch the screen to start');
    expect(within(dialog).getByText('点一下屏幕开始')).toHaveAttribute('lang', 'zh-CN');
    expect(slideTitle(dialog)).toBe('On duty now');
  });
});
