import type { Localized } from '../../../protocol/catalogue.ts';
import type { Community, ConsoleStation, Subdistrict } from '../../../protocol/console/organisation.ts';
import type { Project } from '../../../protocol/console/projects.ts';
import type { Staff, StaffRole } from '../../../protocol/console/session.ts';
import type { DeadLetter } from '../../../protocol/console/stations.ts';
import type { DeadLetterReason } from '../../../protocol/wire.ts';
import type { RequestKind } from '../../../protocol/records.ts';
import type { RequestStatus } from '../../../protocol/request-state.ts';
import { type IndexState, parseTarget } from './ingest.ts';
import type { StaffWithSecret } from './types.ts';

/**
 * Rows of the console's tables as both engines read them (SQLite gives ISO text, PostgreSQL Date objects for
 * instants), and their shapes in the contract.
 */
export type Instant = string | Date;
export const isoOf = (value: Instant): string => (typeof value === 'string' ? new Date(value).toISOString() : value.toISOString());
export const isoOrNull = (value: Instant | null | undefined): string | null => (value === null || value === undefined ? null : isoOf(value));
const localized = (text: string): Localized => JSON.parse(text) as Localized;

export interface SubdistrictRow {
  id: string;
  name: string;
  created_at: Instant;
}
export const toSubdistrict = (row: SubdistrictRow): Subdistrict => ({ id: row.id, name: localized(row.name), createdAt: isoOf(row.created_at) });

export interface CommunityRow {
  id: string;
  subdistrict_id: string;
  name: string;
  target_hours: number;
  created_at: Instant;
}
export const toCommunity = (row: CommunityRow): Community => ({
  id: row.id,
  subdistrictId: row.subdistrict_id,
  name: localized(row.name),
  targetHours: Number(row.target_hours),
  createdAt: isoOf(row.created_at),
});

export interface ConsoleStationRow {
  id: string;
  name: string;
  community_id: string | null;
  token_issued_at: Instant | null;
  revoked_at: Instant | null;
  created_at: Instant;
}
export const CONSOLE_STATION_COLUMNS = 'id, name, community_id, token_issued_at, revoked_at, created_at';
export const toConsoleStation = (row: ConsoleStationRow): ConsoleStation => ({
  id: row.id,
  name: row.name,
  communityId: row.community_id,
  enrolled: row.token_issued_at !== null,
  revokedAt: isoOrNull(row.revoked_at),
  createdAt: isoOf(row.created_at),
});

export interface StaffRow {
  id: string;
  login: string;
  name: string;
  role: string;
  subdistrict_id: string | null;
  community_id: string | null;
  unit_id: string | null;
  password_hash: string;
  disabled_at: Instant | null;
  created_at: Instant;
  last_login_at: Instant | null;
  locked_until: Instant | null;
}
/** The staff columns with the lockout of the login joined in (alias s for staff, f for login_failures). */
export const STAFF_SELECT =
  'SELECT s.id, s.login, s.name, s.role, s.subdistrict_id, s.community_id, s.unit_id, s.password_hash, s.disabled_at, s.created_at, s.last_login_at, f.locked_until FROM staff s LEFT JOIN login_failures f ON f.login = s.login';

export const roleColumns = (role: StaffRole): { role: string; subdistrictId: string | null; communityId: string | null; unitId: string | null } => ({
  role: role.kind,
  subdistrictId: role.kind === 'subdistrict-staff' ? role.subdistrictId : null,
  communityId: role.kind === 'community-staff' || role.kind === 'unit-lead' ? role.communityId : null,
  unitId: role.kind === 'unit-lead' ? role.unitId : null,
});

export const roleOf = (row: Pick<StaffRow, 'role' | 'subdistrict_id' | 'community_id' | 'unit_id'>): StaffRole => {
  switch (row.role) {
    case 'subdistrict-staff':
      return { kind: 'subdistrict-staff', subdistrictId: row.subdistrict_id! };
    case 'community-staff':
      return { kind: 'community-staff', communityId: row.community_id! };
    case 'unit-lead':
      return { kind: 'unit-lead', communityId: row.community_id!, unitId: row.unit_id! };
    default:
      return { kind: 'district-admin' };
  }
};

export const toStaff = (row: StaffRow, now = new Date()): StaffWithSecret => {
  const locked = isoOrNull(row.locked_until);
  return {
    id: row.id,
    login: row.login,
    name: row.name,
    role: roleOf(row),
    disabled: row.disabled_at !== null,
    createdAt: isoOf(row.created_at),
    lastLoginAt: isoOrNull(row.last_login_at),
    lockedUntil: locked !== null && Date.parse(locked) > now.getTime() ? locked : null,
    passwordHash: row.password_hash,
  };
};
export const withoutSecret = ({ passwordHash: _secret, ...staff }: StaffWithSecret): Staff => staff;

export interface ConsoleRequestRow {
  id: string;
  station_id: string;
  number: string;
  kind: string;
  category: string;
  status: string | null;
  submitted_at: Instant;
  updated_at: Instant;
  dispatched_to: string | null;
  dispatched_unit: string | null;
  taken_by: string | null;
  rating: number | null;
  done_at: Instant | null;
}
export const toIndexState = (row: ConsoleRequestRow): IndexState => ({
  id: row.id,
  stationId: row.station_id,
  number: row.number,
  kind: row.kind as RequestKind,
  category: row.category,
  status: row.status as RequestStatus | null,
  submittedAt: isoOf(row.submitted_at),
  updatedAt: isoOf(row.updated_at),
  dispatchedTo: parseTarget(row.dispatched_to),
  takenBy: parseTarget(row.taken_by),
  dispatchedUnit: row.dispatched_unit,
  rating: row.rating === null ? null : Number(row.rating),
  doneAt: isoOrNull(row.done_at),
});
export const toRequestRow = toIndexState;

export interface ProjectRow {
  id: string;
  community_id: string;
  title: string;
  description: string;
  status: string;
  created_at: Instant;
  completed_at: Instant | null;
  version: number | string;
}
export const toProject = (row: ProjectRow, requestIds: string[], memberIds: string[]): Project => ({
  id: row.id,
  communityId: row.community_id,
  title: row.title,
  description: row.description,
  status: row.status as Project['status'],
  requestIds,
  memberIds,
  createdAt: isoOf(row.created_at),
  completedAt: isoOrNull(row.completed_at),
  version: Number(row.version),
});

export interface ConsoleDeadLetterRow {
  station_id: string;
  epoch: string;
  seq: number | string;
  record_id: string | null;
  kind: string | null;
  reason: string;
  detail: string | null;
  payload: string | null;
  stored_payload: string | null;
  received_at: Instant;
  resolved_at: Instant | null;
  note: string | null;
  staff_id: string | null;
  staff_name: string | null;
}
/** A content conflict brings the version stored under its id, when the same station stored it (no other's data leaks). */
export const CONSOLE_DEAD_LETTER_SELECT = `SELECT d.station_id, d.epoch, d.seq, d.record_id, d.kind, d.reason, d.detail, d.payload, k.payload AS stored_payload, d.received_at,
  r.resolved_at, r.note, r.staff_id, s.name AS staff_name
  FROM dead_letters d LEFT JOIN dead_letter_reviews r ON r.station_id = d.station_id AND r.epoch = d.epoch AND r.seq = d.seq
  LEFT JOIN staff s ON s.id = r.staff_id
  LEFT JOIN records k ON d.reason = 'content-conflict' AND k.id = d.record_id AND k.station_id = d.station_id`;
export const toConsoleDeadLetter = (row: ConsoleDeadLetterRow): DeadLetter => ({
  stationId: row.station_id,
  epoch: row.epoch,
  seq: Number(row.seq),
  recordId: row.record_id,
  kind: row.kind,
  reason: row.reason as DeadLetterReason,
  detail: row.detail,
  payload: row.payload === null ? null : (JSON.parse(row.payload) as unknown),
  stored: row.stored_payload === null ? null : (JSON.parse(row.stored_payload) as unknown),
  receivedAt: isoOf(row.received_at),
  resolution: row.resolved_at === null ? null : { at: isoOf(row.resolved_at), note: row.note ?? '', staff: row.staff_id ? { id: row.staff_id, name: row.staff_name ?? '' } : null },
});
