import { CONSOLE_API_PREFIX, type ConsoleErrorBody, CSRF_HEADER } from '@protocol/console/common.ts';
import { type ConsoleParsedBody, type ConsoleParsedParams, type ConsoleParsedQuery, type ConsoleResponse, type ConsoleRouteName, consoleRoutes } from '@protocol/console/routes.ts';
import type { z } from 'zod';

/**
 * The console API as component tests meet it: a fetch that routes every call by the contract's route map,
 * checks its params, query and body against the route's schemas (so a test fails when the UI sends something
 * the server would refuse), and answers from the test's handlers. A route without a handler answers 404. The
 * real client (api/client.ts) runs on top and checks every answer against the route's response schema.
 */
export interface HandlerInput<K extends ConsoleRouteName> {
  params: ConsoleParsedParams<K>;
  query: ConsoleParsedQuery<K>;
  body: ConsoleParsedBody<K>;
  csrf: string | null;
}

export type Handlers = { [K in ConsoleRouteName]?: (input: HandlerInput<K>) => ConsoleResponse<K> | Promise<ConsoleResponse<K>> };

/** Thrown by a handler: the server answers with this status and error body. */
export class FakeFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ConsoleErrorBody,
  ) {
    super(body.message);
  }
}

export const fail = (status: number, error: ConsoleErrorBody['error'], extra: Partial<ConsoleErrorBody> = {}): never => {
  throw new FakeFailure(status, { error, message: error, ...extra });
};

export interface FakeCall {
  name: ConsoleRouteName;
  params: unknown;
  query: unknown;
  body: unknown;
  csrf: string | null;
}

const matchRoute = (method: string, path: string): { name: ConsoleRouteName; params: Record<string, string> } | null => {
  const have = path.split('/').filter(Boolean);
  for (const [name, route] of Object.entries(consoleRoutes)) {
    if (route.method !== method) continue;
    const want = route.path.split('/').filter(Boolean);
    if (want.length !== have.length) continue;
    const params: Record<string, string> = {};
    if (want.every((part, i) => (part.startsWith(':') ? ((params[part.slice(1)] = decodeURIComponent(have[i] ?? '')), true) : part === have[i]))) {
      return { name: name as ConsoleRouteName, params };
    }
  }
  return null;
};

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const queryObject = (search: URLSearchParams): Record<string, string | string[]> => {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const all = search.getAll(key);
    out[key] = all.length > 1 ? all : (all[0] ?? '');
  }
  return out;
};

export const createFakeServer = (handlers: Handlers) => {
  const calls: FakeCall[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), 'http://127.0.0.1');
    const method = (init.method ?? 'GET').toUpperCase();
    if (!url.pathname.startsWith(CONSOLE_API_PREFIX)) return json(404, { error: 'not-found', message: url.pathname });
    const found = matchRoute(method, url.pathname.slice(CONSOLE_API_PREFIX.length));
    if (!found) return json(404, { error: 'not-found', message: `${method} ${url.pathname}` });
    const route = consoleRoutes[found.name] as { params?: z.ZodType; query?: z.ZodType; body?: z.ZodType };
    const headers = new Headers(init.headers);
    const csrf = headers.get(CSRF_HEADER);
    const check = (schema: z.ZodType | undefined, value: unknown) => {
      if (!schema) return { ok: true as const, data: undefined };
      const parsed = schema.safeParse(value);
      return parsed.success ? { ok: true as const, data: parsed.data } : { ok: false as const, issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) };
    };
    const params = check(route.params, found.params);
    const query = check(route.query, queryObject(url.searchParams));
    const body = check(route.body, init.body ? JSON.parse(String(init.body)) : undefined);
    for (const part of [params, query, body]) if (!part.ok) return json(400, { error: 'bad-request', message: 'invalid', issues: part.issues });
    calls.push({ name: found.name, params: params.data, query: query.data, body: body.data, csrf });
    const handler = handlers[found.name] as ((input: unknown) => unknown) | undefined;
    if (!handler) return json(404, { error: 'not-found', message: `no handler for ${found.name}` });
    try {
      return json(200, await handler({ params: params.data, query: query.data, body: body.data, csrf }));
    } catch (error) {
      if (error instanceof FakeFailure) return json(error.status, error.body);
      throw error;
    }
  };
  return {
    fetch: fetch as typeof globalThis.fetch,
    calls,
    /** The calls made to one route, in order. */
    callsTo: <K extends ConsoleRouteName>(name: K) => calls.filter((call) => call.name === name) as (FakeCall & { params: ConsoleParsedParams<K>; query: ConsoleParsedQuery<K>; body: ConsoleParsedBody<K> })[],
  };
};
