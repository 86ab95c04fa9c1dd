const KEY = 'yizhan.setup-in-progress';

/**
 * A saved setup whose outcome the technician has not seen yet. Kept for this tab only: the shell reloads the
 * page when the server changes (its CSP names the server), and the technician must still learn whether the
 * station joined its centre. No schema here: the gate reads this on the first paint, and zod must not come
 * with it; FirstRun parses the value.
 */
export const rememberSetup = (setup: object, store: Storage | undefined = globalThis.sessionStorage): void => store?.setItem(KEY, JSON.stringify(setup));

export const forgetSetup = (store: Storage | undefined = globalThis.sessionStorage): void => store?.removeItem(KEY);

/** The remembered setup, unparsed; null when there is none. */
export const setupInProgress = (store: Storage | undefined = globalThis.sessionStorage): unknown => {
  try {
    return JSON.parse(store?.getItem(KEY) ?? 'null') as unknown;
  } catch {
    return null;
  }
};
