import { pbkdf2, randomBytes, randomUUID } from 'node:crypto';
import { updateFeedUrl } from '../common/config.ts';
import { isWithinOpeningHours, type OpeningSchedule } from '../common/opening-hours.ts';
import type { DeriveKey } from '../common/technician.ts';
import { Activity } from './activity.ts';
import { registerAppScheme } from './app-protocol.ts';
import { installAutostart } from './autostart.ts';
import type { LoadedConfig } from './config.ts';
import { StationConfigStore } from './config-store.ts';
import { CredentialStore } from './credentials.ts';
import { createHandlers } from './handlers.ts';
import { sendEvent, serveIpc } from './ipc.ts';
import { type KioskWindow, openShellWindow, type ShellWindow } from './kiosk-window.ts';
import { Lifecycle, restartedBySupervisor } from './lifecycle.ts';
import { RotatingLog } from './log.ts';
import { startMinuteTick } from './minute-tick.ts';
import { guardAllContents } from './navigation.ts';
import { pinUserData } from './paths.ts';
import { ScreenKeeper } from './power-save.ts';
import { secureSession } from './session-policy.ts';
import { stationSetup } from './setup-effects.ts';
import { claimSingleInstance } from './single-instance.ts';
import { nodeDiskProbe, watchStorage } from './storage-health.ts';
import type { ShellElectron, ShellEnvironment } from './shell-types.ts';
import { applyKioskSwitches } from './switches.ts';
import { selfUpdateSupported, UpdateController } from './updates.ts';
import { ExportRequests, writeUnsyncedExport } from './unsynced-export.ts';

export type { KioskContents, KioskWindow } from './kiosk-window.ts';
export type { ShellSession } from './session-policy.ts';
export type { ShellApp, ShellElectron, ShellEnvironment } from './shell-types.ts';

export interface Shell {
  readonly log: RotatingLog;
  readonly ready: Promise<void>;
  window(): KioskWindow | null;
  config(): LoadedConfig;
  /** Stops the shell's timers (tests; a real shell runs until the process ends). */
  stop(): void;
}

/** PBKDF2 on libuv's thread pool: checking or setting a PIN never holds the window's thread. */
const deriveNode: DeriveKey = (pin, salt, iterations, length) =>
  new Promise((resolve, reject) => pbkdf2(pin, salt, iterations, length, 'sha256', (error, key) => (error ? reject(error) : resolve(new Uint8Array(key)))));

/**
 * Wires the kiosk shell; each behaviour is its own module. The order matters and is tested: userData is pinned
 * first, then the single-instance lock, the app:// scheme, the guards and Chromium's switches, all before
 * `ready`; after it the session's rules, the window, IPC, updates and the minute's checks.
 */
export const startShell = (electron: ShellElectron, environment: ShellEnvironment): Shell | null => {
  const { app } = electron;
  const now = environment.now ?? (() => new Date());
  const paths = pinUserData(app, environment.env);
  const production = app.isPackaged;
  const log = new RotatingLog({ dir: paths.logs, echo: production ? undefined : environment.echo });
  let shellWindow: ShellWindow | null = null;
  if (!claimSingleInstance(app, () => shellWindow?.bringToFront())) return null;
  log.info(`starting ${app.getVersion()} (electron ${environment.versions.electron ?? '?'}) on ${environment.platform}/${environment.arch}; data in ${paths.userData}`);

  registerAppScheme(electron.protocol);
  guardAllContents(app, log.warn);
  applyKioskSwitches(app.commandLine, environment.platform);
  app.on('child-process-gone', (_event, details) => log.warn(`child process gone: ${details.type} (${details.reason})`));

  const config = new StationConfigStore({
    environment: { env: environment.env, platform: environment.platform, resourcesPath: environment.resourcesPath, setupPath: paths.setupConfig, readText: environment.readText },
    derive: deriveNode,
    randomSalt: () => new Uint8Array(randomBytes(16)),
  });
  for (const problem of config.loaded.problems) log.warn(`config: ${problem}`);

  const activity = new Activity();
  const screen = new ScreenKeeper(electron.powerSaveBlocker, config.loaded.config.openingHours, log.info);
  // The config's opening hours until the renderer reports the synced station settings' ones.
  let schedule: OpeningSchedule | null = config.loaded.config.openingHours;
  const idleMs = () => activity.idleMs(now().getTime(), electron.powerMonitor.getSystemIdleTime() * 1000);
  const withinHours = () => schedule === null || isWithinOpeningHours(now(), schedule);
  const emit = <E extends Parameters<typeof sendEvent>[1]>(event: E, payload: Parameters<typeof sendEvent<E>>[2]) => {
    try {
      return sendEvent(shellWindow?.contents() ?? null, event, payload);
    } catch (error) {
      log.error(String(error));
      return false;
    }
  };
  const exportRequests = new ExportRequests({ send: (requestId) => emit('export:request', { requestId }), newId: randomUUID });
  const stops: Array<() => void> = [];

  const ready = app.whenReady().then(async () => {
    electron.setApplicationMenu(null);
    const session = electron.defaultSession();
    await secureSession(electron.protocol, session, { appDir: environment.appDir, serverUrl: () => config.loaded.config.serverUrl, production, log });
    const supervised = restartedBySupervisor(environment.env);
    const lifecycle = new Lifecycle(app, () => session.flushStorageData(), log, supervised);
    const credentials = new CredentialStore(electron.safeStorage, paths.credential, environment.platform, log.warn);

    const storage = watchStorage({ dir: paths.userData, probe: environment.disk ?? nodeDiskProbe, now, log, warn: (health) => emit('storage:warning', health) });
    stops.push(() => storage.stop());

    const updates = new UpdateController({
      updater: electron.updater(),
      feedUrl: updateFeedUrl(config.loaded.config),
      supported: production && selfUpdateSupported(environment.platform, environment.env),
      checkEveryMs: config.loaded.config.updates.checkEveryHours * 60 * 60_000,
      log,
      now,
      onState: (state) => emit('update:state', state),
      installWindow: () => ({ idleMs: idleMs(), withinOpeningHours: withinHours() }),
      prepareInstall: async () => {
        const file = writeUnsyncedExport(paths.exports, await exportRequests.request(), now());
        log.info(`unsynced records exported: ${file.count} to ${file.path ?? file.fileName}`);
        lifecycle.prepareToQuit();
        return true;
      },
      runAfterInstall: !supervised,
    });
    stops.push(credentials.onChange((credential) => updates.setToken(credential.token)));

    const shown = openShellWindow({
      BrowserWindow: electron.BrowserWindow,
      appDir: environment.appDir,
      production,
      closing: () => lifecycle.closing,
      onTechnician: () => emit('technician:requested', {}),
      storageWarning: () => (storage.latest && storage.latest.level !== 'ok' ? storage.latest : null),
      warnStorage: (health) => emit('storage:warning', health),
      now: () => now().getTime(),
      log,
    });
    shellWindow = shown;
    stops.push(() => shown.dispose());
    const reloadApp = () => {
      lifecycle.flush();
      shown.loadApp();
    };
    const setup = stationSetup(config, {
      credentials,
      reloadApp,
      retargetUpdates: (feed) => updates.setFeed(feed),
      announce: (view) => emit('config:changed', view),
      log,
    }, now);

    serveIpc(
      electron.ipcMain,
      createHandlers({
        now,
        app: { version: app.getVersion(), versions: environment.versions, platform: environment.platform, arch: environment.arch, uptimeSeconds: environment.uptimeSeconds },
        config: () => config.loaded,
        saveSetup: setup.saveSetup,
        setPin: setup.setPin,
        gate: () => config.gate,
        log,
        storage: () => storage.latest ?? storage.run(),
        credentials,
        updates,
        reportIdle: (idle) => {
          activity.report(idle, now().getTime());
          if (idle) void updates.maybeInstall();
        },
        reportSchedule: (reported) => {
          schedule = reported;
          screen.setSchedule(reported, now());
        },
        exports: exportRequests,
        exportDir: paths.exports,
        kiosk: {
          isKiosk: () => shown.window.isKiosk(),
          restart: () => lifecycle.relaunch(),
          leave: () => {
            shown.window.setKiosk(false);
            shown.window.setFullScreen(false);
          },
        },
      }),
      { kioskContentsId: () => shown.contents()?.id ?? null, technicianUnlocked: () => config.gate.isUnlocked(now().getTime()), log: log.warn },
    );

    shown.loadApp();
    screen.update(now());
    updates.setToken((await credentials.get()).token);
    updates.start();
    stops.push(() => updates.stop());
    log.info(`autostart: ${installAutostart({ app, platform: environment.platform, env: environment.env, home: environment.home, execPath: environment.execPath, log: log.info })}`);
    stops.push(
      startMinuteTick({
        now,
        updateScreen: (at) => screen.update(at),
        maybeInstall: () => updates.maybeInstall(),
        nightlyWindow: () => config.loaded.config.nightlyReload,
        idleMs,
        reload: reloadApp,
        log,
      }),
    );
  });
  ready.catch((error: unknown) => log.error(`start failed: ${String(error)}`));

  return {
    log,
    ready,
    window: () => shellWindow?.window ?? null,
    config: () => config.loaded,
    stop: () => {
      for (const stop of stops.splice(0)) stop();
    },
  };
};
