import { cleanup, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderKiosk as renderWholeKiosk } from '../../../tests/support/render-kiosk.tsx';
import { freshDb } from '../../../tests/support/render-screen.tsx';
import type { YizhanDb } from '../store/db.ts';

/**
 * How often the real components of the kiosk's frame rendered. Each is swapped for itself with a counter around
 * the function React calls, so a memo bail-out counts as no render and anything else as one.
 */
const renders = vi.hoisted(() => {
  const counts: Record<string, number> = {};
  type Fn = (props: object) => ReactNode;
  const counted = (name: string, component: unknown): unknown => {
    if (typeof component === 'object' && component !== null && 'type' in component) {
      return { ...component, type: counted(name, (component as { type: unknown }).type) };
    }
    const render = component as Fn;
    return (props: object) => {
      counts[name] = (counts[name] ?? 0) + 1;
      return render(props);
    };
  };
  return { counts, counted: counted as <T>(name: string, component: T) => T };
});
vi.mock('./TopBar.tsx', async (real) => {
  const m = await real<Record<string, unknown>>();
  return { ...m, TopBar: renders.counted('TopBar', m.TopBar) };
});
vi.mock('./StatusBar.tsx', async (real) => {
  const m = await real<Record<string, unknown>>();
  return { ...m, StatusBar: renders.counted('StatusBar', m.StatusBar) };
});
vi.mock('./Clock.tsx', async (real) => {
  const m = await real<Record<string, unknown>>();
  return { ...m, Clock: renders.counted('Clock', m.Clock) };
});
vi.mock('./IdleGuard.tsx', async (real) => {
  const m = await real<Record<string, unknown>>();
  return { ...m, IdleGuard: renders.counted('IdleGuard', m.IdleGuard) };
});

let db: YizhanDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(async () => {
  // Unmount first: the sync engine must stop before its database goes away.
  cleanup();
  await db.delete();
});

const renderKiosk = async () => {
  const user = renderWholeKiosk(db);
  await screen.findByRole('heading', { name: /欢迎来到/ });
  // Today's visits arrive a moment after home; let the kiosk settle before counting.
  await screen.findByText(/今天/);
  return user;
};

const frame = () => ({ TopBar: renders.counts.TopBar, StatusBar: renders.counts.StatusBar, Clock: renders.counts.Clock, IdleGuard: renders.counts.IdleGuard });

describe('the kiosk frame', () => {
  it('does not re-render the top bar, clock, status bar or idle guard when a tap changes the screen', async () => {
    const user = await renderKiosk();
    const before = frame();
    expect(before.TopBar).toBeGreaterThan(0);
    expect(before.IdleGuard).toBeGreaterThan(0);
    for (let i = 0; i < 2; i += 1) {
      await user.click(screen.getByRole('button', { name: /^签到/ }));
      await screen.findByRole('radio', { name: /本小区居民/ });
      await user.click(screen.getByRole('button', { name: '首页' }));
      await screen.findByRole('heading', { name: /欢迎来到/ });
    }
    expect(frame()).toEqual(before);
  });

  it('does not re-render the top bar when the read-aloud hint comes up', async () => {
    const user = await renderKiosk();
    const before = frame();
    // jsdom has no voices: the button explains instead of reading.
    await user.click(screen.getByRole('button', { name: '朗读' }));
    expect(await screen.findByText(/这台设备暂时不能朗读/)).toBeInTheDocument();
    expect(frame()).toEqual(before);
  });

  it('still goes home from the station name, and starts each new screen at its top', async () => {
    const user = await renderKiosk();
    const main = document.getElementById('main')!;
    let scrollTop = 0;
    Object.defineProperty(main, 'scrollTop', { configurable: true, get: () => scrollTop, set: (v: number) => void (scrollTop = v) });
    scrollTop = 480;
    await user.click(screen.getByRole('button', { name: /^签到/ }));
    await screen.findByRole('radio', { name: /本小区居民/ });
    expect(scrollTop).toBe(0);
    scrollTop = 480;
    // One tap on the station's name goes home (five open the technician's PIN pad, tested end to end).
    await user.click(within(document.querySelector<HTMLElement>('header.topbar')!).getByRole('button', { name: /首页/ }));
    await screen.findByRole('heading', { name: /欢迎来到/ });
    expect(scrollTop).toBe(0);
  });
});
