import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, messages } from '../protocol/wire.ts';
import { startTestServer, type TestServer } from './testing/fixtures.ts';

const TOKEN = 'scrape-0123456789abcdef-XYZ';

const metricsFrom = (t: TestServer, remoteAddress: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: '/metrics', remoteAddress, headers });

describe('who may read /metrics', () => {
  describe('without a metrics token', () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer({ config: { metricsToken: null } });
    });
    afterAll(() => t.close());

    it('is off for everyone, this machine included (a reverse proxy here makes every client look local)', async () => {
      for (const address of ['127.0.0.1', '::1', '10.0.0.5']) {
        const reply = await metricsFrom(t, address, { authorization: `Bearer ${TOKEN}` });
        expect(reply.statusCode, address).toBe(403);
        expect(errorBodySchema.parse(reply.json())).toMatchObject({ error: 'forbidden', message: expect.stringContaining('METRICS_TOKEN') });
        expect(reply.body).not.toContain('yizhan_');
      }
    });

    it('leaves /healthz open to anyone: the kiosks probe it from the stations', async () => {
      expect((await t.app.inject({ method: 'GET', url: '/healthz', remoteAddress: '10.0.0.5' })).statusCode).toBe(200);
    });
  });

  describe('with a metrics token', () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer({ config: { metricsToken: TOKEN, trustProxy: true } });
    });
    afterAll(() => t.close());

    it('answers whoever presents it, from any address', async () => {
      for (const address of ['10.0.0.5', '127.0.0.1']) {
        const reply = await metricsFrom(t, address, { authorization: `Bearer ${TOKEN}` });
        expect(reply.statusCode, address).toBe(200);
        expect(reply.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
        expect(reply.body).toMatch(/^# TYPE yizhan_http_requests_total counter$/m);
      }
    });

    it('asks everyone else for it, loopback and forged forwarding included, and tells nothing', async () => {
      const attempts: [string, Record<string, string>][] = [
        ['10.0.0.5', {}],
        ['10.0.0.5', { authorization: `Bearer ${TOKEN}x` }],
        ['10.0.0.5', { authorization: `Bearer ${TOKEN.slice(0, -1)}` }],
        ['10.0.0.5', { authorization: TOKEN }],
        ['10.0.0.5', { authorization: `Basic ${TOKEN}` }],
        ['127.0.0.1', {}],
        ['127.0.0.1', { 'x-forwarded-for': '127.0.0.1, 203.0.113.7' }],
      ];
      for (const [address, headers] of attempts) {
        const reply = await metricsFrom(t, address, headers);
        expect(reply.statusCode, JSON.stringify(headers)).toBe(401);
        expect(reply.headers['www-authenticate']).toMatch(/^Bearer /);
        expect(reply.body).not.toContain('yizhan_');
      }
    });
  });

  describe('what it tells', () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer({ config: { metricsToken: TOKEN } });
    });
    afterAll(() => t.close());

    it('keeps the series names operators scrape, counts by route pattern, and adds the process\'s own', async () => {
      const token = await t.enrol('metrics-a');
      await t.call(messages.pull.path, { stationId: 'metrics-a', cursor: '0' }, token);
      await t.call(messages.pull.path, { stationId: 'metrics-a', cursor: '0' }, 'yz1_' + 'x'.repeat(43));
      await t.app.inject({ method: 'GET', url: '/no/such/thing/12345' });
      const text = (await metricsFrom(t, '10.0.0.5', { authorization: `Bearer ${TOKEN}` })).body;
      for (const name of [
        'yizhan_http_requests_total',
        'yizhan_http_request_duration_seconds',
        'yizhan_push_records_total',
        'yizhan_dead_letters_total',
        'yizhan_pull_changes_total',
        'yizhan_pull_resets_total',
        'yizhan_heartbeats_total',
        'yizhan_enrolments_total',
        'yizhan_auth_failures_total',
        'yizhan_rate_limited_total',
        'yizhan_retention_purged_total',
      ]) {
        expect(text, name).toMatch(new RegExp(`^# TYPE ${name} (counter|histogram)$`, 'm'));
      }
      expect(text).toMatch(/^# TYPE yizhan_uptime_seconds gauge$/m);
      expect(text).toMatch(/^yizhan_http_requests_total\{route="\/api\/pull",method="POST",status="200"\} 1$/m);
      expect(text).toMatch(/^yizhan_http_requests_total\{route="\/api\/pull",method="POST",status="401"\} 1$/m);
      expect(text).toMatch(/^yizhan_auth_failures_total\{reason="unknown-or-revoked"\} 1$/m);
      expect(text).toMatch(/^yizhan_enrolments_total\{outcome="enrolled"\} 1$/m);
      // An unmatched path is never a label (one series per address probed); its digits alone would also turn up
      // in the process metrics' values now and then.
      expect(text).not.toContain('/no/such/thing');
      // prom-client's process metrics: what an operator of several processes watches (docs/scaling.md).
      expect(text).toMatch(/^# TYPE nodejs_eventloop_lag_seconds gauge$/m);
      expect(text).toMatch(/^# TYPE process_resident_memory_bytes gauge$/m);
    });
  });
});
