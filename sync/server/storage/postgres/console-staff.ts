import { auditEntry } from '../console/audit.ts';
import { isoOf, roleColumns, STAFF_SELECT, type StaffRow, toStaff, withoutSecret } from '../console/rows.ts';
import type { ConsoleStorage } from '../console/types.ts';
import type { Client, PostgresConnection } from './connection.ts';
import { writeAudit } from './console-audit.ts';
import { conflictOn } from './console-organisation.ts';

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
  session_created_at: Date;
  last_seen_at: Date;
  idle_expires_at: Date;
  expires_at: Date;
}

/** Staff accounts, their sessions (token hashes only), failed-login lockouts and shared rate windows. */
export const postgresConsoleStaff = ({ pool, transaction }: PostgresConnection): StaffMethods => {
  const byId = async (client: Pick<Client, 'query'>, id: string) => (await client.query<StaffRow>(`${STAFF_SELECT} WHERE s.id = $1`, [id])).rows[0];
  const endSessions = async (client: Pick<Client, 'query'>, staffId: string, keep: string | null): Promise<number> =>
    (await client.query('DELETE FROM staff_sessions WHERE staff_id = $1 AND token_hash IS DISTINCT FROM $2', [staffId, keep])).rowCount ?? 0;

  return {
    async getStaffByLogin(login) {
      const row = (await pool.query<StaffRow>(`${STAFF_SELECT} WHERE s.login = $1`, [login])).rows[0];
      return row ? toStaff(row) : null;
    },
    async getStaff(id) {
      const row = await byId(pool, id);
      return row ? toStaff(row) : null;
    },
    async listStaff() {
      return (await pool.query<StaffRow>(`${STAFF_SELECT} ORDER BY s.login`)).rows.map((row) => withoutSecret(toStaff(row)));
    },

    async createStaff({ id, login, name, role, passwordHash }, audit) {
      const columns = roleColumns(role);
      return conflictOn(`login ${login} is taken, or its community or subdistrict does not exist`, () =>
        transaction(async (client) => {
          await client.query(
            'INSERT INTO staff (id, login, name, role, subdistrict_id, community_id, unit_id, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
            [id, login, name, columns.role, columns.subdistrictId, columns.communityId, columns.unitId, passwordHash, audit.now],
          );
          const created = withoutSecret(toStaff((await byId(client, id))!, audit.now));
          await writeAudit(client, auditEntry(audit, 'staff.create', 'staff', id, null, created));
          return created;
        }),
      );
    },

    async updateStaff(id, patch, audit) {
      return conflictOn('the role names a community or subdistrict that does not exist', () =>
        transaction(async (client) => {
          await client.query('SELECT id FROM staff WHERE id = $1 FOR UPDATE', [id]);
          const before = await byId(client, id);
          if (!before) return null;
          if (patch.name !== undefined) await client.query('UPDATE staff SET name = $1 WHERE id = $2', [patch.name, id]);
          if (patch.role !== undefined) {
            const columns = roleColumns(patch.role);
            await client.query('UPDATE staff SET role = $1, subdistrict_id = $2, community_id = $3, unit_id = $4 WHERE id = $5', [
              columns.role,
              columns.subdistrictId,
              columns.communityId,
              columns.unitId,
              id,
            ]);
          }
          if (patch.disabled !== undefined) {
            await client.query('UPDATE staff SET disabled_at = $1 WHERE id = $2', [patch.disabled ? (before.disabled_at ?? audit.now) : null, id]);
            if (patch.disabled) await endSessions(client, id, null);
          }
          // A new role means a new scope: sessions opened under the old one end.
          if (patch.role !== undefined && JSON.stringify(patch.role) !== JSON.stringify(toStaff(before).role)) await endSessions(client, id, null);
          const after = withoutSecret(toStaff((await byId(client, id))!, audit.now));
          await writeAudit(client, auditEntry(audit, 'staff.update', 'staff', id, withoutSecret(toStaff(before, audit.now)), after));
          return after;
        }),
      );
    },

    async setStaffPassword({ staffId, passwordHash, keepSession, action }, audit) {
      return transaction(async (client) => {
        const updated = await client.query('UPDATE staff SET password_hash = $1 WHERE id = $2', [passwordHash, staffId]);
        if (updated.rowCount === 0) return null;
        const ended = await endSessions(client, staffId, keepSession);
        // The hash itself stays out of the log: it says that the password changed, and how many sessions ended.
        await writeAudit(client, auditEntry(audit, action, 'staff', staffId, null, { sessionsEnded: ended }));
        return { ended };
      });
    },

    async recordLogin(staffId, now) {
      await pool.query('UPDATE staff SET last_login_at = $1 WHERE id = $2', [now, staffId]);
    },

    async loginLockedUntil(login, now) {
      const row = (await pool.query<{ locked_until: Date | null }>('SELECT locked_until FROM login_failures WHERE login = $1', [login])).rows[0];
      return row?.locked_until && row.locked_until.getTime() > now.getTime() ? row.locked_until : null;
    },

    async recordLoginFailure({ login, now, policy }) {
      return transaction(async (client) => {
        // The row of this name is created first, so two processes counting at once wait on its lock.
        await client.query('INSERT INTO login_failures (login, failures, window_started_at) VALUES ($1, 0, $2) ON CONFLICT (login) DO NOTHING', [login, now]);
        const row = (await client.query<{ failures: number; window_started_at: Date }>('SELECT failures, window_started_at FROM login_failures WHERE login = $1 FOR UPDATE', [login])).rows[0]!;
        const fresh = row.window_started_at.getTime() + policy.windowMs <= now.getTime();
        const failures = fresh ? 1 : row.failures + 1;
        const lockedUntil = failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockMs) : null;
        await client.query('UPDATE login_failures SET failures = $1, window_started_at = $2, locked_until = $3 WHERE login = $4', [
          lockedUntil ? 0 : failures,
          fresh || lockedUntil ? now : row.window_started_at,
          lockedUntil,
          login,
        ]);
        return { lockedUntil };
      });
    },

    async clearLoginFailures(login) {
      await pool.query('DELETE FROM login_failures WHERE login = $1', [login]);
    },

    async hitRateWindow({ key, now, windowMs }) {
      // One statement: a hit in the current window counts on, one after it starts a new window.
      const { rows } = await pool.query<{ window_started_at: Date; hits: number }>(
        `INSERT INTO rate_windows (key, window_started_at, hits) VALUES ($1, $2, 1)
         ON CONFLICT (key) DO UPDATE SET
           hits = CASE WHEN rate_windows.window_started_at + $3 * interval '1 millisecond' <= $2 THEN 1 ELSE rate_windows.hits + 1 END,
           window_started_at = CASE WHEN rate_windows.window_started_at + $3 * interval '1 millisecond' <= $2 THEN $2 ELSE rate_windows.window_started_at END
         RETURNING window_started_at, hits`,
        [key, now, windowMs],
      );
      const row = rows[0]!;
      return { hits: row.hits, resetAt: new Date(row.window_started_at.getTime() + windowMs) };
    },

    async createSession(session) {
      await pool.query(
        'INSERT INTO staff_sessions (token_hash, staff_id, csrf_token, created_at, last_seen_at, idle_expires_at, expires_at, ip, user_agent) VALUES ($1, $2, $3, $4, $4, $5, $6, $7, $8)',
        [session.tokenHash, session.staffId, session.csrfToken, session.now, session.idleExpiresAt, session.expiresAt, session.ip, session.userAgent],
      );
    },

    async readSession(tokenHash, now) {
      const row = (
        await pool.query<SessionRow>(
          `SELECT s.id, s.login, s.name, s.role, s.subdistrict_id, s.community_id, s.unit_id, s.password_hash, s.disabled_at, s.created_at, s.last_login_at,
             NULL AS locked_until, x.token_hash, x.csrf_token, x.created_at AS session_created_at, x.last_seen_at, x.idle_expires_at, x.expires_at
           FROM staff_sessions x JOIN staff s ON s.id = x.staff_id WHERE x.token_hash = $1`,
          [tokenHash],
        )
      ).rows[0];
      if (!row || row.disabled_at !== null || row.idle_expires_at.getTime() <= now.getTime() || row.expires_at.getTime() <= now.getTime()) return null;
      return {
        tokenHash: row.token_hash,
        staff: withoutSecret(toStaff(row, now)),
        csrfToken: row.csrf_token,
        createdAt: isoOf(row.session_created_at),
        lastSeenAt: isoOf(row.last_seen_at),
        idleExpiresAt: isoOf(row.idle_expires_at),
        expiresAt: isoOf(row.expires_at),
      };
    },

    async touchSession({ tokenHash, now, idleExpiresAt }) {
      await pool.query('UPDATE staff_sessions SET last_seen_at = $1, idle_expires_at = $2 WHERE token_hash = $3', [now, idleExpiresAt, tokenHash]);
    },

    async endSession(tokenHash) {
      return ((await pool.query('DELETE FROM staff_sessions WHERE token_hash = $1', [tokenHash])).rowCount ?? 0) > 0;
    },

    async endStaffSessions(staffId, keep) {
      return endSessions(pool, staffId, keep);
    },

    async purgeExpiredSessions(now) {
      return (await pool.query('DELETE FROM staff_sessions WHERE idle_expires_at <= $1 OR expires_at <= $1', [now])).rowCount ?? 0;
    },
  };
};
