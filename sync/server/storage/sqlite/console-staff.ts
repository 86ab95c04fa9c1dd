import { auditEntry } from '../console/audit.ts';
import { roleColumns, STAFF_SELECT, type StaffRow, toStaff, withoutSecret } from '../console/rows.ts';
import type { ConsoleStorage, StoredSession } from '../console/types.ts';
import { StorageConflictError } from '../types.ts';
import type { SqliteConnection } from './connection.ts';
import { writeAudit } from './console-audit.ts';

type StaffMethods = Pick<
  ConsoleStorage,
  | 'getStaffByLogin'
  | 'getStaff'
  | 'listStaff'
  | 'createStaff'
  | 'updateStaff'
  | 'setStaffPassword'
  | 'recordLogin'
  | 'loginLockedUntil'
  | 'recordLoginFailure'
  | 'clearLoginFailures'
  | 'hitRateWindow'
  | 'createSession'
  | 'readSession'
  | 'touchSession'
  | 'endSession'
  | 'endStaffSessions'
  | 'purgeExpiredSessions'
>;

interface SessionRow extends StaffRow {
  token_hash: string;
  csrf_token: string;
  session_created_at: string;
  last_seen_at: string;
  idle_expires_at: string;
  expires_at: string;
}

/** Staff accounts, their sessions (token hashes only), failed-login lockouts and shared rate windows. */
export const sqliteConsoleStaff = ({ db }: SqliteConnection): StaffMethods => {
  const byId = (id: string) => db.prepare<[string], StaffRow>(`${STAFF_SELECT} WHERE s.id = ?`).get(id);
  const endSessions = (staffId: string, keep: string | null): number =>
    db.prepare('DELETE FROM staff_sessions WHERE staff_id = ? AND token_hash IS NOT ?').run(staffId, keep).changes;

  return {
    async getStaffByLogin(login) {
      const row = db.prepare<[string], StaffRow>(`${STAFF_SELECT} WHERE s.login = ?`).get(login);
      return row ? toStaff(row) : null;
    },
    async getStaff(id) {
      const row = byId(id);
      return row ? toStaff(row) : null;
    },
    async listStaff() {
      return db.prepare<[], StaffRow>(`${STAFF_SELECT} ORDER BY s.login`).all().map((row) => withoutSecret(toStaff(row)));
    },

    async createStaff({ id, login, name, role, passwordHash }, audit) {
      const columns = roleColumns(role);
      return db
        .transaction(() => {
          try {
            db.prepare(
              'INSERT INTO staff (id, login, name, role, subdistrict_id, community_id, unit_id, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
            ).run(id, login, name, columns.role, columns.subdistrictId, columns.communityId, columns.unitId, passwordHash, audit.now.toISOString());
          } catch (error) {
            if (String((error as { code?: string }).code).startsWith('SQLITE_CONSTRAINT')) throw new StorageConflictError(`login ${login} is taken, or its community or subdistrict does not exist`);
            throw error;
          }
          const created = withoutSecret(toStaff(byId(id)!, audit.now));
          writeAudit(db, auditEntry(audit, 'staff.create', 'staff', id, null, created));
          return created;
        })
        .immediate();
    },

    async updateStaff(id, patch, audit) {
      return db
        .transaction(() => {
          const before = byId(id);
          if (!before) return null;
          if (patch.name !== undefined) db.prepare('UPDATE staff SET name = ? WHERE id = ?').run(patch.name, id);
          if (patch.role !== undefined) {
            const columns = roleColumns(patch.role);
            try {
              db.prepare('UPDATE staff SET role = ?, subdistrict_id = ?, community_id = ?, unit_id = ? WHERE id = ?').run(columns.role, columns.subdistrictId, columns.communityId, columns.unitId, id);
            } catch (error) {
              if (String((error as { code?: string }).code).startsWith('SQLITE_CONSTRAINT')) throw new StorageConflictError('the role names a community or subdistrict that does not exist');
              throw error;
            }
          }
          if (patch.disabled !== undefined) {
            db.prepare('UPDATE staff SET disabled_at = ? WHERE id = ?').run(patch.disabled ? (before.disabled_at ?? audit.now.toISOString()) : null, id);
            if (patch.disabled) endSessions(id, null);
          }
          // A new role means a new scope: sessions opened under the old one end.
          if (patch.role !== undefined && JSON.stringify(patch.role) !== JSON.stringify(toStaff(before).role)) endSessions(id, null);
          const after = withoutSecret(toStaff(byId(id)!, audit.now));
          writeAudit(db, auditEntry(audit, 'staff.update', 'staff', id, withoutSecret(toStaff(before, audit.now)), after));
          return after;
        })
        .immediate();
    },

    async setStaffPassword({ staffId, passwordHash, keepSession, action }, audit) {
      return db
        .transaction(() => {
          if (!byId(staffId)) return null;
          db.prepare('UPDATE staff SET password_hash = ? WHERE id = ?').run(passwordHash, staffId);
          const ended = endSessions(staffId, keepSession);
          // The hash itself stays out of the log: it says that the password changed, and how many sessions ended.
          writeAudit(db, auditEntry(audit, action, 'staff', staffId, null, { sessionsEnded: ended }));
          return { ended };
        })
        .immediate();
    },

    async recordLogin(staffId, now) {
      db.prepare('UPDATE staff SET last_login_at = ? WHERE id = ?').run(now.toISOString(), staffId);
    },

    async loginLockedUntil(login, now) {
      const row = db.prepare<[string], { locked_until: string | null }>('SELECT locked_until FROM login_failures WHERE login = ?').get(login);
      return row?.locked_until && Date.parse(row.locked_until) > now.getTime() ? new Date(row.locked_until) : null;
    },

    async recordLoginFailure({ login, now, policy }) {
      return db
        .transaction(() => {
          const row = db.prepare<[string], { failures: number; window_started_at: string }>('SELECT failures, window_started_at FROM login_failures WHERE login = ?').get(login);
          const fresh = !row || Date.parse(row.window_started_at) + policy.windowMs <= now.getTime();
          const failures = fresh ? 1 : row.failures + 1;
          const lockedUntil = failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockMs) : null;
          db.prepare(
            `INSERT INTO login_failures (login, failures, window_started_at, locked_until) VALUES (?, ?, ?, ?)
             ON CONFLICT (login) DO UPDATE SET failures = excluded.failures, window_started_at = excluded.window_started_at, locked_until = excluded.locked_until`,
          ).run(login, lockedUntil ? 0 : failures, fresh || lockedUntil ? now.toISOString() : row.window_started_at, lockedUntil?.toISOString() ?? null);
          return { lockedUntil };
        })
        .immediate();
    },

    async clearLoginFailures(login) {
      db.prepare('DELETE FROM login_failures WHERE login = ?').run(login);
    },

    async hitRateWindow({ key, now, windowMs }) {
      return db
        .transaction(() => {
          const row = db.prepare<[string], { window_started_at: string; hits: number }>('SELECT window_started_at, hits FROM rate_windows WHERE key = ?').get(key);
          const fresh = !row || Date.parse(row.window_started_at) + windowMs <= now.getTime();
          const start = fresh ? now : new Date(row.window_started_at);
          const hits = fresh ? 1 : row.hits + 1;
          db.prepare(
            `INSERT INTO rate_windows (key, window_started_at, hits) VALUES (?, ?, ?)
             ON CONFLICT (key) DO UPDATE SET window_started_at = excluded.window_started_at, hits = excluded.hits`,
          ).run(key, start.toISOString(), hits);
          return { hits, resetAt: new Date(start.getTime() + windowMs) };
        })
        .immediate();
    },

    async createSession(session) {
      db.prepare(
        'INSERT INTO staff_sessions (token_hash, staff_id, csrf_token, created_at, last_seen_at, idle_expires_at, expires_at, ip, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(
        session.tokenHash,
        session.staffId,
        session.csrfToken,
        session.now.toISOString(),
        session.now.toISOString(),
        session.idleExpiresAt.toISOString(),
        session.expiresAt.toISOString(),
        session.ip,
        session.userAgent,
      );
    },

    async readSession(tokenHash, now) {
      const row = db
        .prepare<[string], SessionRow>(
          `SELECT s.id, s.login, s.name, s.role, s.subdistrict_id, s.community_id, s.unit_id, s.password_hash, s.disabled_at, s.created_at, s.last_login_at,
             NULL AS locked_until, x.token_hash, x.csrf_token, x.created_at AS session_created_at, x.last_seen_at, x.idle_expires_at, x.expires_at
           FROM staff_sessions x JOIN staff s ON s.id = x.staff_id WHERE x.token_hash = ?`,
        )
        .get(tokenHash);
      const at = now.toISOString();
      if (!row || row.disabled_at !== null || row.idle_expires_at <= at || row.expires_at <= at) return null;
      const session: StoredSession = {
        tokenHash: row.token_hash,
        staff: withoutSecret(toStaff(row, now)),
        csrfToken: row.csrf_token,
        createdAt: row.session_created_at,
        lastSeenAt: row.last_seen_at,
        idleExpiresAt: row.idle_expires_at,
        expiresAt: row.expires_at,
      };
      return session;
    },

    async touchSession({ tokenHash, now, idleExpiresAt }) {
      db.prepare('UPDATE staff_sessions SET last_seen_at = ?, idle_expires_at = ? WHERE token_hash = ?').run(now.toISOString(), idleExpiresAt.toISOString(), tokenHash);
    },

    async endSession(tokenHash) {
      return db.prepare('DELETE FROM staff_sessions WHERE token_hash = ?').run(tokenHash).changes > 0;
    },

    async endStaffSessions(staffId, keep) {
      return endSessions(staffId, keep);
    },

    async purgeExpiredSessions(now) {
      const at = now.toISOString();
      return db.prepare('DELETE FROM staff_sessions WHERE idle_expires_at <= ? OR expires_at <= ?').run(at, at).changes;
    },
  };
};
