import type { FastifyError, FastifyReply, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import type { ConsoleErrorBody, ConsoleErrorCode } from '../../protocol/console/common.ts';
import { HttpError, toErrorReply } from '../errors.ts';
import { StorageConflictError } from '../storage/types.ts';

/** An answer the console API means to give: status, code, message (for logs) and the contract's extras. */
export class ConsoleError extends Error {
  readonly statusCode: number;
  readonly error: ConsoleErrorCode;
  readonly extra: Omit<ConsoleErrorBody, 'error' | 'message'>;
  constructor(statusCode: number, error: ConsoleErrorCode, message: string, extra: Omit<ConsoleErrorBody, 'error' | 'message'> = {}) {
    super(message);
    this.name = 'ConsoleError';
    this.statusCode = statusCode;
    this.error = error;
    this.extra = extra;
  }
}

/** An object that is not there, or not in the caller's scope: the same answer, so ids cannot be probed. */
export const notFound = (what: string): ConsoleError => new ConsoleError(404, 'not-found', `no ${what}`);
export const forbidden = (why: string): ConsoleError => new ConsoleError(403, 'forbidden', why);
export const conflict = (why: string): ConsoleError => new ConsoleError(409, 'conflict', why);
export const badRequest = (why: string, path = ''): ConsoleError => new ConsoleError(400, 'bad-request', why, { issues: [{ path, message: why }] });

/** A validation failure carrying zod's issues, so the console can point at the field. */
export class ConsoleValidationError extends Error {
  readonly statusCode = 400;
  readonly code = 'FST_ERR_VALIDATION';
  readonly issues: { path: string; message: string }[];
  constructor(issues: { path: string; message: string }[]) {
    super(issues.map((issue) => `${issue.path || 'body'}: ${issue.message}`).join('; ').slice(0, 500));
    this.issues = issues;
  }
}

export const toConsoleErrorReply = (error: unknown): { status: number; body: ConsoleErrorBody } => {
  if (error instanceof ConsoleError) return { status: error.statusCode, body: { error: error.error, message: error.message, ...error.extra } };
  if (error instanceof ConsoleValidationError) return { status: 400, body: { error: 'bad-request', message: error.message, issues: error.issues } };
  if (error instanceof StorageConflictError) return { status: 409, body: { error: 'conflict', message: error.message } };
  // The server's own errors (body limits, content types, storage unavailable, rate limits) in console words.
  const { status, body } = toErrorReply(error instanceof HttpError ? error : (error as FastifyError));
  const code: ConsoleErrorCode =
    status === 401 ? 'unauthorized'
    : status === 403 ? 'forbidden'
    : status === 404 ? 'not-found'
    : status === 409 ? 'conflict'
    : status === 413 ? 'payload-too-large'
    : status === 415 ? 'unsupported-media-type'
    : status === 429 ? 'rate-limited'
    : status === 503 ? 'unavailable'
    : status >= 500 ? 'internal'
    : 'bad-request';
  return { status, body: { error: code, message: body.message } };
};

export const consoleErrorHandler = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
  const { status, body } = toConsoleErrorReply(error);
  if (status >= 500) request.log.error({ err: error }, 'console request failed');
  else request.log.info({ status, error: body.error }, body.message);
  if (status === 503) reply.header('retry-after', '30');
  if (body.retryAfterSeconds !== undefined) reply.header('retry-after', String(body.retryAfterSeconds));
  return reply.code(status).type('application/json; charset=utf-8').send(body);
};

/** Route schemas are the contract's zod schemas; a failure answers 400 with zod's issues, field by field. */
export const consoleValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data: unknown) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    return { error: new ConsoleValidationError(result.error.issues.slice(0, 20).map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))) };
  };
