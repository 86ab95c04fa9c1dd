import { Workbox } from 'workbox-window';

let waiting: Workbox | undefined;

/**
 * In a browser (the PWA) the production build precaches the whole app, so a reload with the network gone still
 * starts the kiosk. A new version is never swapped in under a resident's fingers: it waits until the kiosk is
 * idle (applyPendingUpdate is called when a session ends).
 *
 * Not in the Electron shell, whose preload installs `window.kiosk` before any page script runs (the web
 * fallback installs its own later, so this must be called first thing): there the app is on the disk already,
 * and a worker's cache would serve the old renderer after an update against the new preload and main process.
 */
export const registerServiceWorker = (win: Pick<Window, 'kiosk' | 'navigator'> = window, url = './sw.js'): Workbox | undefined => {
  if (win.kiosk !== undefined || !('serviceWorker' in win.navigator)) return undefined;
  const wb = new Workbox(url);
  wb.addEventListener('waiting', () => {
    waiting = wb;
  });
  wb.register().catch((error: unknown) => console.warn('service worker registration failed', error));
  return wb;
};

/** Activates a downloaded update and reloads into it; a no-op when there is none. */
export const applyPendingUpdate = (): boolean => {
  const wb = waiting;
  if (!wb) return false;
  waiting = undefined;
  wb.addEventListener('controlling', () => window.location.reload());
  wb.messageSkipWaiting();
  return true;
};
