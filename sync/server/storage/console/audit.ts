import type { AuditEntry } from '../../../protocol/console/audit.ts';
import type { AuditContext, AuditInput } from './types.ts';

/** What both engines share about the audit log: an entry from a context, and a row back into the contract. */
export const auditEntry = (audit: AuditContext, action: string, targetType: string, targetId: string | null, before: unknown, after: unknown): AuditInput => ({
  ...audit,
  action,
  targetType,
  targetId,
  before,
  after,
});

export interface AuditRow {
  id: number | string;
  at: string | Date;
  staff_id: string | null;
  staff_login: string | null;
  staff_name: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  before: string | null;
  after: string | null;
  ip: string | null;
}

const parse = (text: string | null): unknown => (text === null ? null : (JSON.parse(text) as unknown));

export const toAuditEntry = (row: AuditRow): AuditEntry => ({
  id: String(row.id),
  at: new Date(row.at).toISOString(),
  staff: row.staff_id ? { id: row.staff_id, login: row.staff_login ?? '', name: row.staff_name ?? '' } : null,
  action: row.action,
  targetType: row.target_type,
  targetId: row.target_id,
  before: parse(row.before),
  after: parse(row.after),
  ip: row.ip,
});

/** before/after as stored: JSON text, null for nothing. */
export const auditJson = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));
