import type { FastifyPluginAsync } from 'fastify';
import { LIVE_EVENT_REQUEST, type LiveRequestEvent } from '../../../protocol/console/dispatch.ts';
import type { RequestChange } from '../../storage/console/types.ts';
import type { LiveFeed } from '../live-feed.ts';
import { visibleRequest } from '../request-views.ts';
import { type ConsoleDeps, consoleRoute } from '../route.ts';

/** How often an open stream checks that its session still holds (logged out everywhere, disabled, expired). */
const SESSION_CHECK_MS = 30_000;

/**
 * GET /live: server-sent events of request changes in the staff member's scope (`id` = change sequence, so a
 * reconnecting EventSource resumes with Last-Event-ID). The stream ends when the session does.
 */
export const livePlugin: FastifyPluginAsync<ConsoleDeps & { feed: LiveFeed }> = async (app, deps) => {
  const { storage, policy, now, feed } = deps;
  const open = new Set<() => void>();
  app.addHook('onClose', async () => {
    for (const close of open) close();
    feed.stop();
  });

  consoleRoute(app, deps, 'live', async ({ request, reply, session, scope }) => {
    const mine = await scope();
    const lastEventId = Number(request.headers['last-event-id']);
    const after = Number.isSafeInteger(lastEventId) && lastEventId >= 0 ? lastEventId : await feed.latest();

    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // nginx and other proxies must not buffer the stream.
      'x-accel-buffering': 'no',
    });
    raw.write(`retry: 3000\n: connected\n\n`);

    const send = async (changes: RequestChange[]) => {
      const inScope = changes.filter((change) => mine.stationIds.has(change.stationId));
      for (const change of inScope) {
        if (mine.unit) {
          const row = await storage.getConsoleRequest(change.requestId);
          if (!row || !visibleRequest(mine, row)) continue;
        }
        const data: LiveRequestEvent = { requestId: change.requestId, stationId: change.stationId, status: change.status, at: change.at };
        raw.write(`id: ${change.seq}\nevent: ${LIVE_EVENT_REQUEST}\ndata: ${JSON.stringify(data)}\n\n`);
      }
    };
    // Deliveries are chained, so events go out in order even when a unit lead's check awaits.
    let queue = Promise.resolve();
    const unsubscribe = await feed.subscribe(after, (changes) => {
      queue = queue.then(() => send(changes)).catch(() => {});
    });

    const keepAlive = setInterval(() => raw.write(': ping\n\n'), policy.liveKeepAliveMs);
    const sessionCheck = setInterval(() => {
      void storage.readSession(session.tokenHash, now()).then((current) => {
        if (!current) close();
      }, () => {});
    }, SESSION_CHECK_MS);
    const close = () => {
      clearInterval(keepAlive);
      clearInterval(sessionCheck);
      unsubscribe();
      open.delete(close);
      if (!raw.writableEnded) raw.end();
    };
    open.add(close);
    request.raw.on('close', close);
    // Hijacked: Fastify sends nothing of its own; the stream above is the answer.
    return '';
  });
};
