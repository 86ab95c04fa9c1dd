import type { StorageReading } from './storage-trend.ts';

/**
 * The sync state the kiosk shows, apart from the engine so the status line can render it without loading the
 * engine and its schemas (they arrive after the first paint).
 */
/**
 * `offline`: the tablet has no network. `unreachable`: it has one (or cannot tell), but the centre does not
 * answer (connection refused, no answer in time, or its gateway says it is down). `retrying`: the centre
 * answered with trouble of its own (busy, failing) and the round is tried again later.
 */
export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'unreachable' | 'retrying' | 'not-enrolled' | 'unauthorized' | 'update-required';

export interface SyncState {
  phase: SyncPhase;
  /** When the server last acknowledged a full round (push, pull, heartbeat). */
  lastSuccessAt: string | null;
  /** Outbox records the server has not acknowledged. */
  waiting: number;
  lastError: string | null;
  /** Until the first complete pull, the kiosk runs on shipped data and must not claim to be in sync. */
  firstPullDone: boolean;
  /** Tablet clock minus server clock, ms. */
  clockOffsetMs: number | null;
  nextAttemptAt: number | null;
  /**
   * Records the centre refused for good (kept there with a reason) that no technician has acknowledged here yet.
   * While there are any, the kiosk does not say it is in sync.
   */
  deadLetters: number;
  /** The station the centre enrolled this kiosk as; null before enrolment. */
  enrolledAs: string | null;
  /** The tablet's storage and its trend as the last heartbeat reported them; null before one. */
  storage: StorageReading | null;
}

/**
 * "Synced" means every record was accepted (none waiting, none refused and still unseen by a technician) and the
 * centre's data has been read at least once.
 */
export const isSynced = (state: SyncState): boolean => state.phase === 'idle' && state.waiting === 0 && state.deadLetters === 0 && state.firstPullDone;

/**
 * The centre refused the enrolment code the kiosk holds (unknown, used or expired): only a technician's new code
 * helps, and the technician screen says so. The engine records the refusal as lastError `enrolment-refused: …`.
 */
export const enrolmentRefused = (state: SyncState): boolean => state.phase === 'not-enrolled' && (state.lastError?.startsWith('enrolment-refused') ?? false);

export const initialSyncState: SyncState = {
  phase: 'idle',
  lastSuccessAt: null,
  waiting: 0,
  lastError: null,
  firstPullDone: false,
  clockOffsetMs: null,
  nextAttemptAt: null,
  deadLetters: 0,
  enrolledAs: null,
  storage: null,
};
