import {
  DEFAULT_RETRY_AFTER_SECONDS,
  type ErrorCode,
  errorBodySchema,
  type MessageName,
  type MessageRequest,
  type MessageResponse,
  messages,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
} from '../protocol/wire.ts';
import { parseRetryAfter } from './backoff.ts';

/**
 * Why a call failed: the server's error code, or what went wrong on the way there. `gateway`: a proxy or load
 * balancer in front of the centre answered that the centre did not (502, 504).
 */
export type FailureCode = ErrorCode | 'network' | 'timeout' | 'gateway' | 'bad-response';

export class SyncCallError extends Error {
  constructor(
    readonly code: FailureCode,
    readonly status: number | null,
    message: string,
    /** How long the server asked us to wait (429/503), in ms. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'SyncCallError';
  }

  /** Worth trying again later with the same data (as opposed to: a technician must act first). */
  get transient(): boolean {
    return ['network', 'timeout', 'gateway', 'bad-response', 'rate-limited', 'unavailable', 'internal'].includes(this.code) || (this.status !== null && this.status >= 500);
  }
}

export interface Transport {
  call<K extends MessageName>(name: K, body: MessageRequest<K>): Promise<MessageResponse<K>>;
  /** A real reachability check (navigator.onLine only knows about the local link). */
  probe(): Promise<boolean>;
}

export interface HttpTransportOptions {
  baseUrl: string;
  token: () => string | null;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** What a status means when the body does not say (a proxy's own page): by the status alone. */
const statusCode = (status: number): FailureCode => {
  if (status === 413) return 'payload-too-large';
  if (status === 429) return 'rate-limited';
  if (status === 502 || status === 504) return 'gateway';
  if (status === 503) return 'unavailable';
  return status >= 500 ? 'internal' : 'bad-request';
};

export const httpTransport = ({ baseUrl, token, fetch: fetchImpl = globalThis.fetch.bind(globalThis), timeoutMs = 20_000 }: HttpTransportOptions): Transport => {
  const url = (path: string) => new URL(path.replace(/^\//, ''), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).toString();

  const send = async (path: string, init: RequestInit): Promise<Response> => {
    try {
      return await fetchImpl(url(path), { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      const timedOut = error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new SyncCallError(timedOut ? 'timeout' : 'network', null, String(error));
    }
  };

  return {
    async call(name, body) {
      const message = messages[name];
      const headers: Record<string, string> = { 'content-type': 'application/json', [PROTOCOL_HEADER]: PROTOCOL_VERSION };
      const bearer = message.auth ? token() : null;
      if (message.auth && !bearer) throw new SyncCallError('unauthorized', null, 'no station credential: enrol first');
      if (bearer) headers.authorization = `Bearer ${bearer}`;
      const response = await send(message.path, { method: 'POST', headers, body: JSON.stringify(body) });
      let json: unknown;
      try {
        json = await response.json();
      } catch (error) {
        throw new SyncCallError(response.ok ? 'bad-response' : statusCode(response.status), response.status, `unreadable answer: ${String(error)}`);
      }
      if (!response.ok) {
        const parsed = errorBodySchema.safeParse(json);
        const retryAfter =
          response.status === 429 || response.status === 503
            ? (parseRetryAfter(response.headers.get('retry-after')) ?? DEFAULT_RETRY_AFTER_SECONDS * 1000)
            : null;
        throw new SyncCallError(parsed.success ? parsed.data.error : statusCode(response.status), response.status, parsed.success ? parsed.data.message : `HTTP ${response.status}`, retryAfter);
      }
      const parsed = message.response.safeParse(json);
      if (!parsed.success) throw new SyncCallError('bad-response', response.status, `answer does not match ${name}: ${parsed.error.message}`);
      return parsed.data as MessageResponse<typeof name>;
    },
    async probe() {
      try {
        const response = await fetchImpl(url('/healthz'), { signal: AbortSignal.timeout(Math.min(timeoutMs, 5_000)) });
        return response.ok;
      } catch {
        return false;
      }
    },
  };
};
