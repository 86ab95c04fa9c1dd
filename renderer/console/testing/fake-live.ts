import type { LiveChange, LiveFeed, LiveState } from '../api/live.ts';

/** A live feed the test drives: it says what changed, when, and whether the feed is up. */
export const createFakeLive = () => {
  const listeners = new Set<(change: LiveChange) => void>();
  const stateListeners = new Set<() => void>();
  let current: LiveState = 'connecting';
  const setState = (next: LiveState) => {
    current = next;
    for (const listener of stateListeners) listener();
  };
  const feed: LiveFeed = {
    start: () => setState('open'),
    stop: () => setState('connecting'),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    state: () => current,
    onState: (listener) => {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
  };
  return {
    feed,
    push: (change: LiveChange) => {
      for (const listener of listeners) listener(change);
    },
    setState,
  };
};
