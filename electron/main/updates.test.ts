// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UpdateState } from '../common/bridge.ts';
import type { Logger } from './log.ts';
import { FakeUpdater } from './testing/fakes.ts';
import { type InstallWindow, installAllowed, selfUpdateSupported, UpdateController } from './updates.ts';

const min = 60_000;
const silent: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const info = (version: string) => ({ version, files: [], path: '', sha512: '', releaseDate: '2025-01-06' });

const setup = (o: { feedUrl?: string | null; supported?: boolean; prepare?: () => Promise<boolean> } = {}) => {
  const updater = new FakeUpdater();
  const states: UpdateState[] = [];
  const window: InstallWindow = { idleMs: 0, withinOpeningHours: false };
  const order: string[] = [];
  const controller = new UpdateController({
    updater,
    feedUrl: o.feedUrl === undefined ? 'https://yizhan.example.cn/updates' : o.feedUrl,
    supported: o.supported ?? true,
    log: silent,
    now: () => new Date('2025-01-06T02:00:00Z'),
    onState: (s) => states.push(s),
    installWindow: () => window,
    prepareInstall:
      o.prepare ??
      (async () => {
        order.push('export+flush');
        return true;
      }),
  });
  const origInstall = updater.quitAndInstall.bind(updater);
  updater.quitAndInstall = (a, b) => {
    order.push('quitAndInstall');
    origInstall(a, b);
  };
  return { updater, controller, states, window, order };
};

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('UpdateController', () => {
  it('uses the generic provider on the central server, downloads in the background, never installs on quit, never downgrades', () => {
    const { updater, controller } = setup();
    controller.start();
    expect(updater.feed).toEqual({ provider: 'generic', url: 'https://yizhan.example.cn/updates' });
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updater.allowDowngrade).toBe(false);
    expect(updater.checks).toBe(1);
    vi.advanceTimersByTime(4 * 60 * min);
    expect(updater.checks).toBe(2);
    controller.stop();
  });

  it('reports its state as the download goes', () => {
    const { updater, controller, states } = setup();
    controller.start();
    updater.emit('checking-for-update');
    updater.emit('update-available', info('0.2.0'));
    updater.emit('download-progress', { percent: 42.4, bytesPerSecond: 1, total: 100, transferred: 42, delta: 1 });
    updater.emit('update-downloaded', info('0.2.0'));
    expect(states.map((s) => s.status)).toEqual(['checking', 'downloading', 'downloading', 'ready']);
    expect(states[2]?.percent).toBe(42);
    expect(controller.state).toMatchObject({ status: 'ready', version: '0.2.0', percent: 100 });
  });

  it('installs only when the kiosk has been idle long enough, after exporting and flushing', async () => {
    const { updater, controller, window, order } = setup();
    controller.start();
    updater.emit('update-downloaded', info('0.2.0'));
    expect(await controller.maybeInstall()).toBe(false);
    window.idleMs = 30_000;
    expect(await controller.maybeInstall()).toBe(false);
    window.idleMs = 5 * min;
    window.withinOpeningHours = true;
    expect(await controller.maybeInstall()).toBe(false);
    window.idleMs = 10 * min;
    expect(await controller.maybeInstall()).toBe(true);
    expect(order).toEqual(['export+flush', 'quitAndInstall']);
    expect(updater.installs).toEqual([[true, true]]);
    expect(controller.state.status).toBe('installing');
  });

  it('postpones the install when the unsynced records cannot be exported', async () => {
    const { updater, controller, window } = setup({ prepare: async () => false });
    controller.start();
    updater.emit('update-downloaded', info('0.2.0'));
    window.idleMs = 60 * min;
    expect(await controller.maybeInstall()).toBe(false);
    expect(updater.installs).toEqual([]);
    expect(controller.state).toMatchObject({ status: 'ready', message: expect.stringContaining('postponed') });
  });

  it('treats a failing export like a refusal', async () => {
    const { updater, controller, window } = setup({ prepare: () => Promise.reject(new Error('renderer gone')) });
    controller.start();
    updater.emit('update-downloaded', info('0.2.0'));
    window.idleMs = 60 * min;
    expect(await controller.maybeInstall()).toBe(false);
    expect(updater.installs).toEqual([]);
  });

  it('keeps a ready update through a later error, and reports errors otherwise', () => {
    const { updater, controller } = setup();
    controller.start();
    updater.emit('error', new Error('ENOTFOUND yizhan.example.cn'));
    expect(controller.state).toMatchObject({ status: 'error', message: 'ENOTFOUND yizhan.example.cn' });
    updater.emit('update-downloaded', info('0.2.0'));
    updater.emit('error', new Error('later'));
    expect(controller.state.status).toBe('ready');
  });

  it('is disabled without a feed or where self-update cannot work', async () => {
    for (const o of [{ feedUrl: null }, { supported: false }]) {
      const { updater, controller } = setup(o);
      controller.start();
      expect(controller.state.status).toBe('disabled');
      expect(updater.feed).toBeNull();
      await controller.check();
      expect(updater.checks).toBe(0);
    }
  });
});

describe('install policy', () => {
  it('waits a minute of idle after hours and ten within them', () => {
    expect(installAllowed({ idleMs: 59_999, withinOpeningHours: false })).toBe(false);
    expect(installAllowed({ idleMs: 60_000, withinOpeningHours: false })).toBe(true);
    expect(installAllowed({ idleMs: 9 * min, withinOpeningHours: true })).toBe(false);
    expect(installAllowed({ idleMs: 10 * min, withinOpeningHours: true })).toBe(true);
  });

  it('self-updates the Windows installer and the AppImage; a .deb is updated by apt', () => {
    expect(selfUpdateSupported('win32', {})).toBe(true);
    expect(selfUpdateSupported('linux', { APPIMAGE: '/opt/y.AppImage' })).toBe(true);
    expect(selfUpdateSupported('linux', {})).toBe(false);
    expect(selfUpdateSupported('darwin', {})).toBe(false);
  });
});
