import type { FastifyBaseLogger } from 'fastify';
import type { ServerMetrics } from './metrics.ts';
import { purgeDefinition } from './purge-definition.ts';
import type { Storage } from './storage/types.ts';

const DAY_MS = 86_400_000;

/**
 * The server's side of retention: personal fields of records received more than `retentionDays` ago are removed
 * (the records stay, for the district's numbers), from the console's request timeline and hours ledger too, raw dead-letter payloads are dropped, and tombstones older than
 * `tombstoneDays` are purged, which raises the horizon below which a station's cursor is reset. Rate-limit windows
 * that have ended are forgotten.
 */
export const runMaintenance = async (
  storage: Storage,
  options: { retentionDays: number; tombstoneDays: number; now: Date },
) => {
  const personal = await storage.purgePersonal({
    before: new Date(options.now.getTime() - options.retentionDays * DAY_MS),
    now: options.now,
    definition: purgeDefinition,
  });
  const tombstones = await storage.purgeTombstones({ before: new Date(options.now.getTime() - options.tombstoneDays * DAY_MS) });
  const rateLimits = await storage.purgeRateLimits({ before: options.now });
  return { personal, tombstones, rateLimits };
};

/** Runs maintenance now and then every intervalMs; returns a stop function. Failures are logged, never thrown. */
export const startMaintenance = (
  storage: Storage,
  options: { retentionDays: number; tombstoneDays: number; intervalMs: number; logger: FastifyBaseLogger; metrics: ServerMetrics; now: () => Date },
): (() => Promise<void>) => {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = runMaintenance(storage, { ...options, now: options.now() })
      .then((result) => {
        options.metrics.purged.inc({}, result.personal.records);
        options.logger.info(result, 'maintenance done');
      })
      .catch((error: unknown) => options.logger.error({ err: error }, 'maintenance failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
};
