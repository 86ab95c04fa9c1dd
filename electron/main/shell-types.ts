import type { App, CommandLine, PowerMonitor, PowerSaveBlocker, Protocol } from 'electron';
import type { SafeStorageLike } from './credentials.ts';
import type { IpcHandle } from './ipc.ts';
import type { KioskWindow } from './kiosk-window.ts';
import type { NavigableContents } from './navigation.ts';
import type { ShellSession } from './session-policy.ts';
import type { DiskProbe } from './storage-health.ts';
import type { Updater } from './updates.ts';
import type { WindowClass } from './window.ts';

export type ShellApp = Pick<App, 'getPath' | 'setPath' | 'requestSingleInstanceLock' | 'quit' | 'whenReady' | 'isPackaged' | 'getVersion' | 'relaunch' | 'setLoginItemSettings'> & {
  commandLine: Pick<CommandLine, 'appendSwitch'>;
  on(event: 'second-instance', listener: () => void): unknown;
  on(event: 'web-contents-created', listener: (event: unknown, contents: NavigableContents) => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'before-quit', listener: () => void): unknown;
  on(event: 'child-process-gone', listener: (event: unknown, details: { type: string; reason: string }) => void): unknown;
};

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
