import type { CentreCollection, CentreItem } from '../../protocol/centre.ts';
import type { AckDeadLetter, Change, DeadLetterReason } from '../../protocol/wire.ts';
import type { RequestEventType, Actor, RequestTarget } from '../../protocol/records.ts';
import type { RequestAssignment, RequestStatus, TransitionRefusal } from '../../protocol/request-state.ts';
import type { CentreStepContext, ConsoleStorage } from './console/types.ts';

/**
 * The one storage contract of the server. Two implementations (sqlite/, postgres/) pass one test suite
 * (../testing/storage-suite.ts). The rules (what a push accepts, which transitions are legal) are decided
 * outside, in pure code: storage reads a snapshot, hands it to a planner and writes the plan, all in one
 * transaction.
 */

export interface Station {
  id: string;
  name: string;
  revokedAt: Date | null;
  createdAt: Date;
  /** Whether a token was ever issued (the hash itself never leaves storage). */
  enrolled: boolean;
  /** Enrolled, and the token that enrolment issued not used yet: the tablet may not hold it (a lost answer). */
  enrolmentPending: boolean;
}

/**
 * The tablet redeeming a code, when it says which install it is: the hash of its install id, and the token
 * being issued sealed with a key only that id gives (../tokens.ts), kept until the token is first used.
 */
export interface EnrollingInstall {
  installHash: string;
  sealedToken: string;
}

/** One window of a rate limit: the hits counted in it so far, and when it ends. */
export interface RateLimitWindow {
  hits: number;
  resetsAt: Date;
}

// ------------------------------------------------------------------------------------------------ push

/** A record already stored, as a push sees it. */
export interface KnownRecord {
  stationId: string;
  /** The fingerprint of its content (push/digest.ts); null when it cannot be known (see the engines' push.ts). */
  digest: string | null;
}

/** What storage knows, before a push, about the records and requests the batch names. */
export interface PushSnapshot {
  appliedSeq: number;
  /** Records already stored, among the ids the batch names. */
  known: ReadonlyMap<string, KnownRecord>;
  /**
   * Requests the batch's events name (and its new requests): id → owner, current status and who it is with (from
   * the request's published status; absent: nobody).
   */
  requests: ReadonlyMap<string, { stationId: string; status: RequestStatus | null; assignment?: RequestAssignment }>;
  /** Dead letters already kept for this (station, epoch) at the batch's seqs. */
  deadLetters: ReadonlyMap<number, AckDeadLetter>;
}

export interface NewRecord {
  id: string;
  seq: number;
  kind: string;
  /** The schema version the record arrived with (before any upgrade). */
  v: number;
  at: string;
  /** The validated (and upgraded) record. */
  payload: unknown;
  /** The fingerprint of payload, kept to tell a duplicate from a conflict later. */
  digest: string;
}

export interface NewDeadLetter {
  seq: number;
  recordId: string | null;
  kind: string | null;
  reason: DeadLetterReason;
  detail: string | null;
  /** The raw entry as it arrived (bounded: push/dead-letter-payload.ts), kept for staff until the retention purge. */
  payload: unknown;
}

export interface NewRequest {
  id: string;
  /** The number its resident holds (unique per station). */
  number: string;
}

export interface StatusChange {
  requestId: string;
  status: RequestStatus;
  event: RequestEventType;
  at: string;
  /** Where the centre sent it and who took it, after this change (request-state.ts assignAfter). */
  assignment: RequestAssignment;
}

export type PushPlan =
  | {
      kind: 'apply';
      appliedSeq: number;
      records: NewRecord[];
      deadLetters: NewDeadLetter[];
      /** New requests (kind 'request') to track, owned by the pushing station, status null until their submit. */
      newRequests: NewRequest[];
      /** The last status of each request the batch moved, in the order they happened. */
      statusChanges: StatusChange[];
    }
  /** Seqs at or below appliedSeq whose record is not the one stored: the client's log is not the server's. */
  | { kind: 'diverged'; seqs: number[] };

export interface PushInput {
  stationId: string;
  epoch: string;
  /** Record ids and request ids the batch names, for the snapshot. */
  recordIds: string[];
  requestIds: string[];
  seqRange: { min: number; max: number };
  now: Date;
}

export type PushResult =
  | { kind: 'applied'; appliedSeq: number; deadLetters: AckDeadLetter[]; stored: number }
  | { kind: 'diverged'; seqs: number[] };

// ------------------------------------------------------------------------------------------------ centre data

export interface PublishInput {
  /** DISTRICT_SCOPE ('*') or a station id. */
  scope: string;
  /** Each listed collection is replaced: new and changed items are put, missing ones get a tombstone. */
  collections: Partial<Record<CentreCollection, CentreItem[]>>;
  now: Date;
}

export interface PublishResult {
  put: number;
  deleted: number;
  unchanged: number;
}

export interface PullInput {
  stationId: string;
  cursor: number;
  limit: number;
  /** A full read from 0 (the station holds no centre data from before it): the horizon does not apply. */
  fullRead?: boolean;
}

export interface PullPage {
  changes: Change[];
  cursor: number;
  hasMore: boolean;
  reset: boolean;
}

export interface CentreRequestEvent {
  /** A full request-event record (kind 'request-event') made by the centre, for the request's station. */
  id: string;
  requestId: string;
  type: RequestEventType;
  actor: Actor;
  note?: string;
  /** The member the centre acted for (a take on a member's behalf). */
  memberId?: string;
  /** The partner unit the centre acted for. */
  unitId?: string;
  /** With 'dispatch': who the request is sent to. */
  target?: RequestTarget;
  /** Who in the console took the step (absent: the CLI). */
  console?: CentreStepContext;
}

export type CentreEventResult =
  | { ok: true; status: RequestStatus; stationId: string; seq: number }
  | { ok: false; reason: TransitionRefusal | 'unknown-request' };

// ------------------------------------------------------------------------------------------------ the rest

export interface Heartbeat {
  stationId: string;
  appVersion: string;
  recordsWaiting: number;
  storageUsed: number | null;
  storageQuota: number | null;
  /** Bytes a day over the tablet's last 30 days; null until it has a day's span or from older kiosks. */
  storageGrowthPerDay: number | null;
  /** Refused records waiting for a technician at the tablet (its status line says so); null from older kiosks. */
  deadLetters: number | null;
  lastError: string | null;
  clockOffsetMs: number | null;
  sentAt: string;
  receivedAt: Date;
}

export interface StoredRecord {
  id: string;
  stationId: string;
  epoch: string;
  seq: number;
  kind: string;
  v: number;
  payload: unknown;
  receivedAt: Date;
  personalPurgedAt: Date | null;
}

export interface StoredDeadLetter extends AckDeadLetter {
  stationId: string;
  epoch: string;
  kind: string | null;
  payload: unknown;
  receivedAt: Date;
}

/** By id, or by the number a resident holds: unique within a station, so without one it may match several. */
export type RequestLookup = { id: string } | { number: string; stationId?: string };

/** A request as staff look it up. */
export interface FoundRequest {
  id: string;
  stationId: string;
  number: string | null;
  status: RequestStatus | null;
  /** When the tablet made it. */
  at: string;
  requestKind: string;
  category: string;
}

export interface PurgeResult {
  records: number;
  deadLetters: number;
  /** The console's copies: request events in a request's timeline, and shift events in the hours ledger. */
  requestEvents: number;
  shiftEvents: number;
}

/**
 * How the purge strips each kind of row, and under which definition of personal (PERSONAL_DEFINITION): a row
 * purged under a lower version is purged again, so a field counted as personal later does not outlive retention.
 */
export interface PurgeDefinition {
  version: number;
  record: (payload: unknown) => unknown;
  requestEvent: (event: unknown) => unknown;
  shiftEvent: (payload: unknown) => unknown;
}

/** Thrown for a conflict the caller can report (a station that exists, an id taken in another scope). */
export class StorageConflictError extends Error {
  override name = 'StorageConflictError';
}

/** The database was migrated by a newer server than this one (a rolled-back deploy): this code must not run on it. */
export class DatabaseTooNewError extends Error {
  override name = 'DatabaseTooNewError';
  constructor(
    readonly databaseVersion: number,
    readonly serverVersion: number,
  ) {
    super(`database schema version ${databaseVersion} is newer than this server's ${serverVersion}: run a server at least as new as the one that migrated it`);
  }
}

export interface Storage extends ConsoleStorage {
  readonly engine: 'sqlite' | 'postgres';
  /** Applies the numbered migrations not yet applied; safe to call from several processes at once. */
  migrate(): Promise<number[]>;
  ping(): Promise<void>;
  close(): Promise<void>;

  // stations and credentials (hashes only: storage never sees a token or a code)
  createStation(input: { id: string; name: string; now: Date }): Promise<Station>;
  getStation(id: string): Promise<Station | null>;
  listStations(): Promise<Station[]>;
  /** A new code for the station; StorageConflictError when a code with that hash exists. */
  createEnrolmentCode(input: { stationId: string; codeHash: string; expiresAt: Date; now: Date }): Promise<void>;
  /**
   * One-time: marks the code used and gives the station this token (replacing any other), un-revoking it. With
   * an install, remembers which install redeemed it and keeps the token sealed for reclaimEnrolment.
   */
  redeemEnrolmentCode(input: { codeHash: string; tokenHash: string; now: Date; install?: EnrollingInstall | null }): Promise<Station | null>;
  /**
   * A used code, redeemed again by the install that redeemed it (its answer was lost): the sealed token that
   * redemption issued, while the station still holds that token and has never used it; else null.
   */
  reclaimEnrolment(input: { codeHash: string; installHash: string }): Promise<{ station: Station; sealedToken: string } | null>;
  /**
   * The station a token hash belongs to, unless revoked. The previous token of a rotation still works until the
   * current one is first used.
   */
  authenticate(tokenHash: string): Promise<Station | null>;
  /**
   * Gives the station a new token. previousHash (the token a tablet authenticated its rotation with) stays valid
   * until the new one is first used, so a lost answer cannot lock the tablet out; null refuses every older token.
   */
  setToken(input: { stationId: string; tokenHash: string; previousHash: string | null; now: Date }): Promise<boolean>;
  /** Refuses every token of the station and every unused enrolment code. */
  revokeStation(input: { stationId: string; now: Date }): Promise<boolean>;

  // kiosk-born records
  applyPush(input: PushInput, plan: (snapshot: PushSnapshot) => PushPlan): Promise<PushResult>;
  getRecord(id: string): Promise<StoredRecord | null>;
  listRecords(stationId: string): Promise<StoredRecord[]>;
  listDeadLetters(stationId: string): Promise<StoredDeadLetter[]>;
  getRequestStatus(requestId: string): Promise<{ stationId: string; status: RequestStatus | null } | null>;
  /** Requests by id or by number (see RequestLookup), by station and then oldest first. */
  findRequests(lookup: RequestLookup): Promise<FoundRequest[]>;
  /** Removes personal fields of records (and raw dead-letter payloads) received before `before`. */
  purgePersonal(input: { before: Date; now: Date; definition: PurgeDefinition; batchSize?: number }): Promise<PurgeResult>;

  // centre-born data
  publish(input: PublishInput): Promise<PublishResult>;
  /** Appends a centre request event after the state machine accepted it against the request's current status. */
  appendCentreRequestEvent(input: { event: CentreRequestEvent; now: Date; validate: (status: RequestStatus | null) => { ok: true; status: RequestStatus } | { ok: false; reason: TransitionRefusal } }): Promise<CentreEventResult>;
  pull(input: PullInput): Promise<PullPage>;
  /** Every live (not deleted) entry of this collection and id, in whichever scopes it is published. */
  findCentreEntries(input: { collection: CentreCollection; id: string }): Promise<{ scope: string; value: unknown }[]>;
  /**
   * Puts one entry in one scope at a new change sequence, leaving the rest of its collection alone (a publish
   * replaces a whole collection). For entries the centre keeps one at a time, such as a member's credentials.
   */
  putCentreEntry(input: { collection: CentreCollection; scope: string; id: string; value: unknown; now: Date }): Promise<{ seq: number }>;
  /** Drops tombstones older than `before` and raises the horizon: older cursors get reset. */
  purgeTombstones(input: { before: Date }): Promise<{ purged: number; horizon: number }>;

  // rate limits (shared by every process on the database)
  /** Counts one hit of `key`: in its running window, or in a new one of `windowMs` if none runs at `now`. */
  hitRateLimit(input: { key: string; windowMs: number; now: Date }): Promise<RateLimitWindow>;
  /** Forgets windows that ended before `before`; returns how many. */
  purgeRateLimits(input: { before: Date }): Promise<number>;

  // heartbeats
  /** Keeps it as the station's heartbeat unless the one kept was sent later (shared.ts heartbeatSentMs). */
  saveHeartbeat(heartbeat: Heartbeat): Promise<void>;
  getHeartbeat(stationId: string): Promise<Heartbeat | null>;
  listHeartbeats(): Promise<Heartbeat[]>;
}
