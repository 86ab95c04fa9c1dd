import type { FastifyPluginAsync } from 'fastify';
import type { ServerMetrics } from '../metrics.ts';
import type { Storage } from '../storage/types.ts';

/** GET /healthz (is the database reachable?) and GET /metrics (Prometheus text format). */
export const healthPlugin: FastifyPluginAsync<{ storage: Storage; metrics: ServerMetrics }> = async (app, { storage, metrics }) => {
  app.get('/healthz', async (request, reply) => {
    try {
      await storage.ping();
      return { status: 'ok', storage: storage.engine };
    } catch (error) {
      request.log.error({ err: error }, 'health check: storage unreachable');
      return reply.code(503).header('retry-after', '10').send({ status: 'unavailable', storage: storage.engine });
    }
  });

  app.get('/metrics', async (_request, reply) => reply.type('text/plain; version=0.0.4; charset=utf-8').send(metrics.registry.render()));
};
