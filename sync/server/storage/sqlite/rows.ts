import type { AckDeadLetter, DeadLetterReason } from '../../../protocol/wire.ts';
import { parseJson } from '../shared.ts';
import type { Heartbeat, Station, StoredDeadLetter, StoredRecord } from '../types.ts';

/** SQLite's rows (dates as ISO text, booleans as 0/1) and their shapes in the storage contract. */

export interface StationRow {
  id: string;
  name: string;
  token_hash: string | null;
  prev_token_hash: string | null;
  revoked_at: string | null;
  created_at: string;
  token_issued_at: string | null;
  enrolment_pending: number;
}

export interface RecordRow {
  id: string;
  station_id: string;
  epoch: string;
  seq: number;
  kind: string;
  v: number;
  payload: string;
  received_at: string;
  personal_purged_at: string | null;
}

export interface DeadLetterRow {
  station_id: string;
  epoch: string;
  seq: number;
  record_id: string | null;
  kind: string | null;
  reason: string;
  detail: string | null;
  payload: string | null;
  received_at: string;
}

export interface HeartbeatRow {
  station_id: string;
  app_version: string;
  records_waiting: number;
  storage_used: number | null;
  storage_quota: number | null;
  storage_growth_per_day: number | null;
  dead_letters: number | null;
  last_error: string | null;
  clock_offset_ms: number | null;
  sent_at: string;
  received_at: string;
}

export const toStation = (row: StationRow): Station => ({
  id: row.id,
  name: row.name,
  revokedAt: row.revoked_at ? new Date(row.revoked_at) : null,
  createdAt: new Date(row.created_at),
  enrolled: row.token_issued_at !== null,
  enrolmentPending: row.enrolment_pending === 1,
});

export const toRecord = (row: RecordRow): StoredRecord => ({
  id: row.id,
  stationId: row.station_id,
  epoch: row.epoch,
  seq: row.seq,
  kind: row.kind,
  v: row.v,
  payload: JSON.parse(row.payload) as unknown,
  receivedAt: new Date(row.received_at),
  personalPurgedAt: row.personal_purged_at ? new Date(row.personal_purged_at) : null,
});

export const toAck = (row: Pick<DeadLetterRow, 'seq' | 'record_id' | 'reason' | 'detail'>): AckDeadLetter => ({
  seq: row.seq,
  id: row.record_id,
  reason: row.reason as DeadLetterReason,
  detail: row.detail,
});

export const toDeadLetter = (row: DeadLetterRow): StoredDeadLetter => ({
  ...toAck(row),
  stationId: row.station_id,
  epoch: row.epoch,
  kind: row.kind,
  payload: parseJson(row.payload),
  receivedAt: new Date(row.received_at),
});

export const toHeartbeat = (row: HeartbeatRow): Heartbeat => ({
  stationId: row.station_id,
  appVersion: row.app_version,
  recordsWaiting: row.records_waiting,
  storageUsed: row.storage_used,
  storageQuota: row.storage_quota,
  storageGrowthPerDay: row.storage_growth_per_day,
  deadLetters: row.dead_letters,
  lastError: row.last_error,
  clockOffsetMs: row.clock_offset_ms,
  sentAt: row.sent_at,
  receivedAt: new Date(row.received_at),
});
