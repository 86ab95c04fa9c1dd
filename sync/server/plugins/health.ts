import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../errors.ts';
import type { ServerMetrics } from '../metrics.ts';
import type { Storage } from '../storage/types.ts';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** The client's address is this machine's own (behind a trusted proxy, the address the proxy forwarded). */
export const isLoopback = (ip: string): boolean => ip === '::1' || /^(?:::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ip);

/**
 * Who may read /metrics: with a token configured, whoever presents it (compared in constant time); without one,
 * only a client on this machine, such as a local Prometheus or an operator's curl over SSH.
 */
const checkMetricsAccess = (request: FastifyRequest, reply: FastifyReply, token: string | null): void => {
  if (token === null) {
    if (!isLoopback(request.ip)) throw new HttpError(403, 'forbidden', 'metrics are served to this machine only; set METRICS_TOKEN to scrape from elsewhere');
    return;
  }
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
    return reply.type('text/plain; version=0.0.4; charset=utf-8').send(metrics.registry.render());
  });
};
