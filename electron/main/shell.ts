import type { App, CommandLine, PowerMonitor, PowerSaveBlocker, Protocol, Session } from 'electron';
import { randomUUID, pbkdf2 } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import type { PublicConfig, Setup, StorageHealth } from '../common/bridge.ts';
import { joinsAnew, updateFeedUrl } from '../common/config.ts';
import { isWithinOpeningHours, type OpeningSchedule } from '../common/opening-hours.ts';
import { type DeriveKey, PinGate } from '../common/technician.ts';
import { Activity, localDay, nightlyReloadDue } from './activity.ts';
import { APP_ENTRY, createAppProtocolHandler, installAppProtocol, isAppUrl, registerAppScheme } from './app-protocol.ts';
import { installAutostart } from './autostart.ts';
import { type LoadedConfig, loadStationConfig, publicConfig, setupLayer } from './config.ts';
import { contentSecurityPolicy } from '../common/csp.ts';
import { CredentialStore, type SafeStorageLike } from './credentials.ts';
import { writeFileAtomic } from './files.ts';
import { createHandlers } from './handlers.ts';
import { type IpcHandle, sendEvent, serveIpc } from './ipc.ts';
import { type LockableContents, lockDownContents } from './lockdown.ts';
import { RotatingLog } from './log.ts';
import { guardAllContents, type NavigableContents } from './navigation.ts';
import { enforceCsp, type HeaderFilter, restrictNetwork, serverOrigins, type RequestFilter } from './network.ts';
import { OUT_OF_SERVICE_URL, servicePages } from './out-of-service.ts';
import { pinUserData } from './paths.ts';
import { lockDownPermissions, type PermissionSession } from './permissions.ts';
import { ScreenKeeper } from './power-save.ts';
import { RecoveryPolicy, type SupervisedContents, superviseRenderer } from './recovery.ts';
import { claimSingleInstance } from './single-instance.ts';
import { checkStorage, type DiskProbe, nodeDiskProbe, StorageMonitor } from './storage-health.ts';
import { selfUpdateSupported, UpdateController, type Updater } from './updates.ts';
import { ExportRequests, writeUnsyncedExport } from './unsynced-export.ts';
import { guardClose, openKioskWindow, showWhenReady, type WindowClass } from './window.ts';

export type KioskContents = LockableContents &
  SupervisedContents & {
    readonly id: number;
    loadURL(url: string): Promise<void>;
    send(channel: string, ...args: unknown[]): void;
    isDestroyed(): boolean;
  };

export interface KioskWindow {
  readonly webContents: KioskContents;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  setKiosk(flag: boolean): void;
  isKiosk(): boolean;
  setFullScreen(flag: boolean): void;
}

export type ShellApp = Pick<App, 'getPath' | 'setPath' | 'requestSingleInstanceLock' | 'quit' | 'whenReady' | 'isPackaged' | 'getVersion' | 'relaunch' | 'setLoginItemSettings'> & {
  commandLine: Pick<CommandLine, 'appendSwitch'>;
  on(event: 'second-instance', listener: () => void): unknown;
  on(event: 'web-contents-created', listener: (event: unknown, contents: NavigableContents) => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'before-quit', listener: () => void): unknown;
  on(event: 'child-process-gone', listener: (event: unknown, details: { type: string; reason: string }) => void): unknown;
};

export type ShellSession = PermissionSession & Pick<Session, 'flushStorageData'> & { webRequest: RequestFilter & HeaderFilter };

/** Every Electron object the shell uses, passed in by main.ts (and by the tests, as fakes). */
export interface ShellElectron {
  app: ShellApp;
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;
  /** session.defaultSession: only valid after `ready`. */
  defaultSession: () => ShellSession;
  BrowserWindow: WindowClass<KioskWindow>;
  ipcMain: IpcHandle;
  powerSaveBlocker: Pick<PowerSaveBlocker, 'start' | 'stop' | 'isStarted'>;
  safeStorage: SafeStorageLike;
  powerMonitor: Pick<PowerMonitor, 'getSystemIdleTime'>;
  setApplicationMenu: (menu: null) => void;
  /** electron-updater's autoUpdater, created on first use: only after `ready`, once userData is pinned. */
  updater: () => Updater;
}

export interface ShellEnvironment {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  arch: string;
  home: string;
  execPath: string;
  /** Where station.default.json is (process.resourcesPath when packaged). */
  resourcesPath: string;
  /** The folder holding main.cjs, preload.cjs and renderer/ (app.asar when packaged). */
  appDir: string;
  versions: Record<string, string>;
  uptimeSeconds: () => number;
  readText: (path: string) => string | null;
  disk?: DiskProbe;
  now?: () => Date;
  echo?: (line: string) => void;
}

const deriveNode: DeriveKey = (pin, salt, iterations, length) =>
  new Promise((resolve, reject) => pbkdf2(pin, salt, iterations, length, 'sha256', (error, key) => (error ? reject(error) : resolve(new Uint8Array(key)))));

export interface Shell {
  readonly log: RotatingLog;
  readonly ready: Promise<void>;
  window(): KioskWindow | null;
  config(): LoadedConfig;
  /** Stops the shell's timers (tests; a real shell runs until the process ends). */
  stop(): void;
}

/**
 * Wires the kiosk shell. The order matters and is tested: userData is pinned first, then the single-instance
 * lock, the app:// scheme and every guard that must exist before `ready`; the window, the protocol handler,
 * the session's permission and network rules, IPC, updates and timers after it.
 */
export const startShell = (electron: ShellElectron, e: ShellEnvironment): Shell | null => {
  const { app } = electron;
  const now = e.now ?? (() => new Date());
  // 1. Before anything else reads it: where the station's data lives.
  const paths = pinUserData(app, e.env);
  const production = app.isPackaged;
  const log = new RotatingLog({ dir: paths.logs, echo: production ? undefined : e.echo });
  let win: KioskWindow | null = null;
  const bringToFront = () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  };
  // 2. One kiosk per tablet.
  if (!claimSingleInstance(app, bringToFront)) return null;
  log.info(`starting ${app.getVersion()} (electron ${e.versions.electron ?? '?'}) on ${e.platform}/${e.arch}; data in ${paths.userData}`);

  // 3. Before ready: the privileged scheme, guards on every WebContents to come, touch behaviour.
  registerAppScheme(electron.protocol);
  guardAllContents(app, log.warn);
  app.commandLine.appendSwitch('overscroll-history-navigation', '0');

  let loaded = loadStationConfig({ env: e.env, platform: e.platform, resourcesPath: e.resourcesPath, setupPath: paths.setupConfig, readText: e.readText });
  for (const problem of loaded.problems) log.warn(`config: ${problem}`);
  const gate = () => new PinGate({ pinHash: loaded.config.pinHash, derive: deriveNode });
  let pinGate = gate();

  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => app.quit());
  app.on('child-process-gone', (_event, details) => log.warn(`child process gone: ${details.type} (${details.reason})`));

  const activity = new Activity();
  const screen = new ScreenKeeper(electron.powerSaveBlocker, loaded.config.openingHours, log.info);
  const contents = () => (win && !win.webContents.isDestroyed() ? win.webContents : null);
  const emit = <E extends Parameters<typeof sendEvent>[1]>(event: E, payload: Parameters<typeof sendEvent<E>>[2]) => {
    try {
      return sendEvent(contents(), event, payload);
    } catch (error) {
      log.error(String(error));
      return false;
    }
  };
  const idleMs = () => activity.idleMs(now().getTime(), electron.powerMonitor.getSystemIdleTime() * 1000);
  // The config's opening hours until the renderer reports the synced station settings' ones.
  let schedule: OpeningSchedule | null = loaded.config.openingHours;
  const stops: Array<() => void> = [];
  const exportRequests = new ExportRequests({ send: (requestId) => emit('export:request', { requestId }), newId: randomUUID });

  const ready = app.whenReady().then(() => {
    electron.setApplicationMenu(null);
    const session = electron.defaultSession();
    lockDownPermissions(session, log.warn);
    restrictNetwork(session.webRequest, () => serverOrigins(loaded.config.serverUrl), { development: !production, log: log.warn });
    const csp = () => contentSecurityPolicy({ connect: serverOrigins(loaded.config.serverUrl) });
    enforceCsp(session.webRequest, csp);
    installAppProtocol(
      electron.protocol,
      createAppProtocolHandler({
        root: join(e.appDir, 'renderer'),
        files: { realpath: (p) => fsp.realpath(p), stat: (p) => fsp.stat(p), readFile: (p) => fsp.readFile(p) },
        csp,
        servicePages,
        log: log.warn,
      }),
    );

    const credentials = new CredentialStore(electron.safeStorage, paths.credential, e.platform, log.warn);
    const storage = new StorageMonitor({
      check: () => checkStorage(paths.userData, e.disk ?? nodeDiskProbe, now()),
      onChange: (health: StorageHealth) => {
        (health.level === 'ok' ? log.info : log.warn)(`storage ${health.level}: ${health.message ?? 'fine again'}`);
        emit('storage:warning', health);
      },
    });
    storage.start();
    stops.push(() => storage.stop());

    const flush = () => {
      try {
        session.flushStorageData();
      } catch (error) {
        log.warn(`flushStorageData: ${String(error)}`);
      }
    };
    const exportUnsynced = async () => {
      const file = writeUnsyncedExport(paths.exports, await exportRequests.request(), now());
      log.info(`unsynced records exported: ${file.count} to ${file.path ?? file.fileName}`);
      return file;
    };
    const updates = new UpdateController({
      updater: electron.updater(),
      feedUrl: updateFeedUrl(loaded.config),
      supported: production && selfUpdateSupported(e.platform, e.env),
      log,
      now,
      onState: (state) => emit('update:state', state),
      installWindow: () => ({ idleMs: idleMs(), withinOpeningHours: withinHours() }),
      prepareInstall: async () => {
        await exportUnsynced();
        flush();
        quitting = true;
        return true;
      },
    });
    const withinHours = () => schedule === null || isWithinOpeningHours(now(), schedule);

    const relaunch = () => {
      flush();
      quitting = true;
      app.relaunch();
      app.quit();
    };

    win = openKioskWindow(electron.BrowserWindow, { preload: join(e.appDir, 'preload.cjs'), production });
    const w = win;
    guardClose(w, () => quitting || !w.isKiosk(), log.warn);
    showWhenReady(w);
    lockDownContents(w.webContents, { production, onTechnician: () => emit('technician:requested', {}), log: log.warn });
    // The check at start ran before there was a page to tell: repeat a warning once the app has loaded.
    w.webContents.on('did-finish-load', () => {
      const health = storage.latest;
      if (health && health.level !== 'ok' && isAppUrl(w.webContents.getURL())) emit('storage:warning', health);
    });
    const loadApp = () => {
      w.webContents.loadURL(APP_ENTRY).catch((error: unknown) => log.warn(`load: ${String(error)}`));
    };
    const supervisor = superviseRenderer(w.webContents, {
      policy: new RecoveryPolicy(),
      now: () => now().getTime(),
      loadApp,
      showOutOfService: () => {
        w.webContents.loadURL(OUT_OF_SERVICE_URL).catch(() => undefined);
      },
      isAppUrl,
      log: log.warn,
    });
    stops.push(() => supervisor.dispose());

    serveIpc(
      electron.ipcMain,
      createHandlers({
        now,
        app: { version: app.getVersion(), versions: e.versions, platform: e.platform, arch: e.arch, uptimeSeconds: e.uptimeSeconds },
        config: () => loaded,
        saveSetup: (setup: Setup) => {
          const before = loaded.config;
          writeFileAtomic(paths.setupConfig, `${JSON.stringify(setupLayer(setup), null, 2)}\n`, 0o600);
          loaded = loadStationConfig({ env: e.env, platform: e.platform, resourcesPath: e.resourcesPath, setupPath: paths.setupConfig, readText: e.readText });
          // Dropped only once the new setup is on disk, and before the renderer hears of it.
          if (joinsAnew(before, loaded.config)) {
            credentials.clear();
            log.warn('station credential dropped: a new server or code (re-enrolment)');
          }
          // The page's CSP (connect-src) was fixed when it loaded: a new server needs a new page. Until then the
          // old CSP blocks any call to it, so no one-time code is spent by a page about to go.
          if (serverOrigins(before.serverUrl).join() !== serverOrigins(loaded.config.serverUrl).join()) {
            log.info('new server: reloading the app for its CSP');
            setTimeout(() => {
              flush();
              loadApp();
            }, 500);
          }
          // A new PIN hash needs a new gate; otherwise the technician's session goes on (to correct a refused code).
          if (loaded.config.pinHash !== before.pinHash) pinGate = gate();
          const view: PublicConfig = publicConfig(loaded);
          emit('config:changed', view);
          return loaded;
        },
        get gate() {
          return pinGate;
        },
        log,
        storage: () => storage.latest ?? storage.run(),
        credentials,
        updates,
        reportIdle: (idle) => {
          activity.report(idle, now().getTime());
          if (idle) void updates.maybeInstall();
        },
        reportSchedule: (s) => {
          schedule = s;
          screen.setSchedule(s, now());
        },
        exports: exportRequests,
        exportDir: paths.exports,
        kiosk: {
          isKiosk: () => w.isKiosk(),
          restart: relaunch,
          leave: () => {
            w.setKiosk(false);
            w.setFullScreen(false);
          },
        },
      }),
      { kioskContentsId: () => contents()?.id ?? null, technicianUnlocked: () => pinGate.isUnlocked(now().getTime()), log: log.warn },
    );

    loadApp();
    screen.update(now());
    updates.start();
    stops.push(() => updates.stop());
    log.info(`autostart: ${installAutostart({ app, platform: e.platform, env: e.env, home: e.home, execPath: e.execPath, log: log.info })}`);

    let lastNightly: string | null = localDay(now());
    const minute = setInterval(() => {
      const t = now();
      screen.update(t);
      void updates.maybeInstall();
      if (nightlyReloadDue({ now: t, window: loaded.config.nightlyReload, lastDay: lastNightly, idleMs: idleMs() })) {
        lastNightly = localDay(t);
        log.info('nightly reload');
        flush();
        loadApp();
      }
    }, 60_000);
    stops.push(() => clearInterval(minute));
  });
  ready.catch((error: unknown) => log.error(`start failed: ${String(error)}`));

  return {
    log,
    ready,
    window: () => win,
    config: () => loaded,
    stop: () => {
      for (const stop of stops.splice(0)) stop();
    },
  };
};
