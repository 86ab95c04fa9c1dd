import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
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
  // Only the timers the idle policy uses are faked; IndexedDB's own scheduling stays real. The timeouts are long
  // so that real time passing on a slow machine (fake time advances with it) cannot trigger them early.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'], shouldAdvanceTime: true });
});
afterEach(async () => {
  // Unmount first: the sync engine must stop before its database goes away.
  cleanup();
  vi.useRealTimers();
  await db.delete();
});

const renderKiosk = () => {
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
  return user;
};

describe('Kiosk idle reset', () => {
  it('warns, lets the resident stay, then resets to a clean home screen and clears every form', async () => {
    const user = renderKiosk();
    await user.click(await screen.findByRole('button', { name: /^签到/ }));
    await user.click(await screen.findByRole('radio', { name: /本小区居民/ }));
    await user.click(screen.getByRole('switch'));
    await user.type(screen.getByLabelText(/姓名/), '王阿姨');

    await act(() => vi.advanceTimersByTimeAsync(290_500));
    const warning = await screen.findByRole('alertdialog');
    expect(warning).toHaveTextContent('您还在吗');
    await user.click(screen.getByRole('button', { name: /我还在/ }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByLabelText(/姓名/)).toHaveValue('王阿姨');

    await act(() => vi.advanceTimersByTimeAsync(301_000));
    await screen.findByRole('heading', { name: /欢迎来到/ });
    expect(screen.queryByDisplayValue('王阿姨')).toBeNull();

    await user.click(screen.getByRole('button', { name: /^签到/ }));
    expect(await screen.findByRole('radio', { name: /本小区居民/ })).toHaveAttribute('aria-checked', 'false');
    expect(await db.visits.count()).toBe(0);
  });

  it('returns language and elderly mode to the station defaults after the reset', async () => {
    const user = renderKiosk();
    await user.click(await screen.findByRole('button', { name: '长辈模式' }));
    await user.click(screen.getByRole('button', { name: 'English' }));
    await screen.findByRole('heading', { name: /Welcome to/ });
    expect(document.documentElement.dataset.elderly).toBe('true');
    await act(() => vi.advanceTimersByTimeAsync(601_000));
    await screen.findByRole('heading', { name: /欢迎来到/ });
    await waitFor(() => expect(document.documentElement.dataset.elderly).toBe('false'));
  });

  it('does not interrupt an untouched home screen with a warning', async () => {
    renderKiosk();
    await screen.findByRole('heading', { name: /欢迎来到/ });
    await act(() => vi.advanceTimersByTimeAsync(900_000));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
