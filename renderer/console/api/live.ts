import { LIVE_EVENT_REQUEST, type LiveRequestEvent, liveRequestEventSchema } from '@protocol/console/dispatch.ts';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useLiveFeed } from './ApiProvider.tsx';

export type LiveState = 'connecting' | 'open' | 'reconnecting';

/** A request changed; or 'resync': the feed was down and changes may have been missed, read everything again. */
export type LiveChange = { type: 'request'; event: LiveRequestEvent } | { type: 'resync' };

/**
 * Changes to requests in the staff member's scope as they happen (GET /console/api/live, server-sent events).
 * Whoever shows a list reads it again on a change. EventSource reconnects by itself after a dropped connection
 * and sends the last event id, so nothing is missed; an answer that is not a stream (the server restarting,
 * a proxy's 502) ends it for good, so the feed opens a new one after a pause and says 'resync'.
 */
export interface LiveFeed {
  /** Connects (again, after stop). */
  start(): void;
  stop(): void;
  subscribe(listener: (change: LiveChange) => void): () => void;
  state(): LiveState;
  onState(listener: () => void): () => void;
}

export const RECONNECT_AFTER_MS = 10_000;

export const createEventSourceFeed = (
  url: string,
  { EventSourceImpl = EventSource, reconnectAfterMs = RECONNECT_AFTER_MS }: { EventSourceImpl?: typeof EventSource; reconnectAfterMs?: number } = {},
): LiveFeed => {
  const listeners = new Set<(change: LiveChange) => void>();
  const stateListeners = new Set<() => void>();
  let current: LiveState = 'connecting';
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let missed = false;
  const emit = (change: LiveChange) => {
    for (const listener of listeners) listener(change);
  };
  const setState = (next: LiveState) => {
    if (next === current) return;
    current = next;
    for (const listener of stateListeners) listener();
  };
  const open = () => {
    const opened = new EventSourceImpl(url);
    source = opened;
    opened.addEventListener('open', () => {
      setState('open');
      if (missed) emit({ type: 'resync' });
      missed = false;
    });
    opened.addEventListener('error', () => {
      setState('reconnecting');
      if (opened.readyState !== EventSourceImpl.CLOSED || source !== opened) return;
      missed = true;
      timer = setTimeout(open, reconnectAfterMs);
    });
    opened.addEventListener(LIVE_EVENT_REQUEST, (message) => {
      let data: unknown;
      try {
        data = JSON.parse((message as MessageEvent<string>).data);
      } catch {
        return;
      }
      const parsed = liveRequestEventSchema.safeParse(data);
      if (parsed.success) emit({ type: 'request', event: parsed.data });
    });
  };
  const stop = () => {
    clearTimeout(timer);
    source?.close();
    source = null;
  };
  return {
    start: () => {
      stop();
      // Started again after a stop: whatever happened meanwhile was not heard.
      if (current !== 'connecting') missed = true;
      setState('connecting');
      open();
    },
    stop,
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
};

/** Calls `onChange` for every live change (always the latest callback, without resubscribing). */
export const useLiveChanges = (onChange: (change: LiveChange) => void): void => {
  const live = useLiveFeed();
  const callback = useRef(onChange);
  useEffect(() => {
    callback.current = onChange;
  });
  useEffect(() => live.subscribe((change) => callback.current(change)), [live]);
};

export const useLiveState = (): LiveState => {
  const live = useLiveFeed();
  return useSyncExternalStore(live.onState, live.state);
};

/**
 * Reads again when a change that matters arrives: at once for the first, then at most once per `quietMs`
 * however many follow (a station coming back online pushes its backlog in a burst).
 */
export const useLiveReload = (reload: () => void, matters: (change: LiveChange) => boolean = () => true, quietMs = 1_000): void => {
  const latest = useRef({ reload, matters });
  useEffect(() => {
    latest.current = { reload, matters };
  });
  const state = useRef<{ timer: ReturnType<typeof setTimeout> | undefined; pending: boolean }>({ timer: undefined, pending: false });
  useEffect(() => () => clearTimeout(state.current.timer), []);
  useLiveChanges((change) => {
    if (!latest.current.matters(change)) return;
    const gate = state.current;
    if (gate.timer !== undefined) {
      gate.pending = true;
      return;
    }
    latest.current.reload();
    const release = () => {
      if (gate.pending) {
        gate.pending = false;
        latest.current.reload();
        gate.timer = setTimeout(release, quietMs);
      } else gate.timer = undefined;
    };
    gate.timer = setTimeout(release, quietMs);
  });
};
