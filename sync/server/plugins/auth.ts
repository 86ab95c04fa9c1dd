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

const refuse = (reply: FastifyReply): never => {
  reply.header('www-authenticate', 'Bearer realm="yizhan"');
  // One answer for a missing, malformed, unknown, rotated-out or revoked token: nothing about which it was.
  throw new HttpError(401, 'unauthorized', 'a valid station token is required');
};

/**
 * Bearer station tokens. Registered as an onRequest hook in the context of the authenticated routes, before the
 * body is read, so an unauthenticated request costs no parsing.
 */
export const registerAuth = (app: FastifyInstance, { storage, metrics }: { storage: Storage; metrics: ServerMetrics }) => {
  app.decorateRequest('station', null);
  app.decorateRequest('tokenHash', null);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([^\s]+)$/i.exec(header) : null;
    if (!match || !stationTokenSchema.safeParse(match[1]).success) {
      metrics.authFailures.inc({ reason: header === undefined ? 'missing' : 'malformed' });
      return refuse(reply);
    }
    const hash = tokenHash(match[1]!);
    const station = await storage.authenticate(hash);
    if (!station) {
      metrics.authFailures.inc({ reason: 'unknown-or-revoked' });
      return refuse(reply);
    }
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
