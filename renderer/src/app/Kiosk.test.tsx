import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import type { PublicConfig } from '@shell/bridge.ts';
import { defaultFeatures } from '@shell/config.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDb, unprovisionedKiosk } from '../../../tests/support/render-screen.tsx';
import { createI18n } from '../i18n/index.ts';
import type { YizhanDb } from '../store/db.ts';
import { StoreProvider } from '../store/StoreProvider.tsx';
import { StationConfigContext, SyncProvider } from '../sync/SyncProvider.tsx';
import { Kiosk } from './Kiosk.tsx';

/** What a station's own config file changes in the resident's kiosk: its language, its idle timeouts, its menu. */
const config = (patch: Partial<PublicConfig>): PublicConfig => ({
  shell: 'electron',
  provisioned: true,
  stationId: 'xingfuli-01',
  stationName: '幸福里',
  serverUrl: 'https://centre.example.cn',
  enrolmentCode: 'K7Q2-9XPM',
  locale: 'zh-CN',
  idle: {},
  features: defaultFeatures,
  technicianPinSet: true,
  sources: ['default', 'system'],
  problems: [],
  ...patch,
});

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

/** The kiosk with every provider; `station` stands in for the shell's config (none: the shell has not answered). */
const renderKiosk = (station: PublicConfig | null = null) => {
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  render(
    <I18nextProvider i18n={createI18n()}>
      <StoreProvider db={db} fallback={<p>loading</p>}>
        <SyncProvider db={db} appVersion="test">
          <StationConfigContext value={station}>
            <Kiosk />
          </StationConfigContext>
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

  it('locks the volunteer’s workspace after the centre’s 2 minutes idle, well before a resident’s 5 minutes', async () => {
    // A demo tablet, where the README's PIN signs the demo volunteers in.
    const user = renderKiosk(unprovisionedKiosk);
    await user.click(await screen.findByRole('button', { name: /志愿者/ }));
    await user.click(await screen.findByRole('button', { name: '按手机尾号找' }));
    const keys = screen.getByRole('group', { name: '手机号最后4位数字键盘' });
    for (const digit of '7264') await user.click(within(keys).getByRole('button', { name: digit }));
    await user.click(await screen.findByRole('button', { name: /王秀兰/ }));
    const pad = await screen.findByRole('group', { name: '密码数字键盘' });
    for (const digit of '1234') await user.click(within(pad).getByRole('button', { name: digit }));
    await user.click(screen.getByRole('button', { name: '确定' }));
    await screen.findByRole('heading', { level: 1, name: '志愿者工作台' });

    await act(() => vi.advanceTimersByTimeAsync(105_000));
    expect(screen.getByRole('heading', { level: 1, name: '志愿者工作台' })).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(16_000));
    await screen.findByRole('heading', { name: /欢迎来到/ });
    expect(screen.queryByRole('heading', { name: '志愿者工作台' })).toBeNull();
    // Locked, not signed out: the shift goes on, and opening the workspace again asks for the PIN.
    expect((await db.shiftEvents.toArray()).map((e) => e.type)).toEqual(['sign-in']);
  });

  it('does not interrupt an untouched home screen with a warning', async () => {
    renderKiosk();
    await screen.findByRole('heading', { name: /欢迎来到/ });
    await act(() => vi.advanceTimersByTimeAsync(900_000));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
  it('switching elderly mode on mid-visit gives the longer time, and no timer of the shorter one is left running', async () => {
    const user = renderKiosk();
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

describe('the station config in the kiosk', () => {
  it('leaves out the features a station switched off: tiles and top-bar tools', async () => {
    renderKiosk(config({ features: { ...defaultFeatures, bills: false, amenities: false, 'elderly-mode': false, 'read-aloud': false } }));
    const menu = await screen.findByRole('navigation');
    expect(menu).toHaveTextContent('签到');
    expect(menu).toHaveTextContent('服务菜单');
    expect(menu).not.toHaveTextContent('生活缴费');
    expect(menu).not.toHaveTextContent('便民设施');
    expect(screen.queryByRole('button', { name: /长辈模式/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /朗读/ })).toBeNull();
    expect(screen.getByRole('button', { name: /English/ })).toBeInTheDocument();
  });

  it('starts every visit in the station\'s language, which is no visit by itself', async () => {
    renderKiosk(config({ locale: 'en', idle: { resetSeconds: 60 } }));
    expect(await screen.findByRole('heading', { name: /^Welcome to/ })).toBeInTheDocument();
    // Untouched home in the station's own language: nobody to ask "are you still there?".
    await act(() => vi.advanceTimersByTimeAsync(70_000));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('uses the tablet\'s idle timeout over the one the community published', async () => {
    renderKiosk(config({ idle: { resetSeconds: 60 } }));
    await screen.findByRole('navigation');
    // A visit has begun: the reset only matters away from home.
    act(() => screen.getByRole('button', { name: /^签到/ }).click());
    await screen.findByRole('heading', { name: /签到/ });
    await act(() => vi.advanceTimersByTimeAsync(52_000));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('您还在吗');
  });
});
