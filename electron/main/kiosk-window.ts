import { join } from 'node:path';
import type { StorageHealth } from '../common/bridge.ts';
import { APP_ENTRY, isAppUrl } from './app-protocol.ts';
import { type LockableContents, lockDownContents } from './lockdown.ts';
import type { Logger } from './log.ts';
import { OUT_OF_SERVICE_URL } from './out-of-service.ts';
import { RecoveryPolicy, type SupervisedContents, superviseRenderer } from './recovery.ts';
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

export interface KioskWindowOptions {
  BrowserWindow: WindowClass<KioskWindow>;
  /** The folder holding preload.cjs. */
  appDir: string;
  production: boolean;
  /** The shell itself is quitting (an update, a restart): the window may close. */
  closing: () => boolean;
  onTechnician: () => void;
  /** The last storage check that was not ok, to repeat once the app has loaded. */
  storageWarning: () => StorageHealth | null;
  warnStorage: (health: StorageHealth) => void;
  now: () => number;
  log: Logger;
}

export interface ShellWindow {
  readonly window: KioskWindow;
  /** The kiosk's WebContents while it lives. */
  contents(): KioskContents | null;
  /** Loads the app (again): at start, after a crash, at night, for a new server's CSP. */
  loadApp(): void;
  bringToFront(): void;
  dispose(): void;
}

/**
 * The one kiosk window: opened locked down, shown once painted, closed only when the shell quits (or a
 * technician left kiosk mode), its renderer supervised (a crash or hang reloads it; a crash loop shows the
 * out-of-service page), and a storage warning from before the app loaded repeated once it has.
 */
export const openShellWindow = (options: KioskWindowOptions): ShellWindow => {
  const { log } = options;
  const window = openKioskWindow(options.BrowserWindow, { preload: join(options.appDir, 'preload.cjs'), production: options.production });
  const { webContents } = window;
  guardClose(window, () => options.closing() || !window.isKiosk(), log.warn);
  showWhenReady(window);
  lockDownContents(webContents, { production: options.production, onTechnician: options.onTechnician, log: log.warn });
  webContents.on('did-finish-load', () => {
    const health = options.storageWarning();
    if (health && isAppUrl(webContents.getURL())) options.warnStorage(health);
  });
  const loadApp = () => {
    webContents.loadURL(APP_ENTRY).catch((error: unknown) => log.warn(`load: ${String(error)}`));
  };
  const supervisor = superviseRenderer(webContents, {
    policy: new RecoveryPolicy(),
    now: options.now,
    loadApp,
    showOutOfService: () => {
      webContents.loadURL(OUT_OF_SERVICE_URL).catch(() => undefined);
    },
    isAppUrl,
    log: log.warn,
  });
  return {
    window,
    contents: () => (webContents.isDestroyed() ? null : webContents),
    loadApp,
    bringToFront: () => {
      if (window.isMinimized()) window.restore();
      window.focus();
    },
    dispose: () => supervisor.dispose(),
  };
};
