import { pageReachable } from '../platform/page-reachable.ts';
import { retryFailedLoads } from './retrying-lazy.tsx';

export interface Recovery {
  /** Tries every failed load once more; true when some still cannot be had. */
  retry(): Promise<boolean>;
  /** Whether a reload would bring the kiosk back: the page itself can be fetched now. */
  pageReachable(): Promise<boolean>;
  reload(): void;
  /** Survives the reload: when the last reload for a failed load happened. */
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined;
  now(): number;
}

const RELOADED_AT = 'yizhan.reloadedForFailedLoad';
/**
 * A chunk that is broken for good (a damaged install) fails again after the reload, and every attract loop would
 * reload once more: at most one reload in this long, so a flaky station still recovers within it.
 */
export const RELOAD_SPACING_MS = 10 * 60_000;

const browser: Recovery = {
  retry: retryFailedLoads,
  pageReachable: () => pageReachable(),
  reload: () => window.location.reload(),
  storage: globalThis.sessionStorage,
  now: () => Date.now(),
};

/**
 * loaded: nothing failed, or all did load now; held: some still fail, but the page was reloaded for that a short
 * while ago; unreachable: some still fail, and a reload would not come back.
 */
export type RecoveryOutcome = 'loaded' | 'reloading' | 'held' | 'unreachable';

let running: Promise<RecoveryOutcome> | undefined;

/**
 * Called when nobody is at the kiosk (the idle reset, the attract loop). Code that failed to load and has not
 * loaded since is asked for once more; if it still cannot be had, the page is reloaded, but only if the page
 * itself can be fetched now.
 *
 * Why a reload, and why then:
 * - Browsers from before whatwg/html#10327 (2026) remember a failed module fetch for the page's life, in HTML's
 *   module map. The Chromium here no longer does (its ModuleMapDoNotCacheFailedFetch); turned off, it does, as
 *   older Chromium (the shell's Electron 41 is Chromium 146) and older tablets' browsers may. There, no import
 *   of that chunk, or of a chunk that imports it, can succeed again; a query string on the chunk's URL would not
 *   reach the shared chunks it imports. Only a new page can.
 * - A chunk that is gone (404) because the server now has a newer build is only found in that build: a reload
 *   brings its index.html and chunks (and, in the browser, its service worker).
 * - Not the moment the load fails, nor on Vite's vite:preloadError as is usual on the web: a resident is in
 *   front of the screen, and a reload would drop what they were doing.
 * - Not when the page cannot be fetched: a browser kiosk with no service worker in control would be left on the
 *   browser's own error page while offline, with nobody to reload it: worse than one tile that does not open.
 *   Offline under the service worker, or in the shell (app://), the page is there and the reload goes ahead.
 */
export const recoverFailedLoads = (recovery: Recovery = browser): Promise<RecoveryOutcome> => {
  running ??= (async () => {
    try {
      if (!(await recovery.retry())) return 'loaded';
      // A wall clock stepped back (by NTP, or a dead battery's 1970) makes the last reload look recent for ever.
      const since = recovery.now() - Number(recovery.storage?.getItem(RELOADED_AT) ?? Number.NaN);
      if (since >= 0 && since < RELOAD_SPACING_MS) return 'held';
      if (!(await recovery.pageReachable())) return 'unreachable';
      recovery.storage?.setItem(RELOADED_AT, String(recovery.now()));
      recovery.reload();
      return 'reloading';
    } finally {
      running = undefined;
    }
  })();
  return running;
};
