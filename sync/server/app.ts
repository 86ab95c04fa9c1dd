import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync, type FastifyReply } from 'fastify';
import { DEMO_PIN_HASH } from '../protocol/pin-hash.ts';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../protocol/wire.ts';
import type { ServerConfig } from './config.ts';
import { consolePlugin } from './console/index.ts';
import type { ConsolePolicy } from './console/policy.ts';
import { DEMO_ENROLMENT_CODE, demoEnrolment, loadDemoCatalogue } from './demo.ts';
import { errorHandler, HttpError, notFoundHandler, toErrorReply } from './errors.ts';
import { startMaintenance } from './maintenance.ts';
import { createServerMetrics, type ServerMetrics } from './metrics.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerApiCors, registerProbeCors } from './plugins/cors.ts';
import { enrolmentPlugin, rotateTokenPlugin } from './plugins/enrolment.ts';
import { healthPlugin } from './plugins/health.ts';
import { heartbeatPlugin } from './plugins/heartbeat.ts';
import { registerJsonBodyParser } from './plugins/json-body.ts';
import { registerProtocolCheck } from './plugins/protocol.ts';
import { pullPlugin } from './plugins/pull.ts';
import { pushPlugin } from './plugins/push.ts';
import { databaseRateLimitStore } from './rate-limit/database-store.ts';
import { staticPlugin } from './plugins/static.ts';
import { updatesPlugin } from './plugins/updates.ts';
import { ReleaseStore } from './releases/store.ts';
import type { Storage } from './storage/types.ts';
import { zodSerializerCompiler, zodValidatorCompiler } from './zod.ts';

export interface BuildServerOptions {
  storage: Storage;
  config: ServerConfig;
  logger: FastifyBaseLogger;
  /** The server's clock (tests move it). */
  now?: () => Date;
  /** Check every 200 answer against its protocol schema (on in tests). */
  checkResponses?: boolean;
  /** The staff console's session and login policy (tests shorten it). */
  consolePolicy?: Partial<ConsolePolicy>;
}

export interface YizhanServer {
  app: FastifyInstance;
  metrics: ServerMetrics;
}

/**
 * The central server: one Fastify plugin per concern, the storage passed in. Routes under /api speak the sync
 * protocol (a version header on every request, a station token on all but enrolment, a per-station rate limit)
 * and answer CORS for config.corsOrigins (the Electron kiosk at app://kiosk); /updates is the kiosks' release
 * channel; /healthz and /metrics are for operators; the kiosk's web build is served when config.kioskDir is set.
 */
export const buildServer = async ({ storage, config, logger, now = () => new Date(), checkResponses = false, consolePolicy }: BuildServerOptions): Promise<YizhanServer> => {
  const metrics = createServerMetrics();
  // Demo mode: every browser that opens the kiosk enrols itself as its own demo station (demo.ts).
  const demo = config.demo ? demoEnrolment(storage, await loadDemoCatalogue()) : null;
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    // Errors raised before routing (a URL that cannot be decoded, …) get the same body as every other error.
    frameworkErrors: (error, _request, res) => {
      const { status, body } = toErrorReply(error);
      const reply = res as FastifyReply;
      return reply.code(status >= 500 ? 400 : status).header(PROTOCOL_HEADER, PROTOCOL_VERSION).send(body);
    },
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(zodSerializerCompiler(checkResponses));
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  registerJsonBodyParser(app);

  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, never the raw URL: a fuzzer's random paths must not each become a series.
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpRequests.inc({ route, method: request.method, status: reply.statusCode });
    metrics.httpDuration.observe({ route }, reply.elapsedTime / 1000);
    if (reply.statusCode === 429) metrics.rateLimited.inc();
  });

  await app.register(async (operators) => {
    // The kiosk's reachability probe reads /healthz cross-origin from app://kiosk; /metrics stays same-origin.
    registerProbeCors(operators, config.corsOrigins);
    await operators.register(healthPlugin, { storage, metrics, metricsToken: config.metricsToken });
  });

  const api: FastifyPluginAsync = async (scope) => {
    // First: its onRequest hook answers preflights before the protocol check, auth and the limiter run, and puts
    // Access-Control-Allow-Origin on every answer before any of them can refuse it.
    await registerApiCors(scope, config.corsOrigins);
    registerProtocolCheck(scope);
    await scope.register(rateLimit, {
      global: true,
      max: config.rateLimit.max,
      timeWindow: config.rateLimit.windowMs,
      // In the database, so that every process counts against the same windows.
      store: databaseRateLimitStore(storage, now),
      // Per station once the token is known (the limiter runs after auth), per address before. A request whose
      // token is refused never reaches it: auth counts those per address itself (plugins/auth.ts).
      keyGenerator: (request) => (request.station ? `station:${request.station.id}` : `ip:${request.ip}`),
      errorResponseBuilder: (_request, context) => new HttpError(429, 'rate-limited', `too many requests; retry in ${context.after}`),
    });
    await scope.register(enrolmentPlugin, { storage, metrics, rateLimit: config.enrolRateLimit, now, demo });
    await scope.register(async (authenticated) => {
      registerAuth(authenticated, { storage, metrics, failureLimit: config.authFailureRateLimit, now });
      await authenticated.register(pushPlugin, { storage, metrics, now });
      await authenticated.register(pullPlugin, { storage, metrics, now });
      await authenticated.register(heartbeatPlugin, { storage, metrics, now });
      await authenticated.register(rotateTokenPlugin, { storage, now });
    });
  };
  await app.register(api);
  // The kiosks' release channel: enrolled stations only, outside /api (electron-updater sends no protocol header).
  await app.register(updatesPlugin, { storage, metrics, releases: new ReleaseStore(config.releasesDir), rateLimit: config.rateLimit, failureLimit: config.authFailureRateLimit, now });

  // The community console: its API at /console/api, its app at /console/ (sync/server/console).
  await app.register(consolePlugin, { storage, now, kioskDir: config.kioskDir, ...(consolePolicy ? { policy: consolePolicy } : {}) });

  // Demo only: the kiosk's station-config.json, so a browser opening the demo enrols itself, with the demo's known
  // technician PIN. A real station gets its code from a technician, never from an open URL, and its PIN is chosen
  // on the tablet: no image or build carries one.
  if (demo) {
    app.get('/station-config.json', async (_request, reply) =>
      reply.header('cache-control', 'no-store').send({ enrolmentCode: DEMO_ENROLMENT_CODE, technician: { pinHash: DEMO_PIN_HASH } }));
  }
  if (config.kioskDir) await app.register(staticPlugin, { root: config.kioskDir });

  if (config.maintenanceIntervalMs > 0) {
    const stop = startMaintenance(storage, {
      retentionDays: config.retentionDays,
      tombstoneDays: config.tombstoneDays,
      intervalMs: config.maintenanceIntervalMs,
      logger,
      metrics,
      now,
    });
    app.addHook('onClose', stop);
  }
  await app.ready();
  return { app, metrics };
};
