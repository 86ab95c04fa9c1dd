import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, messages, PROTOCOL_HEADER } from '../protocol/wire.ts';
import { CORS_MAX_AGE_SECONDS } from './plugins/cors.ts';
import { engines, entries, newEpoch, pushBody, scrapeMetrics, startTestServer, type TestServer, visit } from './testing/fixtures.ts';
import { enrolmentCodeHash, newEnrolmentCode } from './tokens.ts';

const KIOSK = 'app://kiosk';
const apiPaths = Object.values(messages).map((message) => message.path);

const preflight = (t: TestServer, url: string, origin: string | null, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'OPTIONS',
    url,
    headers: {
      ...(origin === null ? {} : { origin }),
      'access-control-request-method': 'POST',
      'access-control-request-headers': `authorization,content-type,${PROTOCOL_HEADER}`,
      ...headers,
    },
  });

const varyList = (response: LightMyRequestResponse) =>
  String(response.headers.vary ?? '')
    .split(',')
    .map((v) => v.trim().toLowerCase());

const exposed = (response: LightMyRequestResponse) =>
  String(response.headers['access-control-expose-headers'] ?? '')
    .split(',')
    .map((v) => v.trim().toLowerCase());

/** What the kiosk's renderer at app://kiosk needs on every answer to read it. */
const expectKioskCors = (response: LightMyRequestResponse) => {
  expect(response.headers['access-control-allow-origin'], response.body).toBe(KIOSK);
  expect(exposed(response)).toEqual(expect.arrayContaining(['retry-after', PROTOCOL_HEADER]));
  expect(varyList(response)).toContain('origin');
  expect(response.headers['access-control-allow-credentials']).toBeUndefined();
};

const expectNoCors = (response: LightMyRequestResponse) => {
  for (const name of Object.keys(response.headers)) expect(name.toLowerCase().startsWith('access-control-'), name).toBe(false);
};

describe.each(engines())('CORS for the Electron kiosk on %s', (engine) => {
  let t: TestServer;
  let token: string;
  const S = 'cors-station';
  const fromKiosk = { origin: KIOSK };

  beforeAll(async () => {
    t = await startTestServer({ engine, config: { rateLimit: { max: 20, windowMs: 60_000 }, enrolRateLimit: { max: 3, windowMs: 60_000 } } });
  });
  afterAll(async () => t?.close());

  it('answers an allowed origin’s preflight with 204 before the protocol check, auth and the rate limiter', async () => {
    // More preflights than the limiter allows, none with a protocol header or a token: all answered, none counted.
    for (let i = 0; i < 3; i += 1) {
      for (const path of apiPaths) {
        const response = await preflight(t, path, KIOSK);
        expect(response.statusCode, `${path} ${response.body}`).toBe(204);
        expect(response.body).toBe('');
        expect(response.headers['access-control-allow-origin']).toBe(KIOSK);
        expect(response.headers['access-control-allow-methods']).toBe('GET, POST');
        expect(response.headers['access-control-allow-headers']).toBe(`authorization, content-type, ${PROTOCOL_HEADER}`);
        expect(response.headers['access-control-max-age']).toBe(String(CORS_MAX_AGE_SECONDS));
        expect(varyList(response)).toContain('origin');
        expect(response.headers['access-control-allow-credentials']).toBeUndefined();
        expect(response.headers['www-authenticate']).toBeUndefined();
        expect(response.headers['x-ratelimit-limit']).toBeUndefined();
      }
    }
    // A query string does not hide the route.
    expect((await preflight(t, `${messages.pull.path}?x=1`, KIOSK)).statusCode).toBe(204);
    // The limiter counted none of them (20 a minute): the enrolment below and the calls after it still pass.
    token = await t.enrol(S);
    const pull = await t.call(messages.pull.path, { stationId: S, cursor: '0' }, token, fromKiosk);
    expect(pull.statusCode).toBe(200);
    expect(Number(pull.headers['x-ratelimit-remaining'])).toBeGreaterThan(15);
  });

  it('refuses the preflight of any other origin, of a non-API path, and a preflight that is not one', async () => {
    for (const origin of ['https://evil.example', 'null', 'app://kiosk.evil', 'APP://KIOSK', 'app://kiosk/', 'http://app://kiosk']) {
      const response = await preflight(t, messages.push.path, origin);
      expect(response.statusCode, origin).toBe(404);
      expect(errorBodySchema.parse(response.json()).error).toBe('not-found');
      expectNoCors(response);
    }
    for (const path of ['/metrics', '/healthz', '/', '/api/nothing-here', '/index.html']) {
      const response = await preflight(t, path, KIOSK);
      expect(response.statusCode, path).toBe(404);
      expectNoCors(response);
    }
    // An allowed origin's OPTIONS without Access-Control-Request-Method is not a preflight.
    const bare = await t.app.inject({ method: 'OPTIONS', url: messages.push.path, headers: fromKiosk });
    expect(bare.statusCode).toBe(400);
    expect(bare.headers['access-control-allow-methods']).toBeUndefined();
  });

  it('keeps OPTIONS without an Origin (never a browser preflight) a 404, as before', async () => {
    const response = await preflight(t, messages.push.path, null);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: 'not-found', message: `no route OPTIONS ${messages.push.path}` });
    expectNoCors(response);
  });

  it('puts Allow-Origin and Expose-Headers on actual answers to an allowed origin', async () => {
    await t.storage.createStation({ id: 'cors-enrol', name: 'enrol', now: t.clock.now() });
    const code = newEnrolmentCode();
    await t.storage.createEnrolmentCode({ stationId: 'cors-enrol', codeHash: enrolmentCodeHash(code), expiresAt: new Date(t.clock.now().getTime() + 3_600_000), now: t.clock.now() });
    const enrol = await t.call(messages.enrol.path, { code }, null, fromKiosk);
    expect(enrol.statusCode).toBe(200);
    expect(messages.enrol.response.parse(enrol.json()).stationId).toBe('cors-enrol');
    expectKioskCors(enrol);
    expect(enrol.headers[PROTOCOL_HEADER]).toBe('1.0');

    const push = await t.call(messages.push.path, pushBody(S, newEpoch(), entries([visit(S)])), token, fromKiosk);
    expect(push.statusCode).toBe(200);
    expectKioskCors(push);
    const heartbeat = await t.call(messages.heartbeat.path, { stationId: S, appVersion: '0.2.0', recordsWaiting: 0, storageUsed: null, storageQuota: null, lastError: null, clockOffsetMs: null, sentAt: t.clock.now().toISOString() }, token, fromKiosk);
    expect(heartbeat.statusCode, heartbeat.body).toBe(200);
    expectKioskCors(heartbeat);
  });

  it('puts them on refusals too: 400, 401, 403, 409, 413, 415 and 426', async () => {
    const badVersion = await t.call(messages.push.path, pushBody(S, newEpoch(), entries([visit(S)])), token, { ...fromKiosk, [PROTOCOL_HEADER]: '2.0' });
    expect(badVersion.statusCode).toBe(426);
    expect(badVersion.json()).toMatchObject({ error: 'update-required' });
    expectKioskCors(badVersion);
    expect(badVersion.headers[PROTOCOL_HEADER]).toBe('1.0');

    const noVersion = await t.app.inject({ method: 'POST', url: messages.pull.path, headers: { ...fromKiosk, 'content-type': 'application/json', authorization: `Bearer ${token}` }, payload: '{}' });
    expect(noVersion.statusCode).toBe(400);
    expectKioskCors(noVersion);

    const noToken = await t.call(messages.pull.path, { stationId: S, cursor: '0' }, null, fromKiosk);
    expect(noToken.statusCode).toBe(401);
    expect(noToken.headers['www-authenticate']).toBe('Bearer realm="yizhan"');
    expectKioskCors(noToken);

    const otherStation = await t.call(messages.pull.path, { stationId: 'someone-else', cursor: '0' }, token, fromKiosk);
    expect(otherStation.statusCode).toBe(403);
    expectKioskCors(otherStation);

    const epoch = newEpoch();
    expect((await t.call(messages.push.path, pushBody(S, epoch, entries([visit(S), visit(S)])), token, fromKiosk)).statusCode).toBe(200);
    const diverged = await t.call(messages.push.path, pushBody(S, epoch, entries([visit(S), visit(S), visit(S)])), token, fromKiosk);
    expect(diverged.statusCode).toBe(409);
    expect(diverged.json()).toMatchObject({ error: 'outbox-diverged' });
    expectKioskCors(diverged);

    const tooLarge = await t.call(messages.push.path, pushBody(S, newEpoch(), entries([{ ...visit(S), padding: 'x'.repeat(1100 * 1024) }])), token, fromKiosk);
    expect(tooLarge.statusCode).toBe(413);
    expectKioskCors(tooLarge);

    const form = await t.call(messages.pull.path, 'a=b', token, { ...fromKiosk, 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.statusCode).toBe(415);
    expectKioskCors(form);
  });

  it('gives another origin, and a request without an Origin, no CORS headers and the same answer as before', async () => {
    const body = { stationId: S, cursor: '0' };
    const same = await t.call(messages.pull.path, body, token);
    const other = await t.call(messages.pull.path, body, token, { origin: 'https://evil.example' });
    const kiosk = await t.call(messages.pull.path, body, token, fromKiosk);
    for (const response of [same, other, kiosk]) expect(response.statusCode).toBe(200);
    expectNoCors(same);
    expectNoCors(other);
    expect(other.json()).toEqual(same.json());
    expect(kiosk.json()).toEqual(same.json());
    const refused = await t.call(messages.pull.path, body, null, { origin: 'https://evil.example' });
    expect(refused.statusCode).toBe(401);
    expectNoCors(refused);
  });

  it('lets the kiosk read /healthz (its reachability probe), not /metrics', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/healthz', headers: fromKiosk });
    expect(health.statusCode).toBe(200);
    expect(health.headers['access-control-allow-origin']).toBe(KIOSK);
    expect(varyList(health)).toContain('origin');
    expectNoCors(await t.app.inject({ method: 'GET', url: '/healthz', headers: { origin: 'https://evil.example' } }));
    expectNoCors(await t.app.inject({ method: 'GET', url: '/healthz' }));
    const metrics = await scrapeMetrics(t, fromKiosk);
    expect(metrics.statusCode).toBe(200);
    expectNoCors(metrics);
    const missing = await t.app.inject({ method: 'GET', url: '/nothing', headers: fromKiosk });
    expect(missing.statusCode).toBe(404);
    expectNoCors(missing);
  });

  it('puts them on the rate limiter’s 429, whose Retry-After the kiosk reads', async () => {
    const statuses: number[] = [];
    let limited: LightMyRequestResponse | null = null;
    for (let i = 0; i < 25 && !limited; i += 1) {
      const response = await t.call(messages.pull.path, { stationId: S, cursor: '0' }, token, fromKiosk);
      statuses.push(response.statusCode);
      if (response.statusCode === 429) limited = response;
      else expectKioskCors(response);
    }
    expect(limited, statuses.join(',')).not.toBeNull();
    expect(limited!.json()).toMatchObject({ error: 'rate-limited' });
    expect(Number(limited!.headers['retry-after'])).toBeGreaterThan(0);
    expectKioskCors(limited!);
    // Enrolment has its own, tighter limit per address.
    const codes: LightMyRequestResponse[] = [];
    for (let i = 0; i < 5; i += 1) codes.push(await t.call(messages.enrol.path, { code: `WRONG-${i}000-0000` }, null, fromKiosk));
    const last = codes.at(-1)!;
    expect(last.statusCode).toBe(429);
    expectKioskCors(last);
    // A preflight is still answered while the station is limited.
    expect((await preflight(t, messages.pull.path, KIOSK)).statusCode).toBe(204);
  });
});

describe('CORS origins other than the default', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ config: { corsOrigins: ['https://console.example.gov.cn', 'http://127.0.0.1:5173'] } });
  });
  afterAll(async () => t?.close());

  it('allows exactly the configured origins', async () => {
    for (const origin of ['https://console.example.gov.cn', 'http://127.0.0.1:5173']) {
      const response = await preflight(t, messages.enrol.path, origin);
      expect(response.statusCode, origin).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe(origin);
    }
    for (const origin of [KIOSK, 'http://127.0.0.1:5174', 'https://console.example.gov.cn.evil.example']) {
      expect((await preflight(t, messages.enrol.path, origin)).statusCode, origin).toBe(404);
      const actual = await t.call(messages.enrol.path, { code: 'WRONG-0000-0000' }, null, { origin });
      expect(actual.statusCode).toBe(403);
      expectNoCors(actual);
    }
  });
});
