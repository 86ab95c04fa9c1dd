import type { FastifyPluginAsync } from 'fastify';
import { newInstallId } from '../../protocol/ids.ts';
import { messages } from '../../protocol/wire.ts';
import { HttpError } from '../errors.ts';
import type { DemoEnrolment } from '../demo.ts';
import type { ServerMetrics } from '../metrics.ts';
import type { Storage } from '../storage/types.ts';
import { enrolmentCodeHash, installHash, newStationToken, sealToken, tokenHash, unsealToken } from '../tokens.ts';
import type { ZodTypeProvider } from '../zod.ts';
import { ownStation } from './auth.ts';

export interface EnrolmentOptions {
  storage: Storage;
  metrics: ServerMetrics;
  rateLimit: { max: number; windowMs: number };
  now: () => Date;
  /** Demo mode: the demo code, which stands for each browser's own demo station's code. */
  demo?: DemoEnrolment | null;
}

/**
 * POST /api/enrol: a kiosk exchanges a one-time enrolment code for its station token (shown once; kept only
 * hashed). 200 with the token; 403 enrolment-refused for a code that is unknown, expired or used; 400 for a
 * body that is not an enrol request; 429 past the per-address limit.
 *
 * A tablet that says which install it is (installId) may redeem its code again, and gets the same token back,
 * until that token is first used: a lost, truncated or replayed answer then costs a retry, not the code. The
 * token is kept for this sealed with a key only the install id gives (../tokens.ts); other tablets get 403.
 */
export const enrolmentPlugin: FastifyPluginAsync<EnrolmentOptions> = async (app, { storage, metrics, rateLimit, now, demo = null }) => {
  app.withTypeProvider<ZodTypeProvider>().post(
    messages.enrol.path,
    {
      schema: { body: messages.enrol.request, response: { 200: messages.enrol.response } },
      config: { rateLimit: { max: rateLimit.max, timeWindow: rateLimit.windowMs } },
    },
    async (request) => {
      const { code, appVersion } = request.body;
      // The demo code without an install id still joins the demo: as a new station each time.
      const installId = request.body.installId ?? (demo?.isDemoCode(code) ? newInstallId() : undefined);
      const codeHash = demo?.isDemoCode(code) && installId ? await demo.prepare(installId, now()) : enrolmentCodeHash(code);
      const token = newStationToken();
      const install = installId ? { installHash: installHash(installId), sealedToken: sealToken(token, installId) } : null;
      const station = await storage.redeemEnrolmentCode({ codeHash, tokenHash: tokenHash(token), now: now(), install });
      if (station) {
        metrics.enrolments.inc({ outcome: 'enrolled' });
        request.log.info({ station: station.id, appVersion }, 'station enrolled');
        return { stationId: station.id, stationName: station.name, token };
      }
      const reclaimed = installId ? await storage.reclaimEnrolment({ codeHash, installHash: installHash(installId) }) : null;
      const again = reclaimed && installId ? unsealToken(reclaimed.sealedToken, installId) : null;
      if (reclaimed && again) {
        metrics.enrolments.inc({ outcome: 'enrolled-again' });
        request.log.info({ station: reclaimed.station.id, appVersion }, 'station enrolled again: the same tablet, its first answer lost');
        return { stationId: reclaimed.station.id, stationName: reclaimed.station.name, token: again };
      }
      metrics.enrolments.inc({ outcome: 'refused' });
      throw new HttpError(403, 'enrolment-refused', 'the enrolment code is unknown, already used or expired');
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
