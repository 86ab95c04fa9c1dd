import { clockDate, clockTime } from '../app/clock-text.ts';
import { SETUP_LINK_PREFIX } from '../platform/setup-link/intake.ts';
import { setupInProgress } from '../screens/setup/setup-in-progress.ts';
import { startedBefore } from '../store/started-hint.ts';

/**
 * Whether this start opens on the snapshot's home: a tablet that never started (no station stored yet), not
 * opened by a setup link nor coming back from a setup's reload, which open the setup instead.
 */
export const snapshotHolds = (local: Storage | undefined, session: Storage | undefined, hash: string): boolean => {
  // Storage that cannot even be reached says nothing of this start: the app will find out what it is.
  if (!local || !session) return false;
  return !startedBefore(local) && !hash.startsWith(SETUP_LINK_PREFIX) && setupInProgress(session) === null;
};

/**
 * The snapshot's clock shows the build's fixed minute: this writes now over it, in the snapshot's language (the
 * default one: a tablet that never started has chosen no other). Its spoken label names the same time and date.
 */
export const stampClock = (root: ParentNode, now: Date, language: string): void => {
  const time = root.querySelector('.topbar__time');
  const date = root.querySelector('.topbar__date');
  const clock = root.querySelector('.topbar__clock');
  if (!time || !date) return;
  const [builtTime, builtDate] = [time.textContent ?? '', date.textContent ?? ''];
  time.textContent = clockTime(now, language);
  date.textContent = clockDate(now, language);
  const label = clock?.getAttribute('aria-label');
  if (label && builtTime && builtDate) clock?.setAttribute('aria-label', label.replace(builtTime, time.textContent).replace(builtDate, date.textContent));
};

const storage = (win: Window, name: 'localStorage' | 'sessionStorage'): Storage | undefined => {
  try {
    return win[name];
  } catch {
    return undefined;
  }
};

/**
 * Shows the home index.html carries (hidden, in #root) when this start opens on it, its clock set to now; on
 * any other start it stays hidden, and the boot removes it. Runs before the page's first paint (gate.ts).
 */
export const showSnapshot = (win: Window, now: Date): boolean => {
  const root = win.document.getElementById('root');
  if (root?.dataset.snapshot === undefined || !snapshotHolds(storage(win, 'localStorage'), storage(win, 'sessionStorage'), win.location.hash)) return false;
  stampClock(root, now, win.document.documentElement.lang);
  root.hidden = false;
  return true;
};
