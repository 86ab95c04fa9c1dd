import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/fixtures.ts';

/** The console's app at /console/ beside the kiosk's at /, from one build folder (dist/renderer and its console/). */
describe('the console app at /console/', () => {
  let t: TestServer;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'yizhan-console-app-'));
    await mkdir(join(dir, 'console', 'assets'), { recursive: true });
    await writeFile(join(dir, 'index.html'), '<title>kiosk</title>');
    await writeFile(join(dir, 'console', 'index.html'), '<title>console</title>');
    await writeFile(join(dir, 'console', 'assets', 'app-abc123.js'), 'export {};');
    await writeFile(join(dir, 'console', '.env'), 'secret');
    t = await startTestServer({ config: { kioskDir: dir } });
  });
  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('serves the console\'s index.html for its routes, under its own CSP, and the kiosk\'s elsewhere', async () => {
    for (const url of ['/console/', '/console/dispatch/inbox', '/console/requests/123?x=1']) {
      const page = await get(url);
      expect(page.statusCode, url).toBe(200);
      expect(page.body).toBe('<title>console</title>');
      expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(page.headers['cache-control']).toBe('no-cache');
    }
    expect((await get('/console')).headers.location).toBe('/console/');
    expect((await get('/')).body).toBe('<title>kiosk</title>');
  });

  it('serves hashed assets for good, and nothing outside the build, no dotfile, and no API path as the app', async () => {
    const asset = await get('/console/assets/app-abc123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toContain('text/javascript');
    expect(asset.headers['cache-control']).toContain('immutable');
    for (const url of ['/console/.env', '/console/assets/missing.js', '/console/api/nothing-here']) {
      expect((await get(url)).statusCode, url).toBe(404);
    }
    // An encoded climb out of the build ends at a page of the build, never the file it names.
    const climb = await get('/console/%2e%2e/%2e%2e/%2e%2e/etc/passwd');
    expect(climb.body).not.toContain('root:');
    if (climb.statusCode === 200) expect(['<title>kiosk</title>', '<title>console</title>']).toContain(climb.body);
    else expect(climb.statusCode).toBe(404);
  });
});
