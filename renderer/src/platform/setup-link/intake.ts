/**
 * A setup link opened on this tablet (sync/protocol/setup-link.ts): taken out of the address bar before anything
 * else runs, so its one-time code stays neither there nor in the browser's history, and kept in this page's
 * memory only, for the first-run screen. A reload forgets it: the technician opens the link again.
 *
 * No schemas here (this runs in the first chunk, before zod is loaded): the first-run screen reads the link.
 */
export const SETUP_LINK_PREFIX = '#yizhan-setup?';

let taken: string | null = null;

/** Moves a setup link from the address into memory; returns whether there was one. */
export const takeSetupLink = (win: Pick<Window, 'location' | 'history'>): boolean => {
  const { location, history } = win;
  if (!location.hash.startsWith(SETUP_LINK_PREFIX)) return false;
  taken = location.href;
  // The same history entry, without the fragment: Back does not bring the code back either.
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  return true;
};

/** A link scanned from a QR code, held like an opened one until the technician has used it. */
export const holdSetupLink = (text: string): void => {
  taken = text;
};

export const pendingSetupLink = (): string | null => taken;

export const forgetSetupLink = (): void => {
  taken = null;
};
