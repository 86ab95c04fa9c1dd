/**
 * The sync state the kiosk shows, apart from the engine so the status line can render it without loading the
 * engine and its schemas (they arrive after the first paint).
 */
export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'retrying' | 'not-enrolled' | 'unauthorized' | 'update-required';

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
}

/**
 * "Synced" means every record was accepted (none waiting, none refused and still unseen by a technician) and the
 * centre's data has been read at least once.
 */
export const isSynced = (state: SyncState): boolean => state.phase === 'idle' && state.waiting === 0 && state.deadLetters === 0 && state.firstPullDone;

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
};
