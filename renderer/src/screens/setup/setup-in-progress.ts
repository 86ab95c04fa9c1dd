import type { KioskBridge, Setup } from '@shell/bridge.ts';

const KEY = 'yizhan.setup-in-progress';
/** Long enough for the shell's reload; a marker older than this was left behind and means nothing. */
const FRESH_MS = 5 * 60_000;

/**
 * A saved setup whose outcome the technician has not seen yet. Kept for this tab only: the shell reloads the
 * page when the server changes (its CSP names the server), and the technician must still learn whether the
 * station joined its centre. No schema here: the gate reads this on the first paint, and zod must not come
 * with it; FirstRun parses the value.
 */
export const rememberSetup = (setup: object, store: Storage | undefined = globalThis.sessionStorage, now = Date.now()): void =>
  store?.setItem(KEY, JSON.stringify({ at: now, setup }));

/** Saves a setup through the shell, remembered first: the shell may reload the page as it applies a new server. */
export const saveSetup = async (bridge: KioskBridge, setup: Setup): Promise<void> => {
  rememberSetup(setup);
  try {
    await bridge.call('setup:save', setup);
  } catch (error) {
    forgetSetup();
    throw error;
  }
};

export const forgetSetup = (store: Storage | undefined = globalThis.sessionStorage): void => store?.removeItem(KEY);

/** The remembered setup, unparsed; null when there is none, or it is stale. */
export const setupInProgress = (store: Storage | undefined = globalThis.sessionStorage, now = Date.now()): unknown => {
  try {
    const entry = JSON.parse(store?.getItem(KEY) ?? 'null') as { at?: unknown; setup?: unknown } | null;
    if (typeof entry?.at !== 'number' || now - entry.at > FRESH_MS || now < entry.at) return null;
    return entry.setup ?? null;
  } catch {
    return null;
  }
};
