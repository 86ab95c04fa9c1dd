import type { FastifyPluginAsync } from 'fastify';
import { DEFAULT_PULL_LIMIT, messages } from '../../protocol/wire.ts';
import type { ServerMetrics } from '../metrics.ts';
import { changeForStation } from '../station-view.ts';
import type { Storage } from '../storage/types.ts';
import type { ZodTypeProvider } from '../zod.ts';
import { ownStation } from './auth.ts';

/**
 * POST /api/pull: centre-born changes after the station's cursor, in server order, its own scope, its community's
 * and the district's, each as this station sees it (station-view.ts).
 */
export const pullPlugin: FastifyPluginAsync<{ storage: Storage; metrics: ServerMetrics; now: () => Date }> = async (app, { storage, metrics, now }) => {
  app.withTypeProvider<ZodTypeProvider>().post(
    messages.pull.path,
    { schema: { body: messages.pull.request, response: { 200: messages.pull.response } } },
    async (request) => {
      const station = ownStation(request, request.body.stationId);
      const page = await storage.pull({
        stationId: station.id,
        cursor: Number(request.body.cursor),
        limit: request.body.limit ?? DEFAULT_PULL_LIMIT,
        fullRead: request.body.fullRead ?? false,
      });
      metrics.pullChanges.inc({}, page.changes.length);
      if (page.reset) {
        metrics.pullResets.inc();
        request.log.info({ station: station.id, cursor: request.body.cursor }, 'pull reset: cursor behind the tombstone horizon or unknown, or the station moved to another community');
      }
      return { changes: page.changes.map((change) => changeForStation(change, station.id)), cursor: String(page.cursor), hasMore: page.hasMore, reset: page.reset, serverTime: now().toISOString() };
    },
  );
};
