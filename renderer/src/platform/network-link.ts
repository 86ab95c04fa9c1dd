import { useSyncExternalStore } from 'react';

const subscribe = (changed: () => void) => {
  window.addEventListener('online', changed);
  window.addEventListener('offline', changed);
  return () => {
    window.removeEventListener('online', changed);
    window.removeEventListener('offline', changed);
  };
};

/**
 * Whether the tablet has a network link, as the browser knows it (navigator.onLine): a link, not a way to the
 * centre (a captive Wi-Fi has the one without the other).
 */
export const useNetworkLink = (): boolean => useSyncExternalStore(subscribe, () => navigator.onLine);
