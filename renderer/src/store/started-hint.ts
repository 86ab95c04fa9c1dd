/**
 * A hint, not data: set once the store holds a station. Without it a start paints the demo station at once; a
 * store that holds another station (the hint lost on its own) replaces it as soon as it is read. The page's gate
 * (first-paint/gate.ts) reads it too, before any other script: only a tablet that never started is shown the
 * demo home that index.html carries.
 */
const STARTED = 'yizhan.store.started';

export const startedBefore = (hints: Storage | undefined): boolean => {
  try {
    return hints?.getItem(STARTED) === '1';
  } catch {
    return true;
  }
};

export const markStarted = (hints: Storage | undefined): void => {
  try {
    hints?.setItem(STARTED, '1');
  } catch {
    // Storage refused (full, or off): every start will then paint the demo station first, as a first start does.
  }
};
