import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleContentSecurityPolicy } from '../console-csp.ts';
import { startTestServer, type TestServer } from '../testing/fixtures.ts';

describe('serving the community console at /console', () => {
  let dir: string;
  let t: TestServer;
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'yizhan-console-'));
    const kiosk = join(dir, 'kiosk');
    const staff = join(kiosk, 'console');
    await mkdir(join(kiosk, 'assets'), { recursive: true });
    await mkdir(join(staff, 'assets'), { recursive: true });
    await writeFile(join(kiosk, 'index.html'), '<!doctype html><title>红色驿站</title>');
    await writeFile(join(staff, 'index.html'), '<!doctype html><title>社区工作台</title>');
    await writeFile(join(staff, 'assets', 'index-abc.js'), 'export {}');
    await writeFile(join(staff, '.env'), 'SECRET=1');
    await writeFile(join(dir, 'outside.txt'), 'outside the root');
    await symlink(join(dir, 'outside.txt'), join(staff, 'link.txt'));
    t = await startTestServer({ config: { kioskDir: kiosk } });
  });
  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers every console address with the console (it routes in the browser), the kiosk everywhere else', async () => {
    for (const url of ['/console/', '/console/inbox', '/console/requests/0190a5c4-7b2e-7c3d-8e4f-000000000001?x=1', '/console/index.html']) {
      const page = await get(url);
      expect(page.statusCode, url).toBe(200);
      expect(page.body, url).toContain('社区工作台');
      expect(page.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(page.headers['cache-control'], url).toBe('no-cache');
    }
    const bare = await get('/console');
    expect(bare.statusCode).toBe(308);
    expect(bare.headers.location).toBe('/console/');
    expect((await get('/services')).body).toContain('红色驿站');
    expect((await get('/consoles')).body).toContain('红色驿站');
  });

  it('holds the console to its own CSP: nothing but this server, nothing inline, no framing', async () => {
    for (const url of ['/console/', '/console/inbox', '/console/assets/index-abc.js']) {
      const response = await get(url);
      expect(response.headers['content-security-policy'], url).toBe(consoleContentSecurityPolicy());
      expect(response.headers['x-frame-options'], url).toBe('DENY');
      expect(response.headers['referrer-policy'], url).toBe('no-referrer');
    }
    const csp = consoleContentSecurityPolicy();
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)|https:|http:/);
  });

  it('caches hashed assets for good', async () => {
    const asset = await get('/console/assets/index-abc.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/^(text|application)\/javascript; charset=utf-8$/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get('/console/assets/missing-000.js')).statusCode).toBe(404);
  });

  it('never answers an API address with the page', async () => {
    for (const url of ['/console/api', '/console/api/', '/console/api/no-such-route']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json(), url).toMatchObject({ error: 'not-found' });
    }
  });

  it('never leaves its root: traversal, encoded separators, dotfiles, symlinks out', async () => {
    for (const url of ['/console/%2e%2e/%2e%2e/outside.txt', '/console/.env', '/console/link.txt', '/console/assets%2f..%2f.env']) {
      const response = await get(url);
      expect([400, 404], url).toContain(response.statusCode);
      expect(response.body, url).not.toContain('outside the root');
      expect(response.body, url).not.toContain('SECRET');
    }
  });
});
