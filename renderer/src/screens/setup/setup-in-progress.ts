import { type Setup, setupSchema } from '../../../../electron/common/bridge.ts';

const KEY = 'yizhan.setup-in-progress';

/**
 * A saved setup whose outcome the technician has not seen yet. Kept for this tab only: the shell reloads the
 * page when the server changes (its CSP names the server), and the technician must still learn whether the
 * station joined its centre.
 */
export const rememberSetup = (setup: Setup, store: Storage | undefined = globalThis.sessionStorage): void => store?.setItem(KEY, JSON.stringify(setup));

export const forgetSetup = (store: Storage | undefined = globalThis.sessionStorage): void => store?.removeItem(KEY);

export const setupInProgress = (store: Storage | undefined = globalThis.sessionStorage): Setup | null => {
  try {
    const parsed = setupSchema.safeParse(JSON.parse(store?.getItem(KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};
