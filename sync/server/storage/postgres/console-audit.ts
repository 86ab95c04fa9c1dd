import { type AuditRow, auditJson, toAuditEntry } from '../console/audit.ts';
import type { AuditInput, ConsoleStorage } from '../console/types.ts';
import type { Client, PostgresConnection } from './connection.ts';

/** Appends one audit entry; callers inside a transaction make it part of their change. */
export const writeAudit = async (client: Pick<Client, 'query'>, entry: AuditInput): Promise<void> => {
  await client.query(
    'INSERT INTO audit_log (at, staff_id, staff_login, staff_name, action, target_type, target_id, before, after, ip) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
    [
      entry.now,
      entry.staff?.id ?? null,
      entry.staff?.login ?? null,
      entry.staff?.name ?? null,
      entry.action,
      entry.targetType,
      entry.targetId,
      auditJson(entry.before),
      auditJson(entry.after),
      entry.ip,
    ],
  );
};

/** The audit log: append-only, read newest first in pages by id. */
export const postgresConsoleAudit = ({ pool }: PostgresConnection): Pick<ConsoleStorage, 'appendAudit' | 'listAudit'> => ({
  async appendAudit(entry) {
    await writeAudit(pool, entry);
  },

  async listAudit(query) {
    const where: string[] = [];
    const args: unknown[] = [];
    const and = (clause: string, value: unknown) => {
      if (value === undefined) return;
      args.push(value);
      where.push(clause.replace('?', `$${args.length}`));
    };
    and('at >= ?', query.from);
    and('at <= ?', query.to);
    and('staff_id = ?', query.staffId);
    and('action = ?', query.action);
    and('target_type = ?', query.targetType);
    and('target_id = ?', query.targetId);
    and('id < ?', query.beforeId);
    args.push(query.limit);
    const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $${args.length}`;
    return (await pool.query<AuditRow>(sql, args)).rows.map(toAuditEntry);
  },
});
