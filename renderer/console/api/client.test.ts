import { describe, expect, it } from 'vitest';
import { createFakeServer, fail } from '../testing/fake-server.ts';
import { organisation, staffSession } from '../testing/fixtures.ts';
import { createConsoleClient } from './client.ts';
import { type ConsoleApiError, isApiError } from './errors.ts';

describe('the console API client', () => {
  it('sends the CSRF token with changes only, and encodes path and query from the contract', async () => {
    const server = createFakeServer({ inbox: () => ({ requests: [], nextCursor: null, overdueCount: 0 }), logout: () => ({ ok: true }) });
    const client = createConsoleClient({ fetch: server.fetch });
    client.setCsrfToken('t'.repeat(43));
    await client.call('inbox', { query: { status: ['submitted', 'dispatched'], limit: 20 } });
    await client.call('logout', {});
    expect(server.calls.map((call) => [call.name, call.csrf])).toEqual([
      ['inbox', null],
      ['logout', 't'.repeat(43)],
    ]);
    expect(server.callsTo('inbox')[0]?.query).toMatchObject({ status: ['submitted', 'dispatched'], limit: 20 });
    expect(client.href('reportCsv', { params: { report: 'visit-log' }, query: { from: '2026-03-01', to: '2026-03-31', stationId: 'east-gate' } })).toBe(
      '/console/api/reports/visit-log/csv?from=2026-03-01&to=2026-03-31&stationId=east-gate',
    );
  });

  it('turns an error answer into its code and body', async () => {
    const client = createConsoleClient({ fetch: createFakeServer({ request: () => fail(409, 'refused', { refusal: { reason: 'wrong-state', from: 'done', event: 'dispatch' } }) }).fetch });
    const error = await client.call('request', { params: { requestId: '0190a5c4-7b2e-7c3d-8e4f-000000000001' } }).catch((failure: unknown) => failure);
    expect(isApiError(error, 'refused')).toBe(true);
    expect((error as ConsoleApiError).body?.refusal).toEqual({ reason: 'wrong-state', from: 'done', event: 'dispatch' });
  });

  it('tells its listeners the session is gone on a 401, but not for a failed login', async () => {
    const client = createConsoleClient({ fetch: createFakeServer({ organisation: () => fail(401, 'unauthorized'), login: () => fail(401, 'invalid-credentials') }).fetch });
    let lost = 0;
    const stop = client.onSessionLost(() => (lost += 1));
    await expect(client.call('login', { body: { login: 'li.zhuren', password: 'x' } })).rejects.toMatchObject({ code: 'invalid-credentials' });
    expect(lost).toBe(0);
    await expect(client.call('organisation', {})).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
    expect(lost).toBe(1);
    stop();
    await client.call('organisation', {}).catch(() => undefined);
    expect(lost).toBe(1);
  });

  it('refuses an answer that breaks the contract, and says when there was no answer at all', async () => {
    const wrong = createConsoleClient({ fetch: createFakeServer({ session: () => ({ ...staffSession, csrfToken: 'short' }) }).fetch });
    await expect(wrong.call('session', {})).rejects.toMatchObject({ code: 'bad-response' });
    const offline = createConsoleClient({
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await expect(offline.call('organisation', {})).rejects.toMatchObject({ code: 'network', status: 0 });
    const fine = createConsoleClient({ fetch: createFakeServer({ organisation: () => organisation }).fetch });
    await expect(fine.call('organisation', {})).resolves.toEqual(organisation);
  });
});
