import { bridgeClient, type KioskApi, type KioskBridge } from '@shell/bridge.ts';
import type { YizhanDb } from '../../store/db.ts';
import { connectBridge } from './connect.ts';
import { provideKioskBridge } from './ready.ts';
import { createWebKiosk } from './web.ts';

declare global {
  interface Window {
    /** The shell's bridge (contract: electron/common/bridge.ts): the preload's, or the web fallback's. */
    kiosk?: KioskApi;
  }
}

/**
 * `window.kiosk` as the page sees it: the Electron preload's when the page runs in the shell; otherwise the web
 * fallback, installed as `window.kiosk` the way contextBridge installs the preload's (read-only), so the
 * browser, the tests and the kiosk all call one and the same API.
 */
export const pickKioskApi = (win: Window, makeWeb: () => KioskApi): { api: KioskApi; shell: KioskBridge['shell'] } => {
  if (win.kiosk) return { api: win.kiosk, shell: 'electron' };
  const api = makeWeb();
  Object.defineProperty(win, 'kiosk', { value: api, enumerable: true, writable: false, configurable: false });
  return { api, shell: 'web' };
};

/** Picks the bridge at start-up, connects it to the store and hands it to whoever awaits `kioskBridge`. */
export const startKioskBridge = (db: YizhanDb, win: Window = window): KioskBridge => {
  const { api, shell } = pickKioskApi(win, () => createWebKiosk({ db }));
  const bridge = bridgeClient(api, shell);
  connectBridge(bridge, db, win);
  provideKioskBridge(bridge);
  return bridge;
};

export { kioskBridge } from './ready.ts';
