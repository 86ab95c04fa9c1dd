// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ANY_CENTRE, contentSecurityPolicy, securityHeaders } from '../common/csp.ts';
import { enforceCsp, requestAllowed, restrictNetwork, serverOrigins } from './network.ts';
import { FakeSession } from './testing/fakes.ts';

const server = ['https://yizhan.example.cn'];

describe('no remote content', () => {
  it('lets through the app, local data and the station server only', () => {
    expect(requestAllowed('app://kiosk/assets/index.js', server)).toBe(true);
    expect(requestAllowed('data:image/png;base64,AAAA', server)).toBe(true);
    expect(requestAllowed('blob:app://kiosk/1234', server)).toBe(true);
    expect(requestAllowed('https://yizhan.example.cn/api/push', server)).toBe(true);
    expect(requestAllowed('wss://yizhan.example.cn/live', server)).toBe(true);
    for (const url of [
      'https://cdn.example.com/font.woff2',
      'http://yizhan.example.cn/api/push',
      'https://yizhan.example.cn.evil.com/',
      'file:///etc/passwd',
      'ftp://x/',
      'chrome-extension://abc/x.js',
      'devtools://devtools/x',
      'not a url',
    ]) {
      expect(requestAllowed(url, server), url).toBe(false);
    }
    expect(requestAllowed('devtools://devtools/x', server, true)).toBe(true);
  });

  it('cancels other requests in the session before they leave', () => {
    const session = new FakeSession();
    const log: string[] = [];
    let origins = serverOrigins(null);
    restrictNetwork(session.webRequest, () => origins, { log: (m) => log.push(m) });
    expect(session.allows('https://yizhan.example.cn/api')).toBe(false);
    origins = serverOrigins('https://yizhan.example.cn/base');
    expect(session.allows('https://yizhan.example.cn/api')).toBe(true);
    expect(session.allows('https://tracker.example/pixel.gif')).toBe(false);
    expect(log).toHaveLength(2);
  });
});

describe('enforceCsp', () => {
  // webRequest sees network responses only; app:// pages carry their CSP from the protocol handler (app-protocol.test).
  it('adds the app CSP to every network response without one, and keeps a response’s own', () => {
    const session = new FakeSession();
    enforceCsp(session.webRequest, () => "default-src 'none'");
    expect(session.headersFor('https://yizhan.example.cn/api', { 'content-type': ['application/json'] })).toEqual({
      'content-type': ['application/json'],
      'Content-Security-Policy': ["default-src 'none'"],
    });
    const own = { 'content-security-policy': ["style-src 'sha256-x'"] };
    expect(session.headersFor('https://yizhan.example.cn/healthz', own)).toEqual(own);
  });
});

describe('the Content-Security-Policy', () => {
  it('allows only the app itself, plus the server for fetch', () => {
    const csp = contentSecurityPolicy({ connect: ['https://yizhan.example.cn/sync', 'javascript:alert(1)', 'not a url'] });
    const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives).toMatchObject({
      'default-src': "'none'",
      'script-src': "'self' 'wasm-unsafe-eval'",
      'style-src': "'self'",
      'connect-src': "'self' https://yizhan.example.cn",
      'worker-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
      'form-action': "'none'",
    });
    expect(csp).not.toMatch(/unsafe-inline|'unsafe-eval'|\*/);
  });

  it('as the web build\'s meta tag: any centre the config accepts, and nothing a meta tag cannot carry', () => {
    const csp = contentSecurityPolicy({ sources: ANY_CENTRE, meta: true });
    expect(csp).toContain("connect-src 'self' https: http://localhost:* http://127.0.0.1:*");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toMatch(/frame-ancestors|unsafe-inline|'unsafe-eval'/);
  });

  it('comes with nosniff and a Permissions-Policy closed but for the app’s own camera', () => {
    const headers = securityHeaders("default-src 'none'");
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Permissions-Policy']).toContain('camera=(self)');
    expect(headers['Permissions-Policy']).toContain('microphone=()');
  });
});
