import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_RETRY_AFTER_SECONDS, type ErrorBody, type ErrorCode } from '../protocol/wire.ts';

/** An answer the server means to give: status, code and message (for technicians' logs, never for residents). */
export class HttpError extends Error {
  readonly statusCode: number;
  readonly error: ErrorCode;
  readonly extra: Omit<ErrorBody, 'error' | 'message'>;
  constructor(statusCode: number, error: ErrorCode, message: string, extra: Omit<ErrorBody, 'error' | 'message'> = {}) {
    super(message);
    this.name = 'HttpError';
    this.statusCode = statusCode;
    this.error = error;
    this.extra = extra;
  }
}

const byStatus: Record<number, ErrorCode> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'bad-request',
  411: 'bad-request',
  413: 'payload-too-large',
  414: 'bad-request',
  415: 'unsupported-media-type',
  429: 'rate-limited',
};

/** Errors of the database driver that mean "not now" rather than "broken": answered 503 with Retry-After. */
const UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '53300', 'SQLITE_BUSY', 'SQLITE_FULL']);

/** What a thrown error becomes on the wire. Anything malformed a client can send maps to a 4xx here. */
export const toErrorReply = (error: unknown): { status: number; body: ErrorBody } => {
  if (error instanceof HttpError) return { status: error.statusCode, body: { error: error.error, message: error.message, ...error.extra } };
  const e = error as Partial<FastifyError> & { code?: string };
  if (e.code === 'FST_ERR_VALIDATION') return { status: 400, body: { error: 'bad-request', message: e.message ?? 'invalid request' } };
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return { status: 413, body: { error: 'payload-too-large', message: 'request body is too large' } };
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return { status: 415, body: { error: 'unsupported-media-type', message: 'send application/json' } };
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (status >= 400 && status < 500) {
    return { status, body: { error: byStatus[status] ?? 'bad-request', message: typeof e.message === 'string' ? e.message.slice(0, 300) : 'bad request' } };
  }
  if (e.code && UNAVAILABLE.has(e.code)) return { status: 503, body: { error: 'unavailable', message: 'storage is unavailable, retry later' } };
  return { status: 500, body: { error: 'internal', message: 'internal error' } };
};

export const errorHandler = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
  const { status, body } = toErrorReply(error);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ status, error: body.error }, body.message);
  if (status === 503) reply.header('retry-after', String(DEFAULT_RETRY_AFTER_SECONDS));
  return reply.code(status).type('application/json; charset=utf-8').send(body);
};

export const notFoundHandler = (request: FastifyRequest, reply: FastifyReply) =>
  reply.code(404).type('application/json; charset=utf-8').send({ error: 'not-found', message: `no route ${request.method} ${request.url.slice(0, 200)}` } satisfies ErrorBody);
