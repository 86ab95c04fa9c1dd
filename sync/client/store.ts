import type { AckDeadLetter, Change } from '../protocol/wire.ts';

export interface Credentials {
  stationId: string;
  token: string;
}

/**
 * A record the centre refused for good, as the tablet keeps it. `lostRace`: a volunteer's step that lost the race
 * to another tablet or the centre (protocol/lost-race.ts), shown on the request and needing no technician.
 */
export type RefusedRecord = AckDeadLetter & { lostRace: boolean };

export interface OutboxItem {
  seq: number;
  record: unknown;
}

/**
 * Everything the engine needs from the kiosk's local store. The Dexie implementation lives in
 * renderer/src/store/sync-store.ts; testing/memory-store.ts is the testing one.
 */
export interface SyncStore {
  credentials(): Promise<Credentials | null>;
  /**
   * Keeps what enrolment returned (null forgets it: the station must enrol again), and claims every record still
   * waiting in the outbox for the station enrolled as (acknowledged ones are never touched): the rule in
   * sync/protocol/README.md, "Which station a record belongs to".
   */
  setCredentials(credentials: Credentials | null): Promise<void>;
  /** This tablet's install id: made once with the database and kept for good (re-enrolment keeps it too). */
  installId(): Promise<string>;
  /** The outbox epoch: made once when the database is created. */
  epoch(): Promise<string>;
  /**
   * Starts a new epoch from seq 0 (the server said our history under the old one diverged). Seqs are the epoch's
   * own: a new epoch counts 1, 2, 3 … from the first entry still held, whatever was pruned before it.
   */
  renewEpoch(): Promise<void>;
  pushedSeq(): Promise<number>;
  /** Sets the high-water mark to what the server says it has applied. */
  setPushedSeq(seq: number): Promise<void>;
  /** Keeps the tablet's clock offset from the server's (ms) as measured at a sync, where records are written. */
  setClockOffset(offsetMs: number): Promise<void>;
  readOutbox(afterSeq: number, limit: number): Promise<OutboxItem[]>;
  waitingCount(): Promise<number>;
  cursor(): Promise<{ cursor: string; complete: boolean }>;
  /**
   * Applies pulled changes and moves the cursor in one transaction. With reset, drops the centre's data first and
   * marks the read incomplete; `complete` records that a read from "0" has reached the end.
   */
  applyPull(changes: readonly Change[], cursor: string, options: { reset: boolean; complete: boolean }): Promise<void>;
  saveDeadLetters(deadLetters: readonly RefusedRecord[]): Promise<void>;
  /**
   * How many dead letters wait for a technician (not a lost race, not yet acknowledged): while there are any, the
   * kiosk is not "synced".
   */
  openDeadLetters(): Promise<number>;
  /** A technician has seen them (and told the centre): they stay on the tablet, no longer counted as open. */
  acknowledgeDeadLetters(at: Date): Promise<void>;
  /** Removes personal fields of acknowledged records older than the station's retention; returns how many. */
  purgePersonal(now: Date): Promise<number>;
  /**
   * Deletes acknowledged outbox entries older than the station's retention, oldest first, in small batches;
   * never one the server has not acknowledged, whatever its age. Returns how many went.
   */
  pruneOutbox(now: Date): Promise<number>;
}
