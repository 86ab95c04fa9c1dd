import { Workbox } from 'workbox-window';

let waiting: Workbox | undefined;

/**
 * The production build precaches the whole app, so a reload with the network gone still starts the kiosk.
 * A new version is never swapped in under a resident's fingers: it waits until the kiosk is idle
 * (applyPendingUpdate is called when a session ends).
 */
export const registerServiceWorker = (url = './sw.js'): Workbox | undefined => {
  if (!('serviceWorker' in navigator)) return undefined;
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
