import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../errors.ts';
import type { ServerMetrics } from '../metrics.ts';
import type { Storage } from '../storage/types.ts';
import { sha256 } from '../tokens.ts';

// Digests of equal length, so the comparison takes the same time whatever was sent.
const digest = (value: string): Buffer => Buffer.from(sha256(value), 'hex');

/**
 * /metrics names every station and how busy it is, so it is off until the operator gives it a token, and then
 * answers only that token (compared in constant time). The client's address is no test: behind a reverse proxy
 * on the same machine every request arrives from loopback, and forwarded addresses are the client's to write.
 */
const checkMetricsAccess = (request: FastifyRequest, reply: FastifyReply, token: string | null): void => {
  if (token === null) throw new HttpError(403, 'forbidden', 'metrics are off: set METRICS_TOKEN and scrape with it as a bearer token');
  const match = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '');
  if (!match || !timingSafeEqual(digest(match[1]!), digest(token))) {
    reply.header('www-authenticate', 'Bearer realm="yizhan-metrics"');
    throw new HttpError(401, 'unauthorized', 'the metrics token is required');
  }
};

/** GET /healthz (is the database reachable?) and GET /metrics (Prometheus text format). */
export const healthPlugin: FastifyPluginAsync<{ storage: Storage; metrics: ServerMetrics; metricsToken: string | null }> = async (
  app,
  { storage, metrics, metricsToken },
) => {
  app.get('/healthz', async (request, reply) => {
    try {
      await storage.ping();
      return { status: 'ok', storage: storage.engine };
    } catch (error) {
      request.log.error({ err: error }, 'health check: storage unreachable');
      return reply.code(503).header('retry-after', '10').send({ status: 'unavailable', storage: storage.engine });
    }
  });

  app.get('/metrics', async (request, reply) => {
    checkMetricsAccess(request, reply, metricsToken);
    return reply.type(metrics.contentType).send(await metrics.render());
  });
};
