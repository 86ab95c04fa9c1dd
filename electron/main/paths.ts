import type { App } from 'electron';
import { join, win32 } from 'node:path';

/**
 * The data folder's name never follows productName or the executable's name, so renaming the app or updating
 * it never moves (and so never loses) the IndexedDB of a station.
 */
export const DATA_DIR_NAME = 'Yizhan';

export interface Paths {
  userData: string;
  logs: string;
  exports: string;
  /** The config the first-run setup screen writes. */
  setupConfig: string;
  credential: string;
}

/**
 * Pins `userData` (and `sessionData`, where Chromium keeps IndexedDB) to an explicit folder. Must run before
 * anything reads either path: first thing in main.ts, before `ready`. YIZHAN_USER_DATA overrides (tests,
 * a second data disk).
 */
export const pinUserData = (app: Pick<App, 'getPath' | 'setPath'>, env: Record<string, string | undefined>): Paths => {
  const userData = env.YIZHAN_USER_DATA || join(app.getPath('appData'), DATA_DIR_NAME);
  app.setPath('userData', userData);
  app.setPath('sessionData', userData);
  return {
    userData,
    logs: join(userData, 'logs'),
    exports: join(userData, 'exports'),
    setupConfig: join(userData, 'station.setup.json'),
    credential: join(userData, 'station.credential'),
  };
};

/** Where the technician puts a station's config file. */
export const systemConfigPath = (platform: NodeJS.Platform, env: Record<string, string | undefined>): string =>
  platform === 'win32' ? win32.join(env.PROGRAMDATA || 'C:\\ProgramData', 'Yizhan', 'station.json') : '/etc/yizhan/station.json';

/** Shipped in the image as an extra resource (electron-builder.yml). */
export const DEFAULT_CONFIG_FILE = 'station.default.json';
