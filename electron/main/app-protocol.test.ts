// @vitest-environment node
import { mkdirSync, mkdtempSync, promises as fsp, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ENTRY, appScheme, contentType, createAppProtocolHandler, installAppProtocol, isAppUrl, registerAppScheme } from './app-protocol.ts';
import { contentSecurityPolicy } from '../common/csp.ts';
import { servicePages } from './out-of-service.ts';
import { FakeProtocol } from './testing/fakes.ts';

let base: string;
let root: string;
let handler: (request: Request) => Promise<Response>;
const logged: string[] = [];

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'yz-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>kiosk</title>');
  writeFileSync(join(root, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(root, 'assets', 'app.js'), 'export {};');
  writeFileSync(join(root, 'manifest.webmanifest'), '{}');
  writeFileSync(join(root, 'assets', '中文 名.svg'), '<svg/>');
  writeFileSync(join(base, 'secret.txt'), 'station credential');
  mkdirSync(join(base, 'renderer-evil'));
  writeFileSync(join(base, 'renderer-evil', 'x.js'), 'evil');
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link-out.txt'));
  symlinkSync(base, join(root, 'up'));
  symlinkSync(join(root, 'assets', 'app.js'), join(root, 'assets', 'link-in.js'));
  handler = createAppProtocolHandler({
    root,
    files: { realpath: (p) => fsp.realpath(p), stat: (p) => fsp.stat(p), readFile: (p) => fsp.readFile(p) },
    csp: () => contentSecurityPolicy({ connect: ['https://yizhan.example.cn/api'] }),
    servicePages,
    log: (m) => logged.push(m),
  });
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('the app:// scheme', () => {
  it('is registered before ready as standard, secure, with fetch and CORS, without service workers or bypassing CSP', () => {
    const protocol = new FakeProtocol();
    registerAppScheme(protocol);
    expect(protocol.schemes).toEqual([appScheme]);
    expect(appScheme.privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true, allowServiceWorkers: false, corsEnabled: true });
    expect(appScheme.privileges?.bypassCSP).toBeFalsy();
    installAppProtocol(protocol, handler);
    expect(protocol.handlers.has('app')).toBe(true);
  });

  it('knows its own origin', () => {
    expect(isAppUrl(APP_ENTRY)).toBe(true);
    expect(isAppUrl('app://kiosk.evil/')).toBe(false);
    expect(isAppUrl('app://service/out-of-service.html')).toBe(false);
    expect(isAppUrl('https://kiosk/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('the app:// handler', () => {
  it('serves the built renderer with its type, the CSP and nosniff', async () => {
    const index = await get('app://kiosk/');
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>kiosk</title>');
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(index.headers.get('content-security-policy')).toContain('connect-src \'self\' https://yizhan.example.cn');
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await get('app://kiosk/sw.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://kiosk/assets/app.js')).status).toBe(200);
    expect((await get('app://kiosk/manifest.webmanifest')).headers.get('content-type')).toContain('application/manifest+json');
    expect((await get('app://kiosk/assets/%E4%B8%AD%E6%96%87%20%E5%90%8D.svg')).status).toBe(200);
  });

  it('answers HEAD without a body, and refuses other methods', async () => {
    const head = await get('app://kiosk/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://kiosk/index.html', 'POST')).status).toBe(405);
  });

  it('follows a symlink that stays inside the root', async () => {
    expect((await get('app://kiosk/assets/link-in.js')).status).toBe(200);
  });

  it.each([
    'app://kiosk/../secret.txt',
    'app://kiosk/%2e%2e/secret.txt',
    'app://kiosk/%2E%2E/%2E%2E/secret.txt',
    'app://kiosk/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://kiosk/..%2fsecret.txt',
    'app://kiosk/..%5csecret.txt',
    'app://kiosk/assets\\..\\..\\secret.txt',
    'app://kiosk/%5c..%5c..%5csecret.txt',
    'app://kiosk/%252e%252e/secret.txt',
    'app://kiosk/index.html%00.js',
    'app://kiosk/%00',
    'app://kiosk//etc/passwd',
    'app://kiosk/%2Fetc%2Fpasswd',
    'app://kiosk/C:%5CWindows%5Cwin.ini',
    'app://kiosk/C:/Windows/win.ini',
    'app://kiosk/index.html::$DATA',
    'app://kiosk/.env',
    'app://kiosk/%2eenv',
    'app://kiosk/assets/link-out.txt',
    'app://kiosk/up/secret.txt',
    'app://kiosk/../renderer-evil/x.js',
    'app://kiosk/%E0%A4%A',
    'app://kiosk/assets',
    'app://kiosk/missing.js',
    'app://other/index.html',
    'app://service/../kiosk/index.html',
    'app://service/secret.txt',
  ])('refuses %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain('station credential');
  });

  it('serves the out-of-service page from memory, with its own CSP that allows no script', async () => {
    const page = await get('app://service/out-of-service.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('请找值班志愿者');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
  });

  it('logs what it refused', () => {
    expect(logged.some((line) => line.includes('outside root'))).toBe(true);
  });
});

describe('content types', () => {
  it('types the files a Vite build makes', () => {
    expect(contentType('x.woff2')).toBe('font/woff2');
    expect(contentType('x.unknown')).toBe('application/octet-stream');
  });
});
