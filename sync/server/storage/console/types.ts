import type { CentreCollection } from '../../../protocol/centre.ts';
import type { AuditEntry } from '../../../protocol/console/audit.ts';
import type { DeadLetter } from '../../../protocol/console/stations.ts';
import type { Community, ConsoleStation, Subdistrict } from '../../../protocol/console/organisation.ts';
import type { Project } from '../../../protocol/console/projects.ts';
import type { RotationTemplate } from '../../../protocol/console/rotation.ts';
import type { Staff, StaffRole } from '../../../protocol/console/session.ts';
import type { Localized } from '../../../protocol/catalogue.ts';
import type { ShiftEventInput } from '../../../protocol/hours.ts';
import type { RequestKind, RequestTarget } from '../../../protocol/records.ts';
import type { RequestStatus } from '../../../protocol/request-state.ts';

/**
 * What the community console keeps, behind one contract both engines implement (sqlite/console-*.ts,
 * postgres/console-*.ts) and one suite tests (testing/console-suite.ts). Instants cross this boundary as ISO
 * strings, the shape the console's contract (sync/protocol/console) uses. Every change takes an AuditContext and
 * writes its audit entry (with the object before and after) in the same transaction as the change.
 */

export interface AuditActor {
  id: string;
  login: string;
  name: string;
}

/** Who is changing something, from where, and when. */
export interface AuditContext {
  staff: AuditActor | null;
  ip: string | null;
  now: Date;
}

export interface AuditInput extends AuditContext {
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditQuery {
  from?: string;
  to?: string;
  staffId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  /** Entries with an id below this (pages go newest first). */
  beforeId?: number;
  limit: number;
}

// ------------------------------------------------------------------------------------------------ staff

export interface StaffWithSecret extends Staff {
  passwordHash: string;
}

export interface NewSession {
  tokenHash: string;
  staffId: string;
  csrfToken: string;
  now: Date;
  idleExpiresAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export interface StoredSession {
  tokenHash: string;
  staff: Staff;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  idleExpiresAt: string;
  expiresAt: string;
}

export interface LockoutPolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

// ------------------------------------------------------------------------------------------------ publish

export interface CentreItemRow {
  collection: CentreCollection;
  scope: string;
  id: string;
  version: number;
  updatedAt: string;
  value: unknown;
}

export interface CentreChange {
  collection: CentreCollection;
  id: string;
  /** null: withdraw (a tombstone). */
  value: unknown;
  /** undefined: no check; null: the item must not be live; a number: the item's current version. */
  expectedVersion?: number | null;
}

export type CentreChangeResult = { ok: true; items: (CentreItemRow | null)[] } | { ok: false; conflict: string };

export interface RotationTemplateRow {
  stationId: string;
  template: RotationTemplate;
  version: number;
  updatedAt: string;
}

// ------------------------------------------------------------------------------------------------ requests

export interface RequestRow {
  id: string;
  stationId: string;
  number: string;
  kind: RequestKind;
  category: string;
  status: RequestStatus | null;
  submittedAt: string;
  updatedAt: string;
  dispatchedTo: RequestTarget | null;
  takenBy: RequestTarget | null;
  rating: number | null;
  doneAt: string | null;
  /** The unit it was dispatched to (the target unit, or the target member's unit): a unit lead's inbox. */
  dispatchedUnit: string | null;
}

export interface InboxFilter {
  /** null: every station. */
  stationIds: string[] | null;
  statuses?: RequestStatus[];
  kinds?: RequestKind[];
  /** The resident's receipt number. */
  number?: string;
  /** Requests dispatched to this unit (directly, or to one of its members). */
  unitId?: string;
  submittedBefore?: string;
  submittedAfter?: string;
  /** Open and submitted before the station's threshold: one threshold per group of stations. */
  overdue?: { stationIds: string[]; submittedBefore: string }[];
}

export interface InboxQuery extends InboxFilter {
  sort: 'newest' | 'oldest';
  /** Keyset: the last row of the previous page. */
  after?: { submittedAt: string; id: string };
  limit: number;
}

export interface TimelineRow {
  id: string;
  source: 'kiosk' | 'centre';
  receivedAt: string;
  /** The request-event record as applied. */
  event: Record<string, unknown>;
  /** The staff member who took a centre step; unitId when they lead a partner unit (not the community's staff). */
  staff: { id: string; name: string; unitId: string | null } | null;
}

export interface RequestDetailRow {
  request: RequestRow;
  /** The request record as stored (personal fields purged after retention). */
  payload: Record<string, unknown> | null;
  timeline: TimelineRow[];
  projectIds: string[];
  /** Other requests of the same station holding the same number (see requestDetailSchema.sameNumber). */
  sameNumber: string[];
}

/** What a centre step adds to the console's view of the request (written with the step, in its transaction). */
export interface CentreStepContext {
  staffId: string | null;
  /** Given: the step is audited (before and after) in its own transaction. */
  audit?: AuditContext;
  /** The unit a dispatch goes to (the target's, or the target member's unit). */
  dispatchedUnit?: string | null;
}

export interface RequestChange {
  seq: number;
  requestId: string;
  stationId: string;
  status: RequestStatus | null;
  at: string;
}

// ------------------------------------------------------------------------------------------------ the rest

export interface ProjectInput {
  id: string;
  communityId: string;
  title: string;
  description: string;
  requestIds: string[];
  memberIds: string[];
}

export interface ProjectPatch {
  title?: string;
  description?: string;
  status?: 'open' | 'completed';
  requestIds?: string[];
  memberIds?: string[];
}

export interface StationHealthRow {
  station: ConsoleStation;
  heartbeat: {
    appVersion: string;
    recordsWaiting: number;
    storageUsed: number | null;
    storageQuota: number | null;
    storageGrowthPerDay: number | null;
    deadLetters: number | null;
    lastError: string | null;
    clockOffsetMs: number | null;
    sentAt: string;
    receivedAt: string;
    onlineSince: string | null;
  } | null;
  unresolvedDeadLetters: number;
}

export interface CountQuery {
  metrics: string[];
  /** null: every station. */
  stationIds: string[] | null;
  from: string;
  to: string;
  by: ('day' | 'station' | 'key')[];
}

export interface CountRow {
  metric: string;
  day: string | null;
  stationId: string | null;
  key: string | null;
  count: number;
  total: number;
}

export interface HoursReviewRow {
  signInId: string;
  stationId: string;
  decision: 'approve' | 'correct' | 'decline';
  start: string | null;
  end: string | null;
  reason: string;
  at: string;
  staff: { id: string; name: string } | null;
}

export interface VisitLogRow {
  id: string;
  stationId: string;
  /** The tablet's time. */
  at: string;
  /** The centre's, beside it: a tablet's clock can be wrong and an offline one sends late. */
  receivedAt: string;
  /** Set when the tablet's clock was off enough to flag when it made the visit (records.ts clockSkewMs). */
  clockSkewMs: number | null;
  who: string;
  purpose: string;
}

export interface ConsoleStorage {
  // organisation
  listSubdistricts(): Promise<Subdistrict[]>;
  listCommunities(): Promise<Community[]>;
  listConsoleStations(): Promise<ConsoleStation[]>;
  createSubdistrict(input: { id: string; name: Localized }, audit: AuditContext): Promise<Subdistrict>;
  updateSubdistrict(id: string, patch: { name: Localized }, audit: AuditContext): Promise<Subdistrict | null>;
  createCommunity(input: { id: string; subdistrictId: string; name: Localized; targetHours: number }, audit: AuditContext): Promise<Community>;
  updateCommunity(id: string, patch: { name?: Localized; targetHours?: number }, audit: AuditContext): Promise<Community | null>;
  createConsoleStation(input: { id: string; name: string; communityId: string }, audit: AuditContext): Promise<ConsoleStation>;
  updateConsoleStation(id: string, patch: { name?: string; communityId?: string }, audit: AuditContext): Promise<ConsoleStation | null>;

  // staff, sessions, lockout
  getStaffByLogin(login: string): Promise<StaffWithSecret | null>;
  getStaff(id: string): Promise<StaffWithSecret | null>;
  listStaff(): Promise<Staff[]>;
  createStaff(input: { id: string; login: string; name: string; role: StaffRole; passwordHash: string }, audit: AuditContext): Promise<Staff>;
  /** Disabling an account ends its sessions in the same transaction. */
  updateStaff(id: string, patch: { name?: string; role?: StaffRole; disabled?: boolean }, audit: AuditContext): Promise<Staff | null>;
  /** Sets a password hash and ends every session of the account but `keepSession` (a token hash). */
  setStaffPassword(input: { staffId: string; passwordHash: string; keepSession: string | null; action: string }, audit: AuditContext): Promise<{ ended: number } | null>;
  recordLogin(staffId: string, now: Date): Promise<void>;
  /** Until when this login name is locked, if it is. */
  loginLockedUntil(login: string, now: Date): Promise<Date | null>;
  /** Counts a failed login of the name; locks it once the policy's failures fall within its window. */
  recordLoginFailure(input: { login: string; now: Date; policy: LockoutPolicy }): Promise<{ lockedUntil: Date | null }>;
  clearLoginFailures(login: string): Promise<void>;
  /** Counts a hit in the fixed window of `key` and returns the hits of the current window so far. */
  hitRateWindow(input: { key: string; now: Date; windowMs: number }): Promise<{ hits: number; resetAt: Date }>;
  createSession(session: NewSession): Promise<void>;
  /** The live session of this token (null if unknown, expired, or its account disabled). */
  readSession(tokenHash: string, now: Date): Promise<StoredSession | null>;
  touchSession(input: { tokenHash: string; now: Date; idleExpiresAt: Date }): Promise<void>;
  endSession(tokenHash: string): Promise<boolean>;
  endStaffSessions(staffId: string, keep: string | null): Promise<number>;
  purgeExpiredSessions(now: Date): Promise<number>;

  // audit
  appendAudit(entry: AuditInput): Promise<void>;
  listAudit(query: AuditQuery): Promise<AuditEntry[]>;

  // publish
  /** Live items of a collection in these scopes (null: every scope), all or those with these ids. */
  listCentreItems(input: { collection: CentreCollection; scopes: string[] | null; ids?: string[] }): Promise<CentreItemRow[]>;
  /**
   * Puts or withdraws items of one scope in one transaction, each against its expected version, and refuses an
   * id that is live in one of `clashScopes` ('others': any other scope) for the same collection.
   */
  changeCentreItems(
    input: {
      scope: string;
      changes: CentreChange[];
      clashScopes: string[] | 'others';
      action: string;
      targetId: string;
      /** What the audit log keeps of a value (credentials: whether there is a PIN, never its hash). */
      redact?: (collection: CentreCollection, value: unknown) => unknown;
    },
    audit: AuditContext,
  ): Promise<CentreChangeResult>;
  getRotationTemplate(stationId: string): Promise<RotationTemplateRow | null>;
  saveRotationTemplate(input: { stationId: string; template: RotationTemplate; expectedVersion: number | null }, audit: AuditContext): Promise<RotationTemplateRow | 'conflict'>;

  // requests
  queryInbox(query: InboxQuery): Promise<RequestRow[]>;
  countRequests(filter: InboxFilter): Promise<number>;
  getConsoleRequest(id: string): Promise<RequestRow | null>;
  getRequestDetail(id: string): Promise<RequestDetailRow | null>;
  /** Request statuses changed after `seq` (the server's change sequence), oldest first. */
  requestChangesSince(seq: number, limit: number): Promise<RequestChange[]>;
  latestChangeSeq(): Promise<number>;

  // projects
  listProjects(input: { communityIds: string[] | null; status?: 'open' | 'completed' }): Promise<Project[]>;
  getProject(id: string): Promise<Project | null>;
  createProject(input: ProjectInput, audit: AuditContext): Promise<Project>;
  updateProject(id: string, patch: ProjectPatch, expectedVersion: number, audit: AuditContext): Promise<Project | 'conflict' | null>;
  countProjects(communityIds: string[] | null): Promise<{ total: number; completed: number }>;

  // stations
  stationHealth(stationIds: string[] | null): Promise<StationHealthRow[]>;
  listConsoleDeadLetters(input: { stationIds: string[] | null; resolved?: boolean }): Promise<DeadLetter[]>;
  resolveDeadLetter(input: { stationId: string; epoch: string; seq: number; note: string }, audit: AuditContext): Promise<DeadLetter | null>;

  // reports
  sumCounts(query: CountQuery): Promise<CountRow[]>;
  shiftEventsBetween(input: { stationIds: string[] | null; fromMs: number; toMs: number }): Promise<ShiftEventInput[]>;
  getShiftSignIn(signInId: string): Promise<ShiftEventInput | null>;
  hoursReviews(signInIds: string[]): Promise<HoursReviewRow[]>;
  addHoursReview(review: Omit<HoursReviewRow, 'at' | 'staff'>, audit: AuditContext): Promise<HoursReviewRow>;
  visitLog(input: { stationIds: string[] | null; fromIso: string; toIso: string }): Promise<VisitLogRow[]>;
}
