import { join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { CONSOLE_API_PREFIX } from '../../protocol/console/common.ts';
import type { Storage } from '../storage/types.ts';
import { consoleAppPlugin } from './app-files.ts';
import { consoleErrorHandler, ConsoleError, consoleValidatorCompiler } from './errors.ts';
import { createLiveFeed } from './live-feed.ts';
import { auditPlugin } from './plugins/audit.ts';
import { dispatchPlugin } from './plugins/dispatch.ts';
import { livePlugin } from './plugins/live.ts';
import { organisationPlugin } from './plugins/organisation.ts';
import { projectsPlugin } from './plugins/projects.ts';
import { publishPlugin } from './plugins/publish.ts';
import { reportsPlugin } from './plugins/reports.ts';
import { rosterPlugin } from './plugins/roster.ts';
import { loginPlugin, sessionPlugin } from './plugins/session.ts';
import { staffPlugin } from './plugins/staff.ts';
import { stationsPlugin } from './plugins/stations.ts';
import { type ConsolePolicy, defaultConsolePolicy } from './policy.ts';
import type { ConsoleDeps } from './route.ts';
import { registerSessionAuth } from './session-auth.ts';

export interface ConsoleOptions {
  storage: Storage;
  now: () => Date;
  policy?: Partial<ConsolePolicy>;
  /** The kiosk's build folder; the console's build is its console/ folder. null: the API alone. */
  kioskDir: string | null;
}

/**
 * The community console: its API under /console/api (one plugin per concern, every route from the contract in
 * sync/protocol/console), and its app at /console/. Errors in the console's own words (consoleErrorBodySchema).
 */
export const consolePlugin: FastifyPluginAsync<ConsoleOptions> = async (app, options) => {
  const policy = { ...defaultConsolePolicy, ...options.policy };
  const deps: ConsoleDeps = { storage: options.storage, policy, now: options.now, appDir: options.kioskDir ? join(options.kioskDir, 'console') : null };
  const feed = createLiveFeed(options.storage, policy.livePollMs);

  await app.register(
    async (api) => {
      api.setValidatorCompiler(consoleValidatorCompiler);
      api.setErrorHandler(consoleErrorHandler);
      api.setNotFoundHandler((request) => {
        throw new ConsoleError(404, 'not-found', `no route ${request.method} ${request.url.slice(0, 200)}`);
      });
      api.decorateRequest('consoleSession', null);
      // Answers about staff, sessions and requests are never cached, by a browser or anything between.
      api.addHook('onSend', async (_request, reply) => {
        if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
      });
      await api.register(loginPlugin, deps);
      await api.register(async (authenticated) => {
        registerSessionAuth(authenticated, deps);
        await authenticated.register(sessionPlugin, deps);
        await authenticated.register(staffPlugin, deps);
        await authenticated.register(organisationPlugin, deps);
        await authenticated.register(publishPlugin, deps);
        await authenticated.register(rosterPlugin, deps);
        await authenticated.register(dispatchPlugin, deps);
        await authenticated.register(livePlugin, { ...deps, feed });
        await authenticated.register(projectsPlugin, deps);
        await authenticated.register(stationsPlugin, deps);
        await authenticated.register(reportsPlugin, deps);
        await authenticated.register(auditPlugin, deps);
      });
    },
    { prefix: CONSOLE_API_PREFIX },
  );
  if (deps.appDir) {
    await app.register(async (files) => {
      files.setErrorHandler(consoleErrorHandler);
      await files.register(consoleAppPlugin, { root: deps.appDir! });
    });
  }
};
