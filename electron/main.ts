/**
 * The kiosk shell's entry: the one file that imports Electron's objects and hands them to startShell.
 * Everything it wires is a module under main/, tested against typed fakes (the Electron binary is not
 * available on our build machines).
 */
import { BrowserWindow, Menu, app, ipcMain, powerMonitor, powerSaveBlocker, protocol, safeStorage, session } from 'electron';
import { autoUpdater } from 'electron-updater';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { startShell } from './main/shell.ts';

const readText = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
};

startShell(
  {
    app,
    protocol,
    defaultSession: () => session.defaultSession,
    BrowserWindow,
    ipcMain,
    powerSaveBlocker,
    safeStorage,
    powerMonitor,
    setApplicationMenu: (menu) => Menu.setApplicationMenu(menu),
    // A getter: electron-updater builds its updater on first access, which must come after userData is pinned.
    updater: () => autoUpdater,
  },
  {
    env: process.env,
    platform: process.platform,
    arch: process.arch,
    home: homedir(),
    execPath: process.execPath,
    resourcesPath: app.isPackaged ? process.resourcesPath : `${__dirname}/../../electron/resources`,
    appDir: __dirname,
    versions: { electron: process.versions.electron ?? '', chrome: process.versions.chrome ?? '', node: process.versions.node },
    uptimeSeconds: () => process.uptime(),
    readText,
    echo: (line) => console.log(line),
  },
);
