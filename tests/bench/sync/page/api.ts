import type { SyncState } from '../../../../sync/client/engine.ts';

/** What the drain bench page exposes as window.drainBench; every time is in milliseconds. */
export interface DrainApi {
  /**
   * Setup, not timed by the bench: a fresh database of the app's schema (YizhanDb) with this station's
   * credentials and settings, and `count` records (records.ts, checked with the shared schema) in its outbox,
   * written as commitRecord writes outbox entries but 25,000 to a raw IndexedDB transaction.
   */
  fill(count: number, station: { id: string; token: string }): Promise<{ count: number; makeMs: number; writeMs: number }>;
  /** The local bound: the whole outbox read in key ranges of `batch` with DexieSyncStore.readOutbox, nothing sent. */
  readAll(batch: number): Promise<{ count: number; ms: number }>;
  /** One engine round (SyncEngine.run(): push everything waiting, pull, heartbeat, purge), timed. */
  drain(): Promise<DrainResult>;
}

export interface DrainResult {
  /** From run() until the push loop found the outbox empty. */
  drainMs: number;
  /** The whole round, pull, heartbeat and personal-data purge included. */
  roundMs: number;
  /** Each push's round trip (HttpTransport.call: body to parsed, checked answer). */
  pushMs: number[];
  /** Each turn of the engine's push loop (read a batch, push it, record the acknowledgement). */
  batchMs: number[];
  /** Time spent in each SyncStore method and each transport call over the round, and how often. */
  phases: Record<string, { ms: number; calls: number }>;
  state: Pick<SyncState, 'phase' | 'waiting' | 'lastError' | 'deadLetters' | 'firstPullDone'>;
}

export type DrainWindow = Window & { drainBench: DrainApi; drainReady?: boolean };
