import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { stationTokenSchema } from '../../protocol/wire.ts';
import { HttpError } from '../errors.ts';
import type { ServerMetrics } from '../metrics.ts';
import type { Station, Storage } from '../storage/types.ts';
import { tokenHash } from '../tokens.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The station whose token authenticated this request (null on routes without auth). */
    station: Station | null;
    /** The hash of that token: a rotation keeps it valid until the new token is used. */
    tokenHash: string | null;
  }
}

export interface AuthOptions {
  storage: Storage;
  metrics: ServerMetrics;
  /** Refused tokens per address and window; above it, 429 instead of 401. */
  failureLimit: { max: number; windowMs: number };
  now: () => Date;
}

/**
 * Bearer station tokens. Registered as an onRequest hook in the context of the authenticated routes, before the
 * body is read, so an unauthenticated request costs no parsing. A refused token counts against its address (in
 * the database, like every rate limit): past the limit the answer is 429 with Retry-After, so bad tokens are
 * limited too, while a good token from the same address (stations behind one NAT) is served as ever.
 */
export const registerAuth = (app: FastifyInstance, { storage, metrics, failureLimit, now }: AuthOptions) => {
  app.decorateRequest('station', null);
  app.decorateRequest('tokenHash', null);

  const refuse = async (request: FastifyRequest, reply: FastifyReply, reason: 'missing' | 'malformed' | 'unknown-or-revoked'): Promise<never> => {
    metrics.authFailures.inc({ reason });
    const at = now();
    const window = await storage.hitRateLimit({ key: `auth-failure|${request.ip}`, windowMs: failureLimit.windowMs, now: at });
    if (window.hits > failureLimit.max) {
      const seconds = Math.max(1, Math.ceil((window.resetsAt.getTime() - at.getTime()) / 1000));
      reply.header('retry-after', String(seconds));
      throw new HttpError(429, 'rate-limited', `too many refused tokens from this address; retry in ${seconds} s`);
    }
    reply.header('www-authenticate', 'Bearer realm="yizhan"');
    // One answer for a missing, malformed, unknown, rotated-out or revoked token: nothing about which it was.
    throw new HttpError(401, 'unauthorized', 'a valid station token is required');
  };

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([^\s]+)$/i.exec(header) : null;
    if (!match || !stationTokenSchema.safeParse(match[1]).success) return refuse(request, reply, header === undefined ? 'missing' : 'malformed');
    const hash = tokenHash(match[1]!);
    const station = await storage.authenticate(hash);
    if (!station) return refuse(request, reply, 'unknown-or-revoked');
    request.station = station;
    request.tokenHash = hash;
  });
};

/** The authenticated station, which must be the one the message names: a token never acts for another station. */
export const ownStation = (request: FastifyRequest, named: string): Station => {
  const station = request.station;
  if (!station) throw new HttpError(401, 'unauthorized', 'a valid station token is required');
  if (station.id !== named) throw new HttpError(403, 'forbidden', 'this token may act only for its own station');
  return station;
};
