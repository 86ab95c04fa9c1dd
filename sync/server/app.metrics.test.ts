import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../protocol/wire.ts';
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
});
