import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_HEADER } from '../../protocol/console/common.ts';
import type { StoredSession } from '../storage/console/types.ts';
import type { Storage } from '../storage/types.ts';
import { ConsoleError } from './errors.ts';
import type { ConsolePolicy } from './policy.ts';

/**
 * Staff sessions: a random token in a cookie, its SHA-256 in the database (any server process can serve any
 * session), a CSRF token per session that every change must send back in a header, and the Origin of every
 * change checked against the server's own.
 *
 * The cookie is `__Host-` prefixed: HttpOnly (no script reads it), Secure, SameSite=Strict, Path=/, no Domain. A
 * session cookie (no Max-Age): closing the browser on a shared office PC ends it on that PC; the server ends it
 * after the policy's idle time and absolute lifetime in any case. Chromium and Firefox store Secure cookies sent by
 * http://127.0.0.1 and http://localhost (loopback counts as a secure context), so the demo on plain http works.
 */
export const SESSION_COOKIE = '__Host-yz_console';
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

declare module 'fastify' {
  interface FastifyRequest {
    /** The staff member's live session (console routes after the session hook). */
    consoleSession: StoredSession | null;
  }
}

export const newSessionToken = (): string => randomBytes(32).toString('base64url');
export const newCsrfToken = (): string => randomBytes(32).toString('base64url');
export const sessionHash = (token: string): string => createHash('sha256').update(`console-session:${token}`, 'utf8').digest('hex');

export const sessionCookie = (token: string): string => `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; Secure; SameSite=Strict`;
export const clearedSessionCookie = `${SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0`;

/** The value of one cookie in a Cookie header. */
export const readCookie = (header: string | undefined, name: string): string | null => {
  if (!header) return null;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return null;
};

const sameToken = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * A browser's change request must come from a page of this server: its Origin (or, without one, its Referer)
 * must be the server's own origin, and Fetch Metadata must not call it cross-site. Clients that send none of
 * these (curl, tests) still need the CSRF token, which only a page of this origin can read.
 */
export const checkOrigin = (request: FastifyRequest): void => {
  const own = `${request.protocol}://${request.host}`;
  const origin = request.headers.origin;
  const referer = request.headers.referer;
  let from: string | null = null;
  if (typeof origin === 'string') from = origin;
  else if (typeof referer === 'string') {
    try {
      from = new URL(referer).origin;
    } catch {
      from = 'null';
    }
  }
  if ((from !== null && from !== own) || request.headers['sec-fetch-site'] === 'cross-site') {
    throw new ConsoleError(403, 'csrf-failed', 'a change must come from a page of this server');
  }
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const unauthorized = (reply: FastifyReply, why: string): never => {
  reply.header('set-cookie', clearedSessionCookie);
  throw new ConsoleError(401, 'unauthorized', why);
};

/**
 * The session hook of every console route but login: a live session or 401; for a change, the CSRF header and
 * the origin or 403. The idle expiry moves on with use (written at most once per policy.touchEveryMs).
 */
export const registerSessionAuth = (app: FastifyInstance, { storage, policy, now }: { storage: Storage; policy: ConsolePolicy; now: () => Date }) => {
  app.addHook('onRequest', async (request, reply) => {
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    if (!token || !TOKEN.test(token)) return unauthorized(reply, 'log in first');
    const at = now();
    const session = await storage.readSession(sessionHash(token), at);
    if (!session) return unauthorized(reply, 'the session has ended; log in again');
    if (!SAFE_METHODS.has(request.method)) {
      checkOrigin(request);
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameToken(sent, session.csrfToken)) throw new ConsoleError(403, 'csrf-failed', `send the session's CSRF token in ${CSRF_HEADER}`);
    }
    if (at.getTime() - Date.parse(session.lastSeenAt) >= policy.touchEveryMs) {
      const idleExpiresAt = new Date(Math.min(at.getTime() + policy.idleMs, Date.parse(session.expiresAt)));
      await storage.touchSession({ tokenHash: session.tokenHash, now: at, idleExpiresAt });
      session.lastSeenAt = at.toISOString();
      session.idleExpiresAt = idleExpiresAt.toISOString();
    }
    request.consoleSession = session;
  });
};
