import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync } from 'fastify';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { HttpError } from '../errors.ts';
import type { ServerMetrics } from '../metrics.ts';
import { databaseRateLimitStore } from '../rate-limit/database-store.ts';
import { rangedBody } from '../releases/byte-ranges.ts';
import type { ReleaseStore } from '../releases/store.ts';
import { CHANNEL_FILE, isPlainFileName } from '../releases/update-info.ts';
import type { Storage } from '../storage/types.ts';
import { registerAuth } from './auth.ts';

export interface UpdatesOptions {
  storage: Storage;
  metrics: ServerMetrics;
  releases: ReleaseStore;
  /** Requests per address in each window, counted before the token is looked at, in the database as for /api. */
  rateLimit: { max: number; windowMs: number };
  /** Refused tokens per address and window, as for /api. */
  failureLimit: { max: number; windowMs: number };
  now: () => Date;
}

/**
 * GET /updates/<file>: the release channel the kiosks' updater reads (electron-updater, generic provider, with
 * the station token as a bearer header). Enrolled stations only: 401 without a valid token, the same answer as
 * /api gives. A channel file (latest.yml, latest-linux.yml, …) is the newest release offered to this station
 * (not pulled, the station within its rollout), never cached; 404 when there is none for it. Installers and
 * blockmaps by name, with byte ranges (206, several ranges as multipart/byteranges) for the differential
 * download; 410 for an installer of a pulled release, 416 for a range past the end. Limited per address before
 * the token is looked up, so guessing tokens costs the guesser, not the database.
 */
export const updatesPlugin: FastifyPluginAsync<UpdatesOptions> = async (app, { storage, metrics, releases, rateLimit: limit, failureLimit, now }) => {
  // In the database, so that every server process counts against the same windows (app.ts does so for /api).
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(storage, now) });
  app.addHook('onRequest', app.rateLimit({ max: limit.max, timeWindow: limit.windowMs, keyGenerator: (request) => `updates:${request.ip}` }));
  registerAuth(app, { storage, metrics, failureLimit, now });

  app.get('/updates/*', async (request, reply) => {
    const name = (request.params as { '*': string })['*'];
    if (!isPlainFileName(name)) throw new HttpError(404, 'not-found', 'no such file');
    const station = request.station!;
    if (CHANNEL_FILE.test(name)) {
      const offered = await releases.channelFileFor(name, station.id);
      if (!offered) throw new HttpError(404, 'not-found', `no release for station ${station.id} on ${name}`);
      request.log.info({ station: station.id, version: offered.release.version, channel: name }, 'release offered');
      return reply.type('text/yaml; charset=utf-8').header('cache-control', 'no-store').send(createReadStream(offered.path));
    }
    const found = await releases.artifact(name);
    if (!found) throw new HttpError(404, 'not-found', 'no such file');
    if ('gone' in found) throw new HttpError(410, 'not-found', `release ${found.gone.version} was pulled back`);
    const { size } = await stat(found.path);
    const answer = rangedBody(found.path, size, request.headers.range, 'application/octet-stream');
    reply.code(answer.status).header('accept-ranges', 'bytes').header('cache-control', 'private, max-age=31536000, immutable').headers(answer.headers);
    return reply.send(answer.body ?? '');
  });
};
