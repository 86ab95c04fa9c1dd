import type { FastifyPluginAsync } from 'fastify';
import { messages } from '../../protocol/wire.ts';
import type { ServerMetrics } from '../metrics.ts';
import type { Storage } from '../storage/types.ts';
import type { ZodTypeProvider } from '../zod.ts';
import { ownStation } from './auth.ts';

/** POST /api/heartbeat: the station's health; the latest one per station is kept for the console. */
export const heartbeatPlugin: FastifyPluginAsync<{ storage: Storage; metrics: ServerMetrics; now: () => Date }> = async (app, { storage, metrics, now }) => {
  app.withTypeProvider<ZodTypeProvider>().post(
    messages.heartbeat.path,
    { schema: { body: messages.heartbeat.request, response: { 200: messages.heartbeat.response } } },
    async (request) => {
      const station = ownStation(request, request.body.stationId);
      const receivedAt = now();
      await storage.saveHeartbeat({ ...request.body, storageGrowthPerDay: request.body.storageGrowthPerDay ?? null, deadLetters: request.body.deadLetters ?? null, stationId: station.id, receivedAt });
      metrics.heartbeats.inc();
      return { serverTime: receivedAt.toISOString() };
    },
  );
};
