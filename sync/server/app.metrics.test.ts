import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../protocol/wire.ts';
import { isLoopback } from './plugins/health.ts';
import { startTestServer, type TestServer } from './testing/fixtures.ts';

const TOKEN = 'scrape-0123456789abcdef-XYZ';

const metricsFrom = (t: TestServer, remoteAddress: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: '/metrics', remoteAddress, headers });

describe('who may read /metrics', () => {
  describe('without a metrics token', () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer();
    });
    afterAll(() => t.close());

    it('answers a client on this machine, over IPv4, IPv6 and IPv4-mapped IPv6', async () => {
      for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) {
        const reply = await metricsFrom(t, address);
        expect(reply.statusCode, address).toBe(200);
        expect(reply.body).toMatch(/^# TYPE yizhan_http_requests_total counter$/m);
      }
    });

    it('refuses every other address, and gives it no counter', async () => {
      for (const address of ['10.0.0.5', '192.168.1.20', '::ffff:10.0.0.5', 'fe80::1', '2001:db8::127']) {
        const reply = await metricsFrom(t, address);
        expect(reply.statusCode, address).toBe(403);
        expect(errorBodySchema.parse(reply.json()).error).toBe('forbidden');
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
      t = await startTestServer({ config: { metricsToken: TOKEN } });
    });
    afterAll(() => t.close());

    it('answers whoever presents it, from any address', async () => {
      for (const address of ['10.0.0.5', '127.0.0.1']) {
        const reply = await metricsFrom(t, address, { authorization: `Bearer ${TOKEN}` });
        expect(reply.statusCode, address).toBe(200);
        expect(reply.body).toMatch(/^yizhan_/m);
      }
    });

    it('asks everyone else for it, this machine included, and tells nothing', async () => {
      const attempts: [string, Record<string, string>][] = [
        ['10.0.0.5', {}],
        ['10.0.0.5', { authorization: `Bearer ${TOKEN}x` }],
        ['10.0.0.5', { authorization: `Bearer ${TOKEN.slice(0, -1)}` }],
        ['10.0.0.5', { authorization: TOKEN }],
        ['10.0.0.5', { authorization: `Basic ${TOKEN}` }],
        ['127.0.0.1', {}],
      ];
      for (const [address, headers] of attempts) {
        const reply = await metricsFrom(t, address, headers);
        expect(reply.statusCode, JSON.stringify(headers)).toBe(401);
        expect(reply.headers['www-authenticate']).toMatch(/^Bearer /);
        expect(reply.body).not.toContain('yizhan_');
      }
    });
  });

  describe('behind a proxy on this machine', () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer({ config: { trustProxy: true } });
    });
    afterAll(() => t.close());

    it('judges the address the proxy forwarded, not the proxy’s own', async () => {
      expect((await metricsFrom(t, '127.0.0.1', { 'x-forwarded-for': '203.0.113.7' })).statusCode).toBe(403);
      expect((await metricsFrom(t, '127.0.0.1')).statusCode).toBe(200);
    });
  });
});

describe('isLoopback', () => {
  it('knows this machine’s addresses and nothing else', () => {
    expect(['127.0.0.1', '127.255.0.1', '::1', '::ffff:127.0.0.1'].filter(isLoopback)).toHaveLength(4);
    expect(['128.0.0.1', '10.127.0.1', '::2', '::ffff:10.0.0.1', '127.0.0.1.evil', '', 'localhost'].some(isLoopback)).toBe(false);
  });
});
