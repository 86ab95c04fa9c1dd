import { act, cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PublicConfig } from '../../../electron/common/bridge.ts';
import { defaultFeatures } from '../../../electron/common/config.ts';
import { freshDb } from '../../../tests/support/render-screen.tsx';
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
});
afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  await db.delete();
});

const renderKiosk = (station: PublicConfig) =>
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
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'], shouldAdvanceTime: true });
    renderKiosk(config({ locale: 'en', idle: { resetSeconds: 60 } }));
    expect(await screen.findByRole('heading', { name: /^Welcome to/ })).toBeInTheDocument();
    // Untouched home in the station's own language: nobody to ask "are you still there?".
    await act(() => vi.advanceTimersByTimeAsync(70_000));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('uses the tablet\'s idle timeout over the one the community published', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'], shouldAdvanceTime: true });
    renderKiosk(config({ idle: { resetSeconds: 60 } }));
    await screen.findByRole('navigation');
    // A visit has begun: the reset only matters away from home.
    act(() => screen.getByRole('button', { name: /^签到/ }).click());
    await screen.findByRole('heading', { name: /签到/ });
    await act(() => vi.advanceTimersByTimeAsync(52_000));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('您还在吗');
  });
});
