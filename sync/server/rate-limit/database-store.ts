import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import type { Storage } from '../storage/types.ts';

type Callback = Parameters<FastifyRateLimitStore['incr']>[1];

/** What @fastify/rate-limit hands a store's constructor and `child` at run time: the merged limits, and the route. */
interface Limits {
  routeInfo?: { url?: string };
}

/**
 * @fastify/rate-limit's store on the database (Storage.hitRateLimit): every server process on the database
 * counts against the same windows, so N processes behind a load balancer allow what one does, not N times it.
 * A route with limits of its own (enrolment) counts under keys of its own. The windows run on the server's clock.
 */
export const databaseRateLimitStore = (storage: Storage, now: () => Date) =>
  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    private readonly prefix: string;

    constructor(limits: object) {
      this.prefix = (limits as Limits).routeInfo?.url ?? 'api';
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      const at = now();
      storage.hitRateLimit({ key: `${this.prefix}|${key}`, windowMs: timeWindow, now: at }).then(
        ({ hits, resetsAt }) => callback(null, { current: hits, ttl: Math.max(0, resetsAt.getTime() - at.getTime()) }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    child(limits: object): DatabaseRateLimitStore {
      return new DatabaseRateLimitStore(limits);
    }
  };
