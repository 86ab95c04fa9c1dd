import type { BackoffPolicy } from '../../../sync/client/backoff.ts';
import { type EngineOptions, isSynced, SyncEngine, type SyncState } from '../../../sync/client/engine.ts';
import type { Credentials, SyncStore } from '../../../sync/client/store.ts';
import { httpTransport, type Transport } from '../../../sync/client/transport.ts';

/** Backoff for tests: the same full-jitter rule, in tens of milliseconds instead of seconds and minutes. */
export const FAST_BACKOFF: BackoffPolicy = { baseMs: 20, capMs: 250 };

export interface KioskOptions extends Partial<Omit<EngineOptions, 'store' | 'transport'>> {
  store: SyncStore;
  baseUrl: string;
  /** The station's credentials, when the test enrolled it; without them the engine enrols itself (enrolmentCode). */
  credentials?: Credentials;
  /** The bearer for each request, when the engine enrols itself: what its store holds then. */
  token?: () => string | null;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** The kiosk's engine as the renderer runs it, over HTTP with Node's fetch, tuned to be quick. */
export const kioskEngine = (options: KioskOptions): { engine: SyncEngine; transport: Transport } => {
  const { store, baseUrl, credentials, token, timeoutMs = 5_000, fetch: fetchImpl, ...rest } = options;
  const transport = httpTransport({ baseUrl, token: token ?? (() => credentials?.token ?? null), timeoutMs, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  const engine = new SyncEngine({ store, transport, appVersion: 'sync-test', backoff: FAST_BACKOFF, intervalMs: 200, ...rest });
  return { engine, transport };
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until `done` holds, bounded. The engines run on their own timers meanwhile (start() them first);
 * on timeout the error says what each one was doing.
 */
export const waitFor = async (what: string, done: () => boolean | Promise<boolean>, options: { timeoutMs: number; states?: () => SyncState[]; everyMs?: number }) => {
  const deadline = Date.now() + options.timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) {
      const states = options.states?.().map((s) => ({ phase: s.phase, waiting: s.waiting, lastError: s.lastError, firstPullDone: s.firstPullDone }));
      throw new Error(`timed out after ${options.timeoutMs} ms waiting for ${what}: ${JSON.stringify(states)}`);
    }
    await sleep(options.everyMs ?? 50);
  }
};

/** Synced in the UI's sense: idle, nothing waiting, the centre's data read once. */
export const synced = (engine: SyncEngine): boolean => isSynced(engine.getState());

/** Node's fetch, with a log of every call's time and status (0 for a network failure). */
export const loggingFetch = () => {
  const log: { at: number; path: string; status: number; retryAfter: string | null }[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const path = new URL(typeof input === 'string' || input instanceof URL ? input : input.url).pathname;
    const at = Date.now();
    try {
      const response = await fetch(input, init);
      log.push({ at, path, status: response.status, retryAfter: response.headers.get('retry-after') });
      return response;
    } catch (error) {
      log.push({ at, path, status: 0, retryAfter: null });
      throw error;
    }
  };
  return { fetch: wrapped, log };
};
