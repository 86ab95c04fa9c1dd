import { describe, expect, it } from 'vitest';
import { httpTransport, SyncCallError } from './transport.ts';

const push = { stationId: 'demo-station', epoch: 'epoch-0000', schemaVersion: 1, entries: [{ seq: 1, record: {} }] };

/** The transport over a fetch that always gives the same answer. */
const answering = (response: () => Response) => httpTransport({ baseUrl: 'http://127.0.0.1:1/', token: () => 'token', fetch: async () => response() });

const failure = async (call: Promise<unknown>): Promise<SyncCallError> => {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof SyncCallError)) throw new Error(`expected a SyncCallError, got ${String(error)}`);
  return error;
};

describe('httpTransport', () => {
  it('takes a 413 for "too large" whoever sent it: the server, or a proxy with a page of its own', async () => {
    const fromServer = answering(() => Response.json({ error: 'payload-too-large', message: 'request body is too large' }, { status: 413 }));
    expect(await failure(fromServer.call('push', push))).toMatchObject({ code: 'payload-too-large', status: 413 });
    const fromProxy = answering(() => new Response('<html><body><h1>413 Request Entity Too Large</h1></body></html>', { status: 413, headers: { 'content-type': 'text/html' } }));
    expect(await failure(fromProxy.call('push', push))).toMatchObject({ code: 'payload-too-large', status: 413 });
  });

  it('tells a centre that is down behind its gateway (502, 504) from one that answers with an error', async () => {
    for (const status of [502, 504]) {
      const gateway = answering(() => new Response('<html>Bad Gateway</html>', { status, headers: { 'content-type': 'text/html' } }));
      expect(await failure(gateway.call('push', push))).toMatchObject({ code: 'gateway', status });
    }
    const broken = answering(() => Response.json({ error: 'internal', message: 'internal error' }, { status: 500 }));
    expect(await failure(broken.call('push', push))).toMatchObject({ code: 'internal', status: 500 });
  });
});
