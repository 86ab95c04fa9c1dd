import type Database from 'better-sqlite3';
import { type AuditRow, auditJson, toAuditEntry } from '../console/audit.ts';
import type { AuditInput, ConsoleStorage } from '../console/types.ts';
import type { SqliteConnection } from './connection.ts';

/** Appends one audit entry; callers inside a transaction make it part of their change. */
export const writeAudit = (db: Database.Database, entry: AuditInput): void => {
  db.prepare(
    'INSERT INTO audit_log (at, staff_id, staff_login, staff_name, action, target_type, target_id, before, after, ip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    entry.now.toISOString(),
    entry.staff?.id ?? null,
    entry.staff?.login ?? null,
    entry.staff?.name ?? null,
    entry.action,
    entry.targetType,
    entry.targetId,
    auditJson(entry.before),
    auditJson(entry.after),
    entry.ip,
  );
};

/** The audit log: append-only, read newest first in pages by id. */
export const sqliteConsoleAudit = ({ db }: SqliteConnection): Pick<ConsoleStorage, 'appendAudit' | 'listAudit'> => ({
  async appendAudit(entry) {
    writeAudit(db, entry);
  },

  async listAudit(query) {
    const where: string[] = [];
    const args: (string | number)[] = [];
    const and = (clause: string, value: string | number | undefined) => {
      if (value === undefined) return;
      where.push(clause);
      args.push(value);
    };
    and('at >= ?', query.from && new Date(query.from).toISOString());
    and('at <= ?', query.to && new Date(query.to).toISOString());
    and('staff_id = ?', query.staffId);
    and('action = ?', query.action);
    and('target_type = ?', query.targetType);
    and('target_id = ?', query.targetId);
    and('id < ?', query.beforeId);
    const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
    return db.prepare<(string | number)[], AuditRow>(sql).all(...args, query.limit).map(toAuditEntry);
  },
});
