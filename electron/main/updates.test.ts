// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UpdateState } from '../common/bridge.ts';
import type { Logger } from './log.ts';
import { FakeUpdater } from './testing/fakes.ts';
import { type InstallWindow, installAllowed, selfUpdateSupported, UpdateController } from './updates.ts';

const min = 60_000;
const silent: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const info = (version: string) => ({ version, files: [], path: '', sha512: '', releaseDate: '2025-01-06' });

const TOKEN = 'yz1_station-token-0123456789abcdefghij';
const noRelease = () => Object.assign(new Error('Cannot find channel "latest-linux.yml" update info: HttpError: 404'), { code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' });

/** The centre offered `version` and the station downloaded it. */
const downloaded = (updater: FakeUpdater, version: string) => {
  updater.centre = { version };
  updater.emit('update-downloaded', info(version));
};

const setup = (options: { feedUrl?: string | null; supported?: boolean; prepare?: () => Promise<boolean>; token?: string | null; checkEveryHours?: number } = {}) => {
  const updater = new FakeUpdater();
  const states: UpdateState[] = [];
  const window: InstallWindow = { idleMs: 0, withinOpeningHours: false };
  const order: string[] = [];
  const controller = new UpdateController({
    updater,
    feedUrl: options.feedUrl === undefined ? 'https://yizhan.example.cn/updates' : options.feedUrl,
    supported: options.supported ?? true,
    checkEveryMs: (options.checkEveryHours ?? 4) * 60 * min,
    runAfterInstall: true,
    log: silent,
    now: () => new Date('2025-01-06T02:00:00Z'),
    onState: (s) => states.push(s),
    installWindow: () => window,
    prepareInstall:
      options.prepare ??
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
  controller.setToken(options.token === undefined ? TOKEN : options.token);
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
    expect(updater.requestHeaders).toEqual({ authorization: `Bearer ${TOKEN}` });
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updater.allowDowngrade).toBe(false);
    expect(updater.checks).toBe(1);
    vi.advanceTimersByTime(4 * 60 * min);
    expect(updater.checks).toBe(2);
    controller.stop();
  });

  it('checks as often as the station config says', () => {
    const { updater, controller } = setup({ checkEveryHours: 12 });
    controller.start();
    vi.advanceTimersByTime(11 * 60 * min);
    expect(updater.checks).toBe(1);
    vi.advanceTimersByTime(60 * min);
    expect(updater.checks).toBe(2);
    controller.stop();
  });

  it('asks the centre nothing before enrolment, and checks as soon as the token arrives', () => {
    const { updater, controller } = setup({ token: null });
    controller.start();
    expect(updater.checks).toBe(0);
    expect(updater.requestHeaders).toBeNull();
    expect(controller.state).toMatchObject({ status: 'idle', message: expect.stringContaining('enrolment') });
    controller.setToken(TOKEN);
    expect(updater.requestHeaders).toEqual({ authorization: `Bearer ${TOKEN}` });
    expect(updater.checks).toBe(1);
    // A rotated token replaces the header without another check.
    controller.setToken(`${TOKEN}-rotated`);
    expect(updater.requestHeaders).toEqual({ authorization: `Bearer ${TOKEN}-rotated` });
    expect(updater.checks).toBe(1);
    controller.stop();
  });

  it('takes "no release for this station" calmly: idle, not an error', () => {
    const { updater, controller } = setup();
    controller.start();
    updater.emit('error', Object.assign(new Error('Cannot find channel "latest-linux.yml" update info: HttpError: 404'), { code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' }));
    expect(controller.state).toMatchObject({ status: 'idle', message: expect.stringContaining('no release') });
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
    downloaded(updater, '0.2.0');
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

  it('installs only a release the centre still offers: one pulled back after the download is dropped', async () => {
    const { updater, controller, window, order } = setup();
    controller.start();
    downloaded(updater, '0.2.0');
    window.idleMs = 60 * min;
    // release-pull: the station is offered the release before, the one it runs.
    updater.centre = { version: '0.1.0' };
    expect(await controller.maybeInstall()).toBe(false);
    expect(updater.installs).toEqual([]);
    expect(order).toEqual([]);
    expect(controller.state).toMatchObject({ status: 'idle', version: null });
    // The confirming check downloads nothing itself; the regular checks download again.
    expect(updater.checkedWithAutoDownload.at(-2)).toBe(false);
    expect(updater.autoDownload).toBe(true);

    // Nothing published for it any more, or a newer release in its place: not installed either.
    downloaded(updater, '0.2.0');
    updater.centre = noRelease();
    expect(await controller.maybeInstall()).toBe(false);
    downloaded(updater, '0.2.0');
    updater.centre = { version: '0.3.0' };
    expect(await controller.maybeInstall()).toBe(false);
    expect(updater.installs).toEqual([]);
    // ...and the newer one starts downloading at once.
    expect(controller.state).toMatchObject({ status: 'downloading', version: '0.3.0' });
  });

  it('waits to install while the centre cannot confirm the release, and installs once it does', async () => {
    const { updater, controller, window } = setup();
    controller.start();
    downloaded(updater, '0.2.0');
    window.idleMs = 60 * min;
    updater.centre = new Error('net::ERR_INTERNET_DISCONNECTED');
    expect(await controller.maybeInstall()).toBe(false);
    expect(controller.state).toMatchObject({ status: 'ready', version: '0.2.0', message: expect.stringContaining('postponed') });
    updater.centre = { version: '0.2.0' };
    expect(await controller.maybeInstall()).toBe(true);
    expect(updater.installs).toEqual([[true, true]]);
  });

  it('postpones the install when the unsynced records cannot be exported', async () => {
    const { updater, controller, window } = setup({ prepare: async () => false });
    controller.start();
    downloaded(updater, '0.2.0');
    window.idleMs = 60 * min;
    expect(await controller.maybeInstall()).toBe(false);
    expect(updater.installs).toEqual([]);
    expect(controller.state).toMatchObject({ status: 'ready', message: expect.stringContaining('postponed') });
  });

  it('treats a failing export like a refusal', async () => {
    const { updater, controller, window } = setup({ prepare: () => Promise.reject(new Error('renderer gone')) });
    controller.start();
    downloaded(updater, '0.2.0');
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
    for (const options of [{ feedUrl: null }, { supported: false }]) {
      const { updater, controller } = setup(options);
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
