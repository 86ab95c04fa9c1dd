import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import { messages, PROTOCOL_HEADER } from '../../protocol/wire.ts';
import { notFoundHandler } from '../errors.ts';

/** The request headers of a sync call that are not CORS-safelisted (sync/client/transport.ts sends them). */
export const CORS_ALLOWED_HEADERS = ['authorization', 'content-type', PROTOCOL_HEADER] as const;
/** The response headers the kiosk reads: Retry-After of a 429 or 503, and the server's protocol version. */
export const CORS_EXPOSED_HEADERS = ['retry-after', PROTOCOL_HEADER] as const;
/** How long a browser may reuse a preflight answer (Chromium caps it at 7200 s). */
export const CORS_MAX_AGE_SECONDS = 600;

const apiPaths: ReadonlySet<string> = new Set(Object.values(messages).map((message) => message.path));

/**
 * CORS for the sync API, registered first in the API scope so that its onRequest hook runs before the protocol
 * check, auth and the rate limiter: a preflight carries none of their headers and is answered by this hook
 * (204) before they run, and every actual answer, errors included, already carries Access-Control-Allow-Origin
 * when one of them refuses it. Only the configured origins (exactly, never `*`) get CORS headers; a request
 * without an Origin header (the PWA served by this server) is handled as before.
 */
export const registerApiCors = async (scope: FastifyInstance, origins: readonly string[]) => {
  const allowed = new Set(origins);
  // @fastify/cors answers preflights through its own `OPTIONS *` route, which, the API scope having no prefix,
  // matches every path and would run the API's hooks. Only an allowed origin's preflight of an API route gets
  // that far; any other OPTIONS gets the 404 it always got.
  scope.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'OPTIONS') return;
    const origin = request.headers.origin;
    const path = request.url.split('?', 1)[0] ?? '';
    if (origin === undefined || !allowed.has(origin) || !apiPaths.has(path)) return notFoundHandler(request, reply);
  });
  await scope.register(cors, {
    // true: echo the request's Origin. false: no CORS headers at all (only Vary: Origin, as the answer varies).
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: [...CORS_ALLOWED_HEADERS],
    exposedHeaders: [...CORS_EXPOSED_HEADERS],
    maxAge: CORS_MAX_AGE_SECONDS,
    // The token travels in Authorization, never in a cookie: no Access-Control-Allow-Credentials.
    credentials: false,
    // A preflight without Access-Control-Request-Method is not one: 400.
    strictPreflight: true,
  });
};

/**
 * GET /healthz for the kiosk's reachability probe (HttpTransport.probe): a simple request, no preflight, but
 * without Access-Control-Allow-Origin the browser hides the answer and the probe always fails. /metrics stays
 * same-origin: it is for operators, not kiosks.
 */
export const registerProbeCors = (scope: FastifyInstance, origins: readonly string[]) => {
  const allowed = new Set(origins);
  scope.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.url !== '/healthz') return;
    reply.header('vary', 'Origin');
    const origin = request.headers.origin;
    if (origin !== undefined && allowed.has(origin)) reply.header('access-control-allow-origin', origin);
  });
};
