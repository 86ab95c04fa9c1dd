import { dayKey } from '@protocol/time.ts';
import { useMemo, useSyncExternalStore } from 'react';

const MINUTE_MS = 60_000;

/*
 * One clock for every screen that shows the time or depends on "today": it ticks at each wall-clock minute, so
 * at local midnight too, with one timer however many screens listen (none while nobody does). Every tick is aimed
 * at the next minute as the clock reads then, so it never drifts, and a clock that NTP sets by hours is followed
 * at the next tick.
 */
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | undefined;

const arm = () => {
  timer = setTimeout(() => {
    arm();
    for (const listener of [...listeners]) listener();
  }, MINUTE_MS - (Date.now() % MINUTE_MS));
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  if (timer === undefined) arm();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
  };
};

/** The current minute as its first millisecond: one value all minute long, as useSyncExternalStore needs. */
const currentMinute = () => {
  const now = Date.now();
  return now - (now % MINUTE_MS);
};
const currentDay = () => dayKey(new Date());

/**
 * What a render on a server sees (the home snapshot index.html carries): one fixed minute and day, so a build
 * depends on its source alone; first-paint/gate.ts writes the start's time over the snapshot's clock.
 */
const serverMinute = () => 0;
const serverDay = () => dayKey(new Date(0));

/** Now, to the minute; the component renders again when the minute turns. */
export const useMinute = (): Date => {
  const minute = useSyncExternalStore(subscribe, currentMinute, serverMinute);
  return useMemo(() => new Date(minute), [minute]);
};

/** Today's local day key (yyyy-mm-dd); the component renders again only at local midnight. */
export const useToday = (): string => useSyncExternalStore(subscribe, currentDay, serverDay);
