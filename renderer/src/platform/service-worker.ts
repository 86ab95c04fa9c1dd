import { Workbox } from 'workbox-window';

/**
 * The production build precaches the whole app, so a reload with the network gone still starts the kiosk.
 * A new version waits until the next idle reload rather than swapping code under a resident's fingers.
 */
export const registerServiceWorker = (url = './sw.js'): Workbox | undefined => {
  if (!('serviceWorker' in navigator)) return undefined;
  const wb = new Workbox(url);
  wb.register().catch((error: unknown) => console.warn('service worker registration failed', error));
  return wb;
};
