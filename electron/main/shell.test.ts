// @vitest-environment node
import { pbkdf2Sync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UnsyncedExport } from '../common/bridge.ts';
import { type DeriveKey, hashPin } from '../common/technician.ts';
import { type Shell, type ShellElectron, startShell } from './shell.ts';
import type { DiskProbe } from './storage-health.ts';
import {
  FakeApp,
  FakeEvent,
  FakeIpcMain,
  FakePowerSaveBlocker,
  FakeProtocol,
  FakeSafeStorage,
  FakeSession,
  FakeUpdater,
  FakeWindow,
  keyInput,
  senderEvent,
} from './testing/fakes.ts';

let dir: string;
let shell: Shell | null = null;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'yz-shell-'));
  mkdirSync(join(dir, 'app', 'renderer'), { recursive: true });
  writeFileSync(join(dir, 'app', 'renderer', 'index.html'), '<!doctype html><title>kiosk</title>');
  mkdirSync(join(dir, 'resources'));
  writeFileSync(join(dir, 'resources', 'station.default.json'), readFileSync('electron/resources/station.default.json'));
});
afterEach(() => {
  shell?.stop();
  shell = null;
  rmSync(dir, { recursive: true, force: true });
});

const readOrNull = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

const PIN = '13572468';
const nodeDerive: DeriveKey = async (pin, salt, iterations, length) => new Uint8Array(pbkdf2Sync(pin, salt, iterations, length, 'sha256'));

const boot = (options: { lock?: boolean; env?: Record<string, string>; files?: Record<string, string>; start?: Date; disk?: DiskProbe; platform?: NodeJS.Platform } = {}) => {
  const app = new FakeApp();
  app.lock = options.lock ?? true;
  const protocol = new FakeProtocol(app.calls);
  const session = new FakeSession();
  const ipcMain = new FakeIpcMain();
  const blocker = new FakePowerSaveBlocker();
  const updater = new FakeUpdater();
  const windows: FakeWindow[] = [];
  const menus: unknown[] = [];
  // Linux runs under --password-store=basic (switches.ts), so Chromium selects its basic_text backend there.
  const safeStorage = new FakeSafeStorage(true, (options.platform ?? 'linux') === 'linux' ? 'basic_text' : 'unknown');
  let t = (options.start ?? new Date('2025-01-06T18:00:00Z')).getTime();
  const electron: ShellElectron = {
    app,
    protocol,
    defaultSession: () => {
      if (!app.calls.includes('ready')) throw new Error('session used before ready');
      return session;
    },
    BrowserWindow: class extends FakeWindow {
      constructor(options: ConstructorParameters<typeof FakeWindow>[0]) {
        super(options);
        windows.push(this);
      }
    },
    ipcMain,
    powerSaveBlocker: blocker,
    safeStorage,
    powerMonitor: { getSystemIdleTime: () => 0 },
    setApplicationMenu: (menu) => menus.push(menu),
    updater: () => {
      if (!app.calls.includes('ready')) throw new Error('updater created before ready');
      return updater;
    },
  };
  const files = options.files ?? {};
  shell = startShell(electron, {
    env: { YIZHAN_USER_DATA: join(dir, 'userData'), XDG_CONFIG_HOME: join(dir, 'xdg'), ...options.env },
    platform: options.platform ?? 'linux',
    arch: 'x64',
    home: dir,
    execPath: '/opt/Yizhan/yizhan-kiosk',
    resourcesPath: join(dir, 'resources'),
    appDir: join(dir, 'app'),
    versions: { electron: '41.7.1', chrome: '146', node: '24' },
    uptimeSeconds: () => 12,
    // The fake system files, and the real files the shell itself writes under the temp folder.
    readText: (path) => files[path] ?? (path.startsWith(dir) ? readOrNull(path) : null),
    now: () => new Date(t),
    ...(options.disk ? { disk: options.disk } : {}),
  });
  const win = () => {
    const w = windows[0];
    if (!w) throw new Error('no window yet');
    return w;
  };
  const call = (channel: string, raw?: unknown) => ipcMain.invoke(channel, senderEvent(win().webContents, 'app://kiosk/index.html'), raw ?? {});
  return { app, protocol, session, ipcMain, blocker, updater, safeStorage, windows, menus, win, call, advance: (ms: number) => (t += ms) };
};

/** Electron is ready and the shell has done everything it does on `ready`. */
const started = async (app: FakeApp) => {
  await app.ready();
  await shell?.ready;
};

const provisioned = {
  '/etc/yizhan/station.json': JSON.stringify({ stationId: 'hq-07', stationName: '幸福里', serverUrl: 'https://yizhan.example.cn', enrolmentCode: 'K7Q2-9XPM' }),
};

describe('startShell, before ready', () => {
  it('pins userData first, then takes the single-instance lock, then registers app:// — all before ready', async () => {
    const { app, protocol } = boot();
    expect(app.calls).toEqual(['setPath:userData', 'setPath:sessionData', 'requestSingleInstanceLock', 'registerSchemesAsPrivileged']);
    expect(protocol.schemes[0]?.scheme).toBe('app');
    expect(app.count('web-contents-created')).toBe(1);
    await started(app);
  });

  it('gives Chromium on Linux its speech (speech-dispatcher) and a password store that never shows a keyring dialog', async () => {
    const { app } = boot();
    expect(app.switches).toEqual([['overscroll-history-navigation', '0'], ['enable-speech-dispatcher', undefined], ['password-store', 'basic']]);
    await started(app);
  });

  it('on Windows leaves speech (SAPI) and the credential (DPAPI) to the system', async () => {
    const { app } = boot({ platform: 'win32' });
    expect(app.switches).toEqual([['overscroll-history-navigation', '0']]);
    await started(app);
  });

  it('lets no service worker in: app:// may not register one, and one left by an older release is cleared before the app loads', async () => {
    const { app, protocol, session, windows } = boot();
    expect(protocol.schemes[0]?.privileges).toMatchObject({ standard: true, secure: true, allowServiceWorkers: false });
    const windowsAtClear: number[] = [];
    const clear = session.clearStorageData.bind(session);
    session.clearStorageData = (options) => {
      windowsAtClear.push(windows.length);
      return clear(options);
    };
    await started(app);
    // Exactly these two: IndexedDB and localStorage hold the station's records.
    expect(session.cleared).toEqual([['serviceworkers', 'cachestorage']]);
    expect(windowsAtClear).toEqual([0]);
    expect(windows[0]?.webContents.loads).toEqual(['app://kiosk/index.html']);
  });

  it('a second instance quits without touching anything else', () => {
    const { app, protocol } = boot({ lock: false });
    expect(shell).toBeNull();
    expect(app.quitCalls).toBe(1);
    expect(protocol.schemes).toEqual([]);
  });
});

describe('startShell, after ready', () => {
  it('opens one locked-down kiosk window on app:// and wires every guard', async () => {
    const { app, protocol, session, ipcMain, blocker, windows, menus, win } = boot();
    expect(windows).toHaveLength(0);
    await started(app);
    expect(menus).toEqual([null]);
    expect(windows).toHaveLength(1);
    const w = win();
    expect(w.options).toMatchObject({ kiosk: true, fullscreen: true, show: false });
    expect(w.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false, preload: join(dir, 'app', 'preload.cjs') });
    expect(w.webContents.loads).toEqual(['app://kiosk/index.html']);
    expect(w.webContents.zoomLimits).toEqual([1, 1]);
    expect(session.permissionRequest).not.toBeNull();
    expect(session.permissionCheck).not.toBeNull();
    expect(session.allows('https://evil.example/')).toBe(false);
    expect(protocol.handlers.has('app')).toBe(true);
    expect(ipcMain.handlers.size).toBeGreaterThan(10);
    expect(blocker.active.size).toBe(1);
    expect(w.webContents.count('render-process-gone')).toBe(1);
    expect(readdirSync(join(dir, 'xdg', 'autostart'))).toEqual(['yizhan-kiosk.desktop']);
    // The window shows itself once ready, and does not close while in kiosk mode.
    w.emit('ready-to-show');
    expect(w.shown).toBe(true);
    const close = new FakeEvent();
    w.emit('close', close);
    expect(close.defaultPrevented).toBe(true);
  });

  it('serves the built renderer through the protocol handler, with the server in the CSP', async () => {
    const { app, protocol } = boot({ files: provisioned });
    await started(app);
    const response = await protocol.handlers.get('app')?.(new Request('app://kiosk/'));
    expect(response?.status).toBe(200);
    expect(response?.headers.get('content-security-policy')).toContain('connect-src \'self\' https://yizhan.example.cn');
  });

  it('answers the bridge for the kiosk only, and keeps the PIN hash to itself', async () => {
    const { app, ipcMain, win, call } = boot({ files: provisioned });
    await started(app);
    const config = (await call('config:get')) as { ok: true; value: Record<string, unknown> };
    expect(config.value).toMatchObject({ shell: 'electron', provisioned: true, stationId: 'hq-07' });
    expect(JSON.stringify(config)).not.toContain('pbkdf2');
    expect(await ipcMain.invoke('config:get', senderEvent(win().webContents, 'https://evil.example/'), {})).toMatchObject({ code: 'forbidden-sender' });
    const diagnostics = (await call('diagnostics:get', { logLines: 5 })) as { ok: true; value: Record<string, unknown> };
    expect(diagnostics.value).toMatchObject({ shell: 'electron', kioskMode: true, stationId: 'hq-07', credential: 'none' });
    expect((diagnostics.value.recentLog as string[]).length).toBeGreaterThan(0);
  });

  it('ships no PIN: a fresh tablet opens to nobody until its PIN is set at first run, which opens the session', async () => {
    const { app, call } = boot();
    await started(app);
    expect(await call('config:get')).toMatchObject({ value: { technicianPinSet: false } });
    expect(await call('technician:unlock', { pin: '24681357' })).toMatchObject({ ok: true, value: { ok: false, reason: 'not-configured' } });
    expect(await call('technician:set-pin', { pin: PIN })).toMatchObject({ ok: true, value: { expiresAt: expect.any(String) } });
    expect(await call('technician:status')).toMatchObject({ value: { unlocked: true } });
    expect(await call('config:get')).toMatchObject({ value: { technicianPinSet: true, sources: ['default', 'setup'], problems: [] } });
    const saved = JSON.parse(readFileSync(join(dir, 'userData', 'station.setup.json'), 'utf8')) as { technician: { pinHash: string } };
    expect(saved.technician.pinHash).toMatch(/^pbkdf2-sha256\$210000\$/);
    expect(JSON.stringify(saved)).not.toContain(PIN);
    // Once set, nobody walking up can change it: that takes the session.
    await call('technician:lock');
    expect(await call('technician:set-pin', { pin: '1111' })).toMatchObject({ ok: false, code: 'technician-required' });
    expect(await call('technician:unlock', { pin: PIN })).toMatchObject({ value: { ok: true } });
  });

  it('leaves a PIN from the station file to whoever wrote it', async () => {
    const pinHash = await hashPin('97531', new Uint8Array(16).fill(7), nodeDerive);
    const { app, call } = boot({ files: { '/etc/yizhan/station.json': JSON.stringify({ technician: { pinHash } }) } });
    await started(app);
    expect(await call('technician:unlock', { pin: '97531' })).toMatchObject({ value: { ok: true } });
    expect(await call('technician:set-pin', { pin: PIN })).toMatchObject({ ok: false, code: 'unavailable', message: expect.stringContaining('station file') });
  });

  it('lets a technician in with the PIN, then out of kiosk mode, and restarts after flushing storage', async () => {
    const { app, session, win, call } = boot();
    await started(app);
    await call('technician:set-pin', { pin: PIN });
    await call('technician:lock');
    expect(await call('kiosk:leave')).toMatchObject({ ok: false, code: 'technician-required' });
    expect(await call('technician:unlock', { pin: '11111111' })).toMatchObject({ ok: true, value: { ok: false, reason: 'wrong-pin', attemptsLeft: 4 } });
    expect(await call('technician:unlock', { pin: PIN })).toMatchObject({ ok: true, value: { ok: true } });
    expect(await call('kiosk:leave')).toEqual({ ok: true, value: {} });
    expect(win().kiosk).toBe(false);
    expect(win().fullScreen).toBe(false);
    expect(await call('kiosk:restart')).toEqual({ ok: true, value: {} });
    expect(session.flushes).toBe(1);
    expect(app.relaunches).toBe(1);
    expect(app.quitCalls).toBe(1);
  });

  it('under the tablet service only quits, to restart and to install: the service starts it again', async () => {
    const { app, updater, win, call, advance } = boot({ files: provisioned, env: { APPIMAGE: '/home/kiosk/Yizhan.AppImage', YIZHAN_RESTARTED_BY: 'systemd' } });
    await started(app);
    await call('technician:set-pin', { pin: PIN });
    expect(await call('kiosk:restart')).toEqual({ ok: true, value: {} });
    expect(app.relaunches).toBe(0);
    expect(app.quitCalls).toBe(1);
    updater.centre = { version: '0.2.0' };
    updater.emit('update-downloaded', { version: '0.2.0', files: [], path: '', sha512: '', releaseDate: '2025-01-06' });
    await call('activity:report', { idle: true });
    advance(11 * 60_000);
    await call('activity:report', { idle: true });
    const request = await vi.waitFor(() => {
      const sent = win().webContents.sent.find((m) => m.channel === 'export:request');
      if (!sent) throw new Error('no export requested yet');
      return sent.args[0] as { requestId: string };
    });
    await call('export:deliver', { requestId: request.requestId, export: { format: 'yizhan-unsynced-v1', exportedAt: '2025-01-06T18:11:00.000Z', stationId: 'hq-07', pushedSeq: 0, records: [] } });
    await vi.waitFor(() => expect(updater.installs).toEqual([[true, false]]));
  });

  it('exports the logs and the unsynced records for the technician, into userData/exports', async () => {
    const { app, win, call } = boot({ files: provisioned });
    await started(app);
    await call('logs:write', { level: 'error', message: 'sync failed: 503' });
    await call('technician:set-pin', { pin: PIN });
    const logs = (await call('logs:export')) as { ok: true; value: { path: string; count: number } };
    expect(logs.value.path).toContain(join('userData', 'exports', 'logs-hq-07-'));
    expect(readFileSync(logs.value.path, 'utf8')).toContain('ERROR renderer: sync failed: 503');
    const pending = call('records:export-unsynced');
    const request = await vi.waitFor(() => {
      const sent = win().webContents.sent.find((m) => m.channel === 'export:request');
      if (!sent) throw new Error('no export requested yet');
      return sent.args[0] as { requestId: string };
    });
    const data: UnsyncedExport = { format: 'yizhan-unsynced-v1', exportedAt: '2025-01-06T18:00:00.000Z', stationId: 'hq-07', pushedSeq: 0, records: [] };
    await call('export:deliver', { requestId: request.requestId, export: data });
    expect(await pending).toMatchObject({ ok: true, value: { count: 0, fileName: expect.stringMatching(/^unsynced-hq-07-/) } });
  });

  it('keeps the credential with safeStorage, and hands it to the updater for the release channel', async () => {
    const { app, call, updater } = boot({ files: provisioned, env: { APPIMAGE: '/home/kiosk/Yizhan.AppImage' } });
    await started(app);
    expect(updater.requestHeaders).toBeNull();
    expect(updater.checks).toBe(0);
    expect(await call('credential:set', { token: 'station-token-0123456789' })).toEqual({ ok: true, value: { protection: 'basic-text' } });
    expect(await call('credential:get')).toEqual({ ok: true, value: { token: 'station-token-0123456789', protection: 'basic-text' } });
    expect(readFileSync(join(dir, 'userData', 'station.credential'), 'utf8')).not.toContain('station-token');
    expect(updater.requestHeaders).toEqual({ authorization: 'Bearer station-token-0123456789' });
    expect(updater.checks).toBe(1);
    await call('technician:set-pin', { pin: PIN });
    await call('credential:clear');
    expect(updater.requestHeaders).toBeNull();
  });

  it('reads the credential once, however often the sync engine asks for it', async () => {
    const { app, call, safeStorage } = boot();
    await started(app);
    await call('credential:set', { token: 'station-token-0123456789' });
    const before = safeStorage.decrypts;
    for (let round = 0; round < 10; round += 1) expect(await call('credential:get')).toMatchObject({ value: { token: 'station-token-0123456789' } });
    await call('diagnostics:get', {});
    expect(safeStorage.decrypts).toBe(before);
  });

  it('checks for updates as often as the station config says', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const files = { '/etc/yizhan/station.json': JSON.stringify({ ...JSON.parse(provisioned['/etc/yizhan/station.json']), updates: { checkEveryHours: 6 } }) };
      const { app, call, updater } = boot({ files, env: { APPIMAGE: '/home/kiosk/Yizhan.AppImage' } });
      await started(app);
      await call('credential:set', { token: 'station-token-0123456789' });
      expect(updater.checks).toBe(1);
      vi.advanceTimersByTime(5 * 60 * 60_000);
      expect(updater.checks).toBe(1);
      vi.advanceTimersByTime(60 * 60_000);
      expect(updater.checks).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('passes the technician key combination on to the renderer', async () => {
    const { app, win } = boot();
    await started(app);
    win().webContents.emit('before-input-event', new FakeEvent(), keyInput('T', { control: true, alt: true, shift: true, code: 'KeyT' }));
    expect(win().webContents.sent).toContainEqual({ channel: 'technician:requested', args: [{}] });
  });

  it('follows the opening hours the renderer reports', async () => {
    const { app, blocker, call } = boot();
    await started(app);
    expect(blocker.active.size).toBe(1);
    const schedule = { hours: { open: '03:00', close: '03:01' }, eveningHour: { start: '03:02', end: '03:03' }, redWeekend: { weekdays: [], start: '03:00', end: '03:01' } };
    expect(await call('schedule:report', { schedule })).toEqual({ ok: true, value: {} });
    expect(blocker.active.size).toBe(0);
  });

  it('installs a downloaded update only between residents, after exporting the unsynced records to a file', async () => {
    const { app, updater, session, win, call, advance } = boot({ files: provisioned, env: { APPIMAGE: '/home/kiosk/Yizhan.AppImage' } });
    await started(app);
    expect(updater.feed).toEqual({ provider: 'generic', url: 'https://yizhan.example.cn/updates' });
    await call('credential:set', { token: 'station-token-0123456789' });
    updater.centre = { version: '0.2.0' };
    updater.emit('update-downloaded', { version: '0.2.0', files: [], path: '', sha512: '', releaseDate: '2025-01-06' });
    expect(win().webContents.sent.filter((m) => m.channel === 'update:state').at(-1)?.args[0]).toMatchObject({ status: 'ready', version: '0.2.0' });

    await call('activity:report', { idle: false });
    await call('activity:report', { idle: true });
    expect(updater.installs).toEqual([]);
    advance(11 * 60_000);
    await call('activity:report', { idle: true });
    const request = await vi.waitFor(() => {
      const sent = win().webContents.sent.find((m) => m.channel === 'export:request');
      if (!sent) throw new Error('no export requested yet');
      return sent.args[0] as { requestId: string };
    });
    expect(updater.installs).toEqual([]);
    const data: UnsyncedExport = {
      format: 'yizhan-unsynced-v1',
      exportedAt: '2025-01-06T18:11:00.000Z',
      stationId: 'hq-07',
      pushedSeq: 3,
      records: [{ seq: 4, kind: 'visit', id: '0190a000-0000-7000-8000-000000000004', record: { kind: 'visit' } }],
    };
    expect(await call('export:deliver', { requestId: request.requestId, export: data })).toEqual({ ok: true, value: {} });
    await vi.waitFor(() => expect(updater.installs).toEqual([[true, true]]));
    const exports = readdirSync(join(dir, 'userData', 'exports'));
    expect(exports).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(dir, 'userData', 'exports', exports[0] ?? ''), 'utf8'))).toEqual(data);
    expect(session.flushes).toBe(1);
    const close = new FakeEvent();
    win().emit('close', close);
    expect(close.defaultPrevented).toBe(false);
  });

  it('saves the first-run setup behind the PIN, keeps the PIN with it, and tells the renderer', async () => {
    const { app, win, call } = boot();
    await started(app);
    const setup = { stationId: 'new-01', stationName: '新站', serverUrl: 'https://yizhan.example.cn', enrolmentCode: 'NEW-0001' };
    expect(await call('setup:save', setup)).toMatchObject({ ok: false, code: 'technician-required' });
    await call('technician:set-pin', { pin: PIN });
    expect(await call('setup:save', setup)).toMatchObject({ ok: true, value: { provisioned: true, stationId: 'new-01', sources: ['default', 'setup'], technicianPinSet: true } });
    expect(JSON.parse(readFileSync(join(dir, 'userData', 'station.setup.json'), 'utf8'))).toMatchObject({ ...setup, technician: { pinHash: expect.any(String) } });
    expect(win().webContents.sent.some((m) => m.channel === 'config:changed')).toBe(true);
    // The session goes on through the save (a refused code is corrected without the PIN again), and the PIN holds.
    expect(await call('technician:status')).toMatchObject({ value: { unlocked: true } });
    await call('technician:lock');
    expect(await call('technician:unlock', { pin: PIN })).toMatchObject({ value: { ok: true } });
  });

  it('keeps the token and the page when a setup changes only the name', async () => {
    const { app, win, call } = boot();
    await started(app);
    await call('technician:set-pin', { pin: PIN });
    const setup = { stationId: 'new-01', stationName: '新站', serverUrl: 'https://one.example.cn', enrolmentCode: 'NEW-0001' };
    await call('setup:save', setup);
    await call('credential:set', { token: 'station-token-0123456789' });
    const loads = win().webContents.loads.length;
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      await call('setup:save', { ...setup, stationName: '新站（改名）' });
      vi.advanceTimersByTime(1000);
    } finally {
      vi.useRealTimers();
    }
    expect(win().webContents.loads).toHaveLength(loads);
    expect(await call('credential:get')).toMatchObject({ value: { token: 'station-token-0123456789' } });
  });

  it('drops the token and reloads the page for its CSP, after flushing storage, when a setup names a new server', async () => {
    const { app, win, call, session, updater } = boot({ env: { APPIMAGE: '/home/kiosk/Yizhan.AppImage' } });
    await started(app);
    await call('technician:set-pin', { pin: PIN });
    await call('setup:save', { stationId: 'new-01', stationName: '新站', serverUrl: 'https://one.example.cn', enrolmentCode: 'NEW-0001' });
    await new Promise((r) => setTimeout(r, 600));
    await call('credential:set', { token: 'station-token-0123456789' });
    const loads = win().webContents.loads.length;
    const flushes = session.flushes;
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      await call('setup:save', { stationId: 'new-01', stationName: '新站', serverUrl: 'https://two.example.cn', enrolmentCode: 'NEW-0002' });
      // Dropped at once; the page goes only after the renderer has had the answer.
      expect(await call('credential:get')).toEqual({ ok: true, value: { token: null, protection: 'none' } });
      // The technician's session goes on: a refused code can be corrected without the PIN again.
      expect(await call('technician:status')).toMatchObject({ value: { unlocked: true } });
      expect(win().webContents.loads).toHaveLength(loads);
      vi.advanceTimersByTime(1000);
    } finally {
      vi.useRealTimers();
    }
    expect(win().webContents.loads).toHaveLength(loads + 1);
    expect(session.flushes).toBe(flushes + 1);
    // Updates come from the new centre too.
    expect(updater.feed).toEqual({ provider: 'generic', url: 'https://two.example.cn/updates' });
  });

  it('reloads once at night when nobody has used the kiosk for a while, after flushing storage', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const { app, session, win, call, advance } = boot({ start: new Date(2025, 0, 5, 22, 0) });
      await started(app);
      await call('activity:report', { idle: true });
      advance(3 * 60 * 60_000 + 50 * 60_000); // 01:50 the next night: not yet
      vi.advanceTimersByTime(60_000);
      expect(win().webContents.loads).toEqual(['app://kiosk/index.html']);
      advance(30 * 60_000); // 02:20, idle for hours
      vi.advanceTimersByTime(60_000);
      expect(win().webContents.loads).toEqual(['app://kiosk/index.html', 'app://kiosk/index.html']);
      expect(session.flushes).toBe(1);
      advance(30 * 60_000);
      vi.advanceTimersByTime(60_000);
      expect(win().webContents.loads).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('warns the renderer about a filling disk once the app has loaded', async () => {
    const { app, win } = boot({ disk: { space: () => ({ freeBytes: 600 * 1024 ** 2, totalBytes: 32 * 1024 ** 3 }), writable: () => true } });
    await started(app);
    expect(win().webContents.sent.some((m) => m.channel === 'storage:warning')).toBe(false);
    win().webContents.emit('did-finish-load');
    expect(win().webContents.sent.find((m) => m.channel === 'storage:warning')?.args[0]).toMatchObject({ level: 'low' });
    expect(readFileSync(join(dir, 'userData', 'logs', 'kiosk.log'), 'utf8')).toMatch(/WARN {2}storage low/);
  });
});
