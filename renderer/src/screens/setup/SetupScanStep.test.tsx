import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bridgeClient, type KioskBridge, type Setup } from '@shell/bridge.ts';
import { hashPin } from '@shell/technician.ts';
import { fastDerive } from '@shell/testing/fast-derive.ts';
import { freshDb } from '../../../../tests/support/render-screen.tsx';
import { MemoryStorage } from '../../../../tests/support/memory-storage.ts';
import { createI18n } from '../../i18n/index.ts';
import { createWebKiosk } from '../../platform/kiosk-bridge/web.ts';
import type { QrScanHandlers, QrScanner } from '../../platform/qr-scan.ts';
import { forgetSetupLink, pendingSetupLink } from '../../platform/setup-link/intake.ts';
import type { YizhanDb } from '../../store/db.ts';
import { SyncProvider, useSync } from '../../sync/SyncProvider.tsx';
import { SetupEntry } from './SetupEntry.tsx';

const PIN = '24681357';
const pinHash = await hashPin(PIN, new Uint8Array(16).fill(5), fastDerive, 100_000);
const LINK = 'https://centre.example.cn/#yizhan-setup?station=xingfuli-07&code=K7Q29XPM2345&name=幸福里社区红色驿站&locale=zh-CN';

let db: YizhanDb;
let bridge: KioskBridge;

/**
 * The camera at its seam (platform/qr-scan.ts): jsdom has no camera or decoder, so the test holds codes up by
 * hand, and sees when the camera is on. The real camera and decoder read a real QR code in tests/e2e/setup-link.e2e.ts.
 */
const handCamera = () => {
  const camera = { on: false, opened: 0, handlers: null as QrScanHandlers | null };
  const scanner: QrScanner = (_video, handlers) => {
    camera.on = true;
    camera.opened += 1;
    camera.handlers = handlers;
    handlers.onReady();
    return { stop: () => void (camera.on = false) };
  };
  /** A code in front of the camera: whether the screen took it. */
  const show = async (text: string) => {
    let taken = false;
    await act(async () => {
      taken = await camera.handlers!.onText(text);
    });
    return taken;
  };
  return { camera, scanner, show };
};

function WhenLoaded({ children }: { children: ReactNode }) {
  const { config, sync, provisioning } = useSync();
  return config && sync && provisioning !== 'checking' ? children : <p>loading</p>;
}

const renderEntry = async (scanner?: QrScanner, language: 'zh-CN' | 'en' = 'zh-CN') => {
  const onSaved = vi.fn<(setup: Setup) => void>();
  const user = userEvent.setup();
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <SyncProvider db={db} bridge={Promise.resolve(bridge)} appVersion="test">
        <WhenLoaded>
          <SetupEntry bridge={bridge} onSaved={onSaved} scanner={scanner} />
        </WhenLoaded>
      </SyncProvider>
    </I18nextProvider>,
  );
  await screen.findByRole('form');
  return { user, onSaved };
};

beforeEach(async () => {
  db = await freshDb();
  bridge = bridgeClient(
    createWebKiosk({ db, localStorage: new MemoryStorage(), loadConfig: async () => ({ technician: { pinHash } }), origin: 'http://127.0.0.1:9', derive: fastDerive, appVersion: 'test', userAgent: 'test' }),
    'web',
  );
  await bridge.call('technician:unlock', { pin: PIN });
  // The engine's requests go nowhere: the centre is out of reach.
  vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('fetch failed'))));
});
afterEach(() => {
  cleanup();
  forgetSetupLink();
  vi.unstubAllGlobals();
});

describe('scanning the setup QR code on the first-run setup screen', () => {
  it('opens the camera only for the scan, and closes it on the way back to the form', async () => {
    const { camera, scanner } = handCamera();
    const { user } = await renderEntry(scanner);
    expect(camera.opened).toBe(0);
    await user.click(screen.getByRole('button', { name: '扫描设置二维码' }));
    expect(camera.on).toBe(true);
    expect(screen.getByRole('status')).toHaveTextContent('正在找设置二维码，请拿稳。');
    expect(screen.queryByRole('form', { name: '站点设置' })).toBeNull();
    await user.click(screen.getByRole('button', { name: '返回手动填写' }));
    expect(camera.on).toBe(false);
    await screen.findByRole('form', { name: '站点设置' });
  });

  it('refuses a code that is not a setup link in words, and keeps looking', async () => {
    const { camera, scanner, show } = handCamera();
    const { user } = await renderEntry(scanner);
    await user.click(screen.getByRole('button', { name: '扫描设置二维码' }));
    await expect(show('yizhan-member:wang-xiulan:s3cr3t')).resolves.toBe(false);
    expect(screen.getByRole('alert')).toHaveTextContent('这不是驿站的设置二维码。请扫描设置单上本站名称旁边的二维码。');
    await expect(show('https://example.cn/')).resolves.toBe(false);
    expect(camera.on).toBe(true);
    expect(pendingSetupLink()).toBeNull();
    // A setup link with its code torn off says what is missing.
    await expect(show('https://centre.example.cn/#yizhan-setup?station=xingfuli-07&name=幸福里')).resolves.toBe(false);
    expect(screen.getByRole('alert')).toHaveTextContent(/这个设置二维码不完整或已损坏（enrolmentCode: .+）/);
    expect(camera.on).toBe(true);
    expect(pendingSetupLink()).toBeNull();
  });

  it('takes a setup link as if it had been opened: held, checked by the technician, saved with one tap, forgotten', async () => {
    const { camera, scanner, show } = handCamera();
    const { user, onSaved } = await renderEntry(scanner);
    await user.click(screen.getByRole('button', { name: '扫描设置二维码' }));
    await expect(show(LINK)).resolves.toBe(true);
    expect(pendingSetupLink()).toBe(LINK);
    const setup = await screen.findByLabelText('链接中的设置');
    expect(camera.on).toBe(false);
    expect(setup).toHaveTextContent('xingfuli-07');
    expect(setup).toHaveTextContent('幸福里社区红色驿站');
    expect(setup).toHaveTextContent('https://centre.example.cn');
    expect(document.body).not.toHaveTextContent('K7Q29XPM2345');

    await user.click(screen.getByRole('button', { name: '使用此设置' }));
    const expected = { stationId: 'xingfuli-07', stationName: '幸福里社区红色驿站', serverUrl: 'https://centre.example.cn', enrolmentCode: 'K7Q29XPM2345', locale: 'zh-CN' };
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expected));
    expect(await bridge.call('config:get')).toMatchObject({ stationId: 'xingfuli-07', serverUrl: 'https://centre.example.cn', provisioned: true });
    expect(pendingSetupLink()).toBeNull();
  });

  it('says plainly that there is no camera, and what to do instead (the real camera seam, on a device without one)', async () => {
    expect(navigator.mediaDevices).toBeUndefined();
    const { user } = await renderEntry();
    await user.click(screen.getByRole('button', { name: '扫描设置二维码' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('这台设备没有可用的摄像头。请在本机上打开设置链接，或返回手动填写。');
    expect(document.querySelector('video')).toBeNull();
  });

  it('speaks English on an English kiosk', async () => {
    const { scanner, show } = handCamera();
    const { user } = await renderEntry(scanner, 'en');
    await user.click(screen.getByRole('button', { name: 'Scan the setup QR code' }));
    await expect(show('https://example.cn/')).resolves.toBe(false);
    expect(screen.getByRole('alert')).toHaveTextContent("This is not a station setup QR code. Scan the code beside this station's name on the setup sheet.");
    expect(screen.getByRole('button', { name: 'Back to typing it in' })).toBeInTheDocument();
  });
});
