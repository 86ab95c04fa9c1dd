import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressBuild } from './precompress.ts';

describe('precompressing the kiosk build', () => {
  let dir: string;
  const script = `export const t = ${JSON.stringify('社区服务 '.repeat(500))};`;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'yizhan-precompress-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'assets', 'index-abc.js'), script);
    await writeFile(join(dir, 'index.html'), `<!doctype html>${'<p>红色驿站</p>'.repeat(200)}`);
    await writeFile(join(dir, 'assets', 'tiny.css'), 'a{}');
    // Random bytes do not compress: no copy is written, the server sends the file itself.
    await writeFile(join(dir, 'assets', 'noise.svg'), randomBytes(4096));
    await writeFile(join(dir, 'assets', 'photo.png'), Buffer.alloc(8192, 1));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes brotli and gzip copies that decompress to the file, and only where they help', async () => {
    const result = await precompressBuild(dir);
    expect(brotliDecompressSync(await readFile(join(dir, 'assets', 'index-abc.js.br'))).toString()).toBe(script);
    expect(gunzipSync(await readFile(join(dir, 'assets', 'index-abc.js.gz'))).toString()).toBe(script);
    expect(existsSync(join(dir, 'index.html.br'))).toBe(true);
    expect(existsSync(join(dir, 'assets', 'tiny.css.br'))).toBe(false);
    expect(existsSync(join(dir, 'assets', 'photo.png.br'))).toBe(false);
    expect(existsSync(join(dir, 'assets', 'noise.svg.br'))).toBe(false);
    expect(result.files).toBe(3);
    expect(result.brotliBytes).toBeLessThan(result.gzipBytes);
    expect(result.gzipBytes).toBeLessThan(result.bytes);
  });
});
