import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, messages, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../protocol/wire.ts';
import { runMaintenance } from './maintenance.ts';
import { entries, newEpoch, pushBody, referralWithContact, scrapeMetrics, startTestServer, type TestServer, visit } from './testing/fixtures.ts';

const beat = (stationId: string, extra: Record<string, unknown> = {}) => ({
  stationId, appVersion: '0.2.0', recordsWaiting: 12, storageUsed: 5_000_000, storageQuota: 2_000_000_000, lastError: 'push: 503', clockOffsetMs: -4200, sentAt: '2026-03-02T07:59:58.000+08:00', ...extra,
});

describe('protocol version, limits and malformed requests', () => {
  let t: TestServer;
  let token: string;
  beforeAll(async () => {
    t = await startTestServer({ config: { bodyLimitBytes: 64 * 1024, rateLimit: { max: 1000, windowMs: 60_000 } } });
    token = await t.enrol('limits');
  });
  afterAll(async () => t?.close());

  it('answers an unknown major protocol version with 426 update-required, before authenticating', async () => {
    for (const version of ['2.0', '0.9', '17.3']) {
      const response = await t.call(messages.push.path, pushBody('limits', newEpoch(), entries([visit('limits')])), null, { [PROTOCOL_HEADER]: version });
      expect(response.statusCode).toBe(426);
      expect(response.headers[PROTOCOL_HEADER]).toBe('1.0');
      expect(response.headers.upgrade).toBe('yizhan/1.0');
      expect(errorBodySchema.parse(response.json())).toMatchObject({ error: 'update-required', accepted: { protocol: '1.x' } });
    }
    const minor = await t.call(messages.pull.path, { stationId: 'limits', cursor: '0' }, token, { [PROTOCOL_HEADER]: '1.9' });
    expect(minor.statusCode).toBe(200);
  });

  it('wants the version header on every sync request', async () => {
    const response = await t.app.inject({ method: 'POST', url: messages.pull.path, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, payload: '{}' });
    expect(response.statusCode).toBe(400);
    const garbled = await t.call(messages.pull.path, { stationId: 'limits', cursor: '0' }, token, { [PROTOCOL_HEADER]: 'one' });
    expect(garbled.statusCode).toBe(400);
  });

  it('answers 413 to a body over the limit, 415 to a body that is not JSON, 400 to broken JSON, 404 elsewhere', async () => {
    const big = pushBody('limits', newEpoch(), entries([{ ...visit('limits'), padding: 'x'.repeat(70 * 1024) }]));
    const tooLarge = await t.call(messages.push.path, big, token);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ error: 'payload-too-large' });
    const form = await t.call(messages.pull.path, 'a=b', token, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.statusCode).toBe(415);
    const broken = await t.call(messages.pull.path, '{"stationId": "limits", ', token);
    expect(broken.statusCode).toBe(400);
    const poisoned = await t.call(messages.pull.path, '{"stationId":"limits","cursor":"0","__proto__":{"x":1}}', token);
    expect(poisoned.statusCode).toBe(400);
    const missing = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(errorBodySchema.parse(missing.json()).error).toBe('not-found');
    const wrongMethod = await t.app.inject({ method: 'GET', url: messages.push.path, headers: { [PROTOCOL_HEADER]: '1.0' } });
    expect(wrongMethod.statusCode).toBe(404);
    expect(await t.storage.listRecords('limits')).toEqual([]);
  });

  it('refuses JSON nested deeper than the protocol allows with 400 before parsing it; the next batch applies', async () => {
    const epoch = newEpoch();
    const envelope = (record: string) => `{"stationId":"limits","epoch":"${epoch}","schemaVersion":1,"entries":[{"seq":1,"record":${record}}]}`;
    for (const deep of [`${'['.repeat(10_000)}${']'.repeat(10_000)}`, `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`]) {
      const response = await t.call(messages.push.path, envelope(deep), token);
      expect(response.statusCode, response.body).toBe(400);
      expect(errorBodySchema.parse(response.json())).toMatchObject({ error: 'bad-request', message: expect.stringContaining('nested') });
    }
    // Brackets inside strings are text, not nesting.
    const bracketsInText = await t.call(messages.push.path, envelope(JSON.stringify({ ...visit('limits'), note: '['.repeat(5_000) })), token);
    expect(bracketsInText.statusCode, bracketsInText.body).toBe(200);
    const next = await t.call(messages.push.path, pushBody('limits', epoch, entries([visit('limits')], 2)), token);
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json()).toMatchObject({ appliedSeq: 2 });
  });

  it('keeps a dead letter\'s raw payload bounded, and says it was cut', async () => {
    const junk = { id: 'junk-1', padding: 'x'.repeat(40_000) };
    const small = { id: 'junk-2', padding: 'y'.repeat(100) };
    const epoch = newEpoch();
    const response = await t.call(messages.push.path, pushBody('limits', epoch, entries([junk, small])), token);
    expect(response.statusCode, response.body).toBe(200);
    const dead = (await t.storage.listDeadLetters('limits')).filter((d) => d.epoch === epoch);
    const text = JSON.stringify(junk);
    expect(dead.map((d) => d.payload)).toEqual([{ truncated: true, bytes: text.length, start: text.slice(0, 16 * 1024) }, small]);
  });

  it('keeps the latest heartbeat of each station and gives the server time', async () => {
    const first = await t.call(messages.heartbeat.path, beat('limits'), token);
    expect(first.statusCode).toBe(200);
    expect(messages.heartbeat.response.parse(first.json()).serverTime).toBe(t.clock.now().toISOString());
    t.clock.advance(30_000);
    await t.call(messages.heartbeat.path, beat('limits', { recordsWaiting: 0, lastError: null, sentAt: '2026-03-02T08:00:28.000+08:00' }), token);
    expect(await t.storage.getHeartbeat('limits')).toMatchObject({ stationId: 'limits', appVersion: '0.2.0', recordsWaiting: 0, lastError: null, storageQuota: 2_000_000_000, clockOffsetMs: -4200, receivedAt: t.clock.now() });
    const bad = await t.call(messages.heartbeat.path, beat('limits', { recordsWaiting: -1 }), token);
    expect(bad.statusCode).toBe(400);
  });

  it('reports health and Prometheus metrics', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok', storage: 'sqlite' });
    const metrics = await scrapeMetrics(t);
    expect(metrics.statusCode).toBe(200);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = metrics.body;
    expect(text).toMatch(/^# TYPE yizhan_http_requests_total counter$/m);
    expect(text).toMatch(/^yizhan_http_requests_total\{route="\/api\/push",method="POST",status="426"\} 3$/m);
    // prom-client writes `le` first; label order means nothing to Prometheus.
    expect(text).toMatch(/^yizhan_http_request_duration_seconds_bucket\{le="\+Inf",route="\/api\/heartbeat"\} \d+$/m);
    expect(text).toMatch(/^yizhan_heartbeats_total 2$/m);
    expect(text).toMatch(/^yizhan_enrolments_total\{outcome="enrolled"\} 1$/m);
    // Every line is empty, a comment or "name{labels} number".
    for (const line of text.trim().split('\n').filter((l) => l !== '')) expect(line).toMatch(/^(# (HELP|TYPE) .+|[a-z_][a-z0-9_]*(\{[^}]*\})? ([-+\d.e]+|[+-]Inf|Nan|NaN))$/);
  });
});

describe('rate limits', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ config: { rateLimit: { max: 5, windowMs: 60_000 }, enrolRateLimit: { max: 3, windowMs: 60_000 }, authFailureRateLimit: { max: 5, windowMs: 60_000 } } });
  });
  afterAll(async () => t?.close());

  it('limits each station on its own, with 429 and Retry-After', async () => {
    const a = await t.enrol('busy-a');
    const b = await t.enrol('busy-b');
    const pull = (tk: string, id: string) => t.call(messages.pull.path, { stationId: id, cursor: '0' }, tk);
    const statuses = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await pull(a, 'busy-a')).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const limited = await pull(a, 'busy-a');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({ error: 'rate-limited' });
    expect((await pull(b, 'busy-b')).statusCode).toBe(200);
  });

  it('limits requests with a bad token per address, and leaves good tokens from that address alone', async () => {
    const good = await t.enrol('busy-neighbour');
    const pull = (remoteAddress: string, token: string, stationId = 'busy-neighbour') =>
      t.app.inject({
        method: 'POST',
        url: messages.pull.path,
        remoteAddress,
        headers: { 'content-type': 'application/json', [PROTOCOL_HEADER]: PROTOCOL_VERSION, authorization: `Bearer ${token}` },
        payload: JSON.stringify({ stationId, cursor: '0' }),
      });
    const forged = `yz1_${'A'.repeat(43)}`;
    const statuses = [];
    for (let i = 0; i < 8; i += 1) statuses.push((await pull('203.0.113.7', i % 2 ? forged : 'not-even-a-token')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    const limited = await pull('203.0.113.7', forged);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({ error: 'rate-limited' });
    // Another address is not held back by this one; a station behind the same address keeps syncing.
    expect((await pull('198.51.100.2', forged)).statusCode).toBe(401);
    expect((await pull('203.0.113.7', good)).statusCode).toBe(200);
    // The window passes: the address is heard again.
    t.clock.advance(61_000);
    expect((await pull('203.0.113.7', forged)).statusCode).toBe(401);
  });

  it('limits enrolment attempts per address, so codes cannot be guessed quickly', async () => {
    const codes = [];
    for (let i = 0; i < 5; i += 1) codes.push((await t.call(messages.enrol.path, { code: `WRONG-${i}000-0000` })).statusCode);
    expect(codes.slice(-2)).toEqual([429, 429]);
  });
});

describe('retention on the server', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => t?.close());

  it("purges personal fields once the district's retention has passed, and keeps the rest of the record", async () => {
    const token = await t.enrol('kept');
    const old = referralWithContact('kept');
    await t.call(messages.push.path, pushBody('kept', newEpoch(), entries([old])), token);
    t.clock.days(20);
    const recent = referralWithContact('kept');
    await t.call(messages.push.path, pushBody('kept', newEpoch(), entries([recent])), token);
    t.clock.days(15);
    const result = await runMaintenance(t.storage, { retentionDays: 30, tombstoneDays: 90, now: t.clock.now() });
    expect(result.personal.records).toBe(1);
    const purged = await t.storage.getRecord(old.id);
    expect(purged?.payload).not.toHaveProperty('contact');
    expect(purged?.payload).toMatchObject({ kind: 'referral', queueNo: 'A001', bill: { utility: 'water' } });
    expect(JSON.stringify(purged?.payload)).not.toContain('12345678');
    expect((await t.storage.getRecord(recent.id))?.payload).toMatchObject({ contact: { name: '王阿姨' }, bill: { account: '12345678' } });
    // Purging again finds nothing new; the retried push of the purged record stays a duplicate.
    expect((await runMaintenance(t.storage, { retentionDays: 30, tombstoneDays: 90, now: t.clock.now() })).personal.records).toBe(0);
  });
});
