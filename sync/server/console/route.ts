import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  type ConsoleParsedBody,
  type ConsoleParsedParams,
  type ConsoleParsedQuery,
  type ConsoleResponse,
  type ConsoleRoute,
  type ConsoleRouteName,
  consoleRoutes,
} from '../../protocol/console/routes.ts';
import type { AuditContext, StoredSession } from '../storage/console/types.ts';
import type { Storage } from '../storage/types.ts';
import { ConsoleError } from './errors.ts';
import type { ConsolePolicy } from './policy.ts';
import { type ConsoleScope, resolveScope } from './scope.ts';

/** What every console plugin is given. */
export interface ConsoleDeps {
  storage: Storage;
  policy: ConsolePolicy;
  now: () => Date;
  /** Where the console app's build is (dist/renderer/console); null: the API alone. */
  appDir: string | null;
}

/** What a console route's handler gets: the validated parts of the request, the session and the scope. */
export interface RouteContext<K extends ConsoleRouteName> {
  request: FastifyRequest;
  reply: FastifyReply;
  params: ConsoleParsedParams<K>;
  query: ConsoleParsedQuery<K>;
  body: ConsoleParsedBody<K>;
  session: StoredSession;
  /** The staff member's scope, resolved once per request on first use. */
  scope(): Promise<ConsoleScope>;
  /** Who, from where, when: for the audit entry a change writes. */
  audit: AuditContext;
}

export const auditContext = (request: FastifyRequest, session: StoredSession | null, now: Date): AuditContext => ({
  staff: session ? { id: session.staff.id, login: session.staff.login, name: session.staff.name } : null,
  ip: request.ip,
  now,
});

/**
 * Registers one route of the contract (consoleRoutes[name]) with its schemas: Fastify validates params, query
 * and body with them (400 with the issues) and, in tests, the answer. The role check comes first (403); scope
 * checks on objects are the handler's (404).
 */
export const consoleRoute = <K extends ConsoleRouteName>(
  app: FastifyInstance,
  deps: ConsoleDeps,
  name: K,
  handler: (context: RouteContext<K>) => Promise<ConsoleResponse<K>>,
): void => {
  const route: ConsoleRoute = consoleRoutes[name];
  const produces = route.produces ?? 'json';
  app.route({
    method: route.method,
    url: route.path,
    schema: {
      ...(route.params ? { params: route.params } : {}),
      ...(route.query ? { querystring: route.query } : {}),
      ...(route.body ? { body: route.body } : {}),
      ...(produces === 'json' ? { response: { 200: route.response } } : {}),
    },
    handler: async (request, reply) => {
      const session = request.consoleSession;
      if (!session) throw new ConsoleError(401, 'unauthorized', 'log in first');
      if (!route.roles.includes(session.staff.role.kind)) throw new ConsoleError(403, 'forbidden', `a ${session.staff.role.kind} may not use ${name}`);
      let scope: Promise<ConsoleScope> | null = null;
      return handler({
        request,
        reply,
        params: request.params as ConsoleParsedParams<K>,
        query: request.query as ConsoleParsedQuery<K>,
        body: request.body as ConsoleParsedBody<K>,
        session,
        scope: () => (scope ??= resolveScope(deps.storage, session.staff)),
        audit: auditContext(request, session, deps.now()),
      });
    },
  });
};
