import type { FastifyPluginAsync } from 'fastify';
import { messages } from '../../protocol/wire.ts';
import { HttpError } from '../errors.ts';
import type { ServerMetrics } from '../metrics.ts';
import type { Storage } from '../storage/types.ts';
import { enrolmentCodeHash, newStationToken, tokenHash } from '../tokens.ts';
import type { ZodTypeProvider } from '../zod.ts';
import { ownStation } from './auth.ts';

export interface EnrolmentOptions {
  storage: Storage;
  metrics: ServerMetrics;
  rateLimit: { max: number; windowMs: number };
  now: () => Date;
}

/** A kiosk exchanges a one-time enrolment code for its station token (shown once; kept only hashed). */
export const enrolmentPlugin: FastifyPluginAsync<EnrolmentOptions> = async (app, { storage, metrics, rateLimit, now }) => {
  app.withTypeProvider<ZodTypeProvider>().post(
    messages.enrol.path,
    {
      schema: { body: messages.enrol.request, response: { 200: messages.enrol.response } },
      config: { rateLimit: { max: rateLimit.max, timeWindow: rateLimit.windowMs } },
    },
    async (request) => {
      const token = newStationToken();
      const station = await storage.redeemEnrolmentCode({ codeHash: enrolmentCodeHash(request.body.code), tokenHash: tokenHash(token), now: now() });
      if (!station) {
        metrics.enrolments.inc({ outcome: 'refused' });
        throw new HttpError(403, 'enrolment-refused', 'the enrolment code is unknown, already used or expired');
      }
      metrics.enrolments.inc({ outcome: 'enrolled' });
      request.log.info({ station: station.id, appVersion: request.body.appVersion }, 'station enrolled');
      return { stationId: station.id, stationName: station.name, token };
    },
  );
};

/** A station replaces its own token; the old one works until the new one is first used. */
export const rotateTokenPlugin: FastifyPluginAsync<{ storage: Storage; now: () => Date }> = async (app, { storage, now }) => {
  app.withTypeProvider<ZodTypeProvider>().post(
    messages.rotateToken.path,
    { schema: { body: messages.rotateToken.request, response: { 200: messages.rotateToken.response } } },
    async (request) => {
      const station = ownStation(request, request.body.stationId);
      const token = newStationToken();
      const ok = await storage.setToken({ stationId: station.id, tokenHash: tokenHash(token), previousHash: request.tokenHash, now: now() });
      if (!ok) throw new HttpError(401, 'unauthorized', 'a valid station token is required');
      request.log.info({ station: station.id }, 'station token rotated');
      return { token };
    },
  );
};
