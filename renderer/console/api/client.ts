import { CSRF_HEADER, consoleErrorBodySchema } from '@protocol/console/common.ts';
import {
  type ConsoleBody,
  type ConsoleParams,
  type ConsoleQuery,
  type ConsoleResponse,
  type ConsoleRouteName,
  consolePath,
  consoleQueryString,
  consoleRoutes,
} from '@protocol/console/routes.ts';
import { ConsoleApiError } from './errors.ts';

type Slot<T, Name extends string> = [T] extends [undefined] ? { [K in Name]?: undefined } : { [K in Name]: T };

/** What a call takes: the route's params, query and body, each required exactly when the route has one. */
export type CallInput<K extends ConsoleRouteName> = Slot<ConsoleParams<K>, 'params'> &
  Slot<ConsoleBody<K>, 'body'> & { query?: ConsoleQuery<K>; signal?: AbortSignal };

/** Routes that answer JSON: the ones call() is for (CSV and the live stream are reached by their address). */
export type JsonRouteName = {
  [K in ConsoleRouteName]: (typeof consoleRoutes)[K] extends { produces: 'csv' | 'event-stream' } ? never : K;
}[ConsoleRouteName];

export interface ConsoleClient {
  call<K extends JsonRouteName>(name: K, input: CallInput<K>): Promise<ConsoleResponse<K>>;
  /** The address of a route, for what the browser fetches itself: a CSV download, the live event stream. */
  href<K extends ConsoleRouteName>(name: K, input?: { params?: ConsoleParams<K>; query?: ConsoleQuery<K> }): string;
  /** The session's CSRF token (from login or GET /session), sent with every call that changes something. */
  setCsrfToken(token: string | null): void;
  /** Called when a call finds the session gone (401 on anything but login): the console asks to sign in again. */
  onSessionLost(listener: () => void): () => void;
}

/**
 * The console's one way to the server: every call by route name from the contract (sync/protocol/console), its
 * answer checked against the route's response schema, every failure a ConsoleApiError with the server's code.
 * The session is the browser's HttpOnly cookie; this client only carries the CSRF token. `fetch` is the seam
 * the component tests replace.
 */
export const createConsoleClient = ({ fetch: fetchImpl = globalThis.fetch.bind(globalThis) }: { fetch?: typeof fetch } = {}): ConsoleClient => {
  let csrfToken: string | null = null;
  const sessionLost = new Set<() => void>();

  const href: ConsoleClient['href'] = (name, input = {}) =>
    consolePath(name, input.params as Record<string, string> | undefined) + consoleQueryString(input.query as Record<string, unknown> | undefined);

  const call: ConsoleClient['call'] = async (name, input) => {
    const route = consoleRoutes[name];
    const headers: Record<string, string> = { accept: 'application/json' };
    if (route.method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken;
    const body = 'body' in input && input.body !== undefined ? JSON.stringify(input.body) : route.method === 'GET' ? undefined : '{}';
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetchImpl(href(name, input as { params?: never; query?: never }), {
        method: route.method,
        headers,
        body,
        credentials: 'same-origin',
        cache: 'no-store',
        signal: input.signal,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ConsoleApiError(0, 'network', null, String(error));
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const parsed = consoleErrorBodySchema.safeParse(json);
      const error = parsed.success
        ? new ConsoleApiError(response.status, parsed.data.error, parsed.data)
        : new ConsoleApiError(response.status, 'bad-response', null, `HTTP ${response.status}`);
      if (response.status === 401 && route.auth !== 'none') for (const listener of sessionLost) listener();
      throw error;
    }
    const parsed = route.response.safeParse(json);
    if (!parsed.success) throw new ConsoleApiError(response.status, 'bad-response', null, `${name}: ${parsed.error.message}`);
    return parsed.data as ConsoleResponse<typeof name>;
  };

  return {
    call,
    href,
    setCsrfToken: (token) => {
      csrfToken = token;
    },
    onSessionLost: (listener) => {
      sessionLost.add(listener);
      return () => sessionLost.delete(listener);
    },
  };
};
