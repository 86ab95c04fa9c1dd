import type { ConsoleErrorBody, ConsoleErrorCode } from '@protocol/console/common.ts';

/** Why a call failed: the server's error code, or that no answer came ('network'), or one we cannot read. */
export type ApiFailure = ConsoleErrorCode | 'network' | 'bad-response';

/** A console API call that did not succeed; `body` is the server's error body when there was one. */
export class ConsoleApiError extends Error {
  readonly status: number;
  readonly code: ApiFailure;
  readonly body: ConsoleErrorBody | null;

  constructor(status: number, code: ApiFailure, body: ConsoleErrorBody | null, message = body?.message ?? code) {
    super(message);
    this.name = 'ConsoleApiError';
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

export const isApiError = (error: unknown, code?: ApiFailure): error is ConsoleApiError =>
  error instanceof ConsoleApiError && (code === undefined || error.code === code);
