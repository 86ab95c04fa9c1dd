import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANY_CENTRE, contentSecurityPolicy } from '../../../electron/common/csp.ts';
import { precompressBuild } from '../precompress.ts';
import { startTestServer, type TestServer } from '../testing/fixtures.ts';

// send's MIME table says application/javascript, the shell's text/javascript (RFC 9239): browsers run both.
const JAVASCRIPT = /^(text|application)\/javascript; charset=utf-8$/;

describe('serving the kiosk build', () => {
  let dir: string;
  let t: TestServer;
  const script = `export const greeting = ${JSON.stringify('欢迎来到红色驿站。'.repeat(200))};\n`;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'yizhan-static-'));
    const root = join(dir, 'kiosk');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), `<!doctype html><title>红色驿站</title>${'<!-- padding -->'.repeat(100)}`);
    await writeFile(join(root, 'assets', 'app-1234.js'), script);
    await writeFile(join(root, 'assets', 'tiny-5678.js'), 'console.log(1)');
    await writeFile(join(root, 'sw.js'), `self.addEventListener('fetch', () => {});${' '.repeat(2000)}`);
    await writeFile(join(root, 'manifest.webmanifest'), '{"name":"红色驿站"}');
    await writeFile(join(root, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await writeFile(join(root, '.env'), 'SECRET=1');
    await writeFile(join(dir, 'secret.txt'), 'outside the root');
    await symlink(join(dir, 'secret.txt'), join(root, 'link.txt'));
    await precompressBuild(root);
    t = await startTestServer({ config: { kioskDir: root } });
  });
  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the index, assets with long caching, and index.html for kiosk routes', async () => {
    const index = await get('/');
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.body).toContain('红色驿站');
    const asset = await get('/assets/app-1234.js?v=1');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(JAVASCRIPT);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['x-content-type-options']).toBe('nosniff');
    expect(asset.body).toBe(script);
    expect((await get('/services/bills')).body).toContain('红色驿站');
    expect((await get('/services/bills')).headers['cache-control']).toBe('no-cache');
    const head = await t.app.inject({ method: 'HEAD', url: '/' });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
  });

  it('sends the build precompressed: brotli when accepted, else gzip, else as it is', async () => {
    const br = await get('/assets/app-1234.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(JAVASCRIPT);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(br.headers['content-length'])).toBeLessThan(Buffer.byteLength(script) / 5);
    expect(brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(script);

    const gz = await get('/assets/app-1234.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe(script);

    const index = await get('/', { 'accept-encoding': 'br' });
    expect(index.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(index.rawPayload).toString('utf8')).toContain('红色驿站');
    // A kiosk route is the index, compressed like it.
    expect((await get('/services/bills', { 'accept-encoding': 'br' })).headers['content-encoding']).toBe('br');

    // Too small to gain: sent as it is.
    const tiny = await get('/assets/tiny-5678.js', { 'accept-encoding': 'br, gzip' });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body).toBe('console.log(1)');
  });

  it('sends the shell\'s CSP and refuses framing and referrers on everything it serves', async () => {
    const csp = contentSecurityPolicy({ sources: ANY_CENTRE });
    for (const url of ['/', '/assets/app-1234.js', '/services/bills']) {
      const response = await get(url, { 'accept-encoding': 'br' });
      expect(response.headers['content-security-policy'], url).toBe(csp);
      expect(response.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(response.headers['x-frame-options'], url).toBe('DENY');
      expect(response.headers['referrer-policy'], url).toBe('no-referrer');
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
    }
  });

  it('never lets a cache keep a stale index, service worker or manifest', async () => {
    for (const url of ['/', '/index.html', '/sw.js', '/manifest.webmanifest', '/icon.svg']) {
      const response = await get(url, { 'accept-encoding': 'br' });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
    expect((await get('/manifest.webmanifest')).headers['content-type']).toMatch(/^application\/manifest\+json/);
    // no-cache revalidates: the validators are there, and an unchanged file is a 304.
    const first = await get('/sw.js');
    expect(first.headers.etag).toBeDefined();
    expect((await get('/sw.js', { 'if-none-match': String(first.headers.etag) })).statusCode).toBe(304);
  });

  it('never leaves the root: traversal, encoded separators, dotfiles, symlinks out', async () => {
    for (const url of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/.env',
      '/%2eenv',
      '/link.txt',
      '/assets/missing.js',
      '/index.html%00.js',
      '//etc/passwd',
    ]) {
      for (const encoding of ['identity', 'br']) {
        const response = await get(url, { 'accept-encoding': encoding });
        expect([400, 404], url).toContain(response.statusCode);
        expect(response.body, url).not.toContain('outside the root');
        expect(response.body, url).not.toContain('SECRET');
      }
    }
    expect((await get('/%E0%A4%A')).statusCode).toBe(400);
  });

  it('keeps API paths as API answers', async () => {
    const response = await get('/api/unknown');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'not-found' });
    expect((await get('/healthz')).json()).toMatchObject({ status: 'ok' });
  });
});
