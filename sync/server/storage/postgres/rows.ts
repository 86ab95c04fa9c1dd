import type { AckDeadLetter, DeadLetterReason } from '../../../protocol/wire.ts';
import { parseJson } from '../shared.ts';
import type { Heartbeat, Station, StoredDeadLetter, StoredRecord } from '../types.ts';

/** PostgreSQL's rows (bigint as string, timestamptz as Date) and their shapes in the storage contract. */

export interface StationRow {
  id: string;
  name: string;
  token_hash: string | null;
  prev_token_hash: string | null;
  revoked_at: Date | null;
  created_at: Date;
  token_issued_at: Date | null;
  enrolment_pending: boolean;
}

export interface RecordRow {
  id: string;
  station_id: string;
  epoch: string;
  seq: string;
  kind: string;
  v: number;
  payload: string;
  received_at: Date;
  personal_purged_at: Date | null;
}

export interface DeadLetterRow {
  station_id: string;
  epoch: string;
  seq: string;
  record_id: string | null;
  kind: string | null;
  reason: string;
  detail: string | null;
  payload: string | null;
  received_at: Date;
}

export interface HeartbeatRow {
  station_id: string;
  app_version: string;
  records_waiting: string;
  storage_used: string | null;
  storage_quota: string | null;
  storage_growth_per_day: string | null;
  dead_letters: number | null;
  last_error: string | null;
  clock_offset_ms: string | null;
  sent_at: string;
  received_at: Date;
}

const num = (value: string | number | null): number | null => (value === null ? null : Number(value));

export const toStation = (row: StationRow): Station => ({
  id: row.id,
  name: row.name,
  revokedAt: row.revoked_at,
  createdAt: row.created_at,
  enrolled: row.token_issued_at !== null,
  enrolmentPending: row.enrolment_pending,
});

export const toRecord = (row: RecordRow): StoredRecord => ({
  id: row.id,
  stationId: row.station_id,
  epoch: row.epoch,
  seq: Number(row.seq),
  kind: row.kind,
  v: row.v,
  payload: JSON.parse(row.payload) as unknown,
  receivedAt: row.received_at,
  personalPurgedAt: row.personal_purged_at,
});

export const toAck = (row: { seq: string | number; record_id: string | null; reason: string; detail: string | null }): AckDeadLetter => ({
  seq: Number(row.seq),
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
  receivedAt: row.received_at,
});

export const toHeartbeat = (row: HeartbeatRow): Heartbeat => ({
  stationId: row.station_id,
  appVersion: row.app_version,
  recordsWaiting: Number(row.records_waiting),
  storageUsed: num(row.storage_used),
  storageQuota: num(row.storage_quota),
  storageGrowthPerDay: num(row.storage_growth_per_day),
  deadLetters: row.dead_letters,
  lastError: row.last_error,
  clockOffsetMs: num(row.clock_offset_ms),
  sentAt: row.sent_at,
  receivedAt: row.received_at,
});
