import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDb } from '../../../tests/support/render-screen.tsx';
import { createI18n } from '../i18n/index.ts';
import type { YizhanDb } from '../store/db.ts';
import { StoreProvider } from '../store/StoreProvider.tsx';
import { SyncProvider } from '../sync/SyncProvider.tsx';
import { Kiosk } from './Kiosk.tsx';

let db: YizhanDb;
beforeEach(async () => {
  db = await freshDb();
  const station = (await db.settings.toCollection().first())!;
  await db.settings.put({ ...station, idle: { resetSeconds: 300, elderlyResetSeconds: 600, attractSeconds: 3600 } });
  // As in Kiosk.test: only the idle policy's timers are faked, with long timeouts, so real time cannot trigger them.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'], shouldAdvanceTime: true });
});
afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  await db.delete();
});

describe('IdleGuard', () => {
  it('switching elderly mode on mid-visit gives the longer time, and no timer of the shorter one is left running', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    render(
      <I18nextProvider i18n={createI18n()}>
        <StoreProvider db={db} fallback={<p>loading</p>}>
          <SyncProvider db={db} appVersion="test">
            <Kiosk />
          </SyncProvider>
        </StoreProvider>
      </I18nextProvider>,
    );
    await user.click(await screen.findByRole('button', { name: /^签到/ }));
    await screen.findByRole('radio', { name: /本小区居民/ });
    await user.click(screen.getByRole('button', { name: '长辈模式' }));

    // Past the ordinary reset (300 s): still on check-in, no warning.
    await act(() => vi.advanceTimersByTimeAsync(400_000));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('radio', { name: /本小区居民/ })).toBeInTheDocument();

    // The elderly reset (600 s from the last touch) warns first, then goes home.
    await act(() => vi.advanceTimersByTimeAsync(195_000));
    expect(await screen.findByRole('alertdialog')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(6_000));
    await screen.findByRole('heading', { name: /欢迎来到/ });
  });
});
