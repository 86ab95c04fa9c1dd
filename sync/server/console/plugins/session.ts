import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { consoleRoutes } from '../../../protocol/console/routes.ts';
import type { Session } from '../../../protocol/console/session.ts';
import type { StoredSession } from '../../storage/console/types.ts';
import type { Storage } from '../../storage/types.ts';
import { ConsoleError } from '../errors.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../passwords.ts';
import { auditContext, type ConsoleDeps, consoleRoute } from '../route.ts';
import { publicScope, resolveScope } from '../scope.ts';
import { checkOrigin, clearedSessionCookie, newCsrfToken, newSessionToken, sessionCookie, sessionHash } from '../session-auth.ts';

/** The session as the console sees it: who, where, the CSRF token, when it ends. */
export const sessionView = async (storage: Storage, session: StoredSession): Promise<Session> => ({
  staff: session.staff,
  scope: publicScope(await resolveScope(storage, session.staff)),
  csrfToken: session.csrfToken,
  idleExpiresAt: session.idleExpiresAt,
  expiresAt: session.expiresAt,
});

const retryAfter = (until: Date, now: Date): number => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

/**
 * POST /session/login (no session yet): 200 with the session and its cookie; 401 invalid-credentials for a wrong
 * name or password alike (an unknown name costs the same scrypt); 429 account-locked after too many failures of
 * the name, 429 rate-limited after too many attempts from the address; 403 csrf-failed from a foreign page.
 * Every outcome is in the audit log.
 */
export const loginPlugin: FastifyPluginAsync<ConsoleDeps> = async (app, deps) => {
  const { storage, policy, now } = deps;
  const route = consoleRoutes.login;
  app.post(route.path, { schema: { body: route.body, response: { 200: route.response } } }, async (request: FastifyRequest, reply) => {
    checkOrigin(request);
    const { login, password } = request.body as { login: string; password: string };
    const at = now();
    const audit = auditContext(request, null, at);

    const window = await storage.hitRateWindow({ key: `console-login:${request.ip}`, now: at, windowMs: policy.loginAddressWindowMs });
    if (window.hits > policy.loginPerAddress) {
      const seconds = retryAfter(window.resetAt, at);
      throw new ConsoleError(429, 'rate-limited', 'too many login attempts from this address', { retryAfterSeconds: seconds });
    }
    const lockedUntil = await storage.loginLockedUntil(login, at);
    if (lockedUntil) {
      throw new ConsoleError(429, 'account-locked', 'too many failed logins: this login is locked for a while', { retryAfterSeconds: retryAfter(lockedUntil, at) });
    }

    const staff = await storage.getStaffByLogin(login);
    const matches = await verifyPassword(password, staff?.passwordHash ?? dummyPasswordHash(policy.passwordCost));
    if (!staff || !matches || staff.disabled) {
      const failure = await storage.recordLoginFailure({ login, now: at, policy: { maxFailures: policy.maxFailures, windowMs: policy.lockWindowMs, lockMs: policy.lockMs } });
      await storage.appendAudit({ ...audit, action: 'session.login-failed', targetType: 'login', targetId: login, before: null, after: { locked: failure.lockedUntil !== null } });
      if (failure.lockedUntil) {
        throw new ConsoleError(429, 'account-locked', 'too many failed logins: this login is locked for a while', { retryAfterSeconds: retryAfter(failure.lockedUntil, at) });
      }
      throw new ConsoleError(401, 'invalid-credentials', 'wrong login or password');
    }

    await storage.clearLoginFailures(login);
    const token = newSessionToken();
    const expiresAt = new Date(at.getTime() + policy.absoluteMs);
    const idleExpiresAt = new Date(Math.min(at.getTime() + policy.idleMs, expiresAt.getTime()));
    const userAgent = typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'].slice(0, 300) : null;
    await storage.createSession({ tokenHash: sessionHash(token), staffId: staff.id, csrfToken: newCsrfToken(), now: at, idleExpiresAt, expiresAt, ip: request.ip, userAgent });
    await storage.recordLogin(staff.id, at);
    await storage.appendAudit({ ...audit, staff: { id: staff.id, login: staff.login, name: staff.name }, action: 'session.login', targetType: 'staff', targetId: staff.id, before: null, after: { userAgent } });
    const session = await storage.readSession(sessionHash(token), at);
    if (!session) throw new ConsoleError(401, 'unauthorized', 'the session could not be opened');
    reply.header('set-cookie', sessionCookie(token)).header('cache-control', 'no-store');
    return sessionView(storage, session);
  });
};

/** Who am I, log out, log out everywhere, change my password. */
export const sessionPlugin: FastifyPluginAsync<ConsoleDeps> = async (app, deps) => {
  const { storage } = deps;

  consoleRoute(app, deps, 'session', async ({ session, reply }) => {
    reply.header('cache-control', 'no-store');
    return sessionView(storage, session);
  });

  consoleRoute(app, deps, 'logout', async ({ session, reply, audit }) => {
    await storage.endSession(session.tokenHash);
    await storage.appendAudit({ ...audit, action: 'session.logout', targetType: 'staff', targetId: session.staff.id, before: null, after: null });
    reply.header('set-cookie', clearedSessionCookie);
    return { ok: true as const };
  });

  consoleRoute(app, deps, 'logoutEverywhere', async ({ session, reply, audit }) => {
    const ended = await storage.endStaffSessions(session.staff.id, null);
    await storage.appendAudit({ ...audit, action: 'session.logout-everywhere', targetType: 'staff', targetId: session.staff.id, before: null, after: { ended } });
    reply.header('set-cookie', clearedSessionCookie);
    return { ended };
  });

  consoleRoute(app, deps, 'changePassword', async ({ session, body, audit }) => {
    const staff = await storage.getStaff(session.staff.id);
    if (!staff || !(await verifyPassword(body.currentPassword, staff.passwordHash))) throw new ConsoleError(401, 'invalid-credentials', 'the current password is wrong');
    const result = await storage.setStaffPassword(
      { staffId: staff.id, passwordHash: await hashPassword(body.newPassword, deps.policy.passwordCost), keepSession: session.tokenHash, action: 'staff.change-password' },
      audit,
    );
    if (!result) throw new ConsoleError(401, 'unauthorized', 'the account is gone');
    return result;
  });
};
