// @vitest-environment node
import { mkdirSync, mkdtempSync, promises as fsp, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKioskFile, isInside, kioskPathSegments } from './kiosk-files.ts';

describe('kioskPathSegments', () => {
  it('maps the root to index.html and keeps plain paths, decoded once', () => {
    expect(kioskPathSegments('/')).toEqual(['index.html']);
    expect(kioskPathSegments('/assets/a-b_c.js')).toEqual(['assets', 'a-b_c.js']);
    expect(kioskPathSegments('/assets/%E4%B8%AD%E6%96%87%20%E5%90%8D.svg')).toEqual(['assets', '中文 名.svg']);
  });

  it('refuses traversal, dotfiles and Windows paths however they are spelled', () => {
    for (const path of [
      '/..',
      '/a/../b',
      '/%2e%2e',
      '/%2E',
      '/a%2fb',
      '/a%5cb',
      '/a\\b',
      '/%00',
      '/a//b',
      '//etc/passwd',
      '/C:',
      '/C:%5CWindows',
      '/index.html::$DATA',
      '/%252e%252e',
      '/ a',
      '/.env',
      '/%2eenv',
      '/assets/.hidden.js',
      '/%E0%A4%A',
      'relative/path',
    ]) {
      expect(kioskPathSegments(path), path).toBeNull();
    }
  });
});

describe('isInside', () => {
  it('takes a sibling with the same prefix for what it is, on either separator', () => {
    expect(isInside('/srv/renderer', '/srv/renderer', '/')).toBe(true);
    expect(isInside('/srv/renderer', '/srv/renderer/assets/x.js', '/')).toBe(true);
    expect(isInside('/srv/renderer', '/srv/renderer-evil/x.js', '/')).toBe(false);
    expect(isInside('/srv/renderer', '/srv', '/')).toBe(false);
    expect(isInside('C:\\Yizhan\\renderer', 'C:\\Yizhan\\renderer\\index.html', '\\')).toBe(true);
    expect(isInside('C:\\Yizhan\\renderer', 'C:\\Yizhan\\renderer2\\index.html', '\\')).toBe(false);
  });
});

describe('findKioskFile (a real folder)', () => {
  let base: string;
  let root: string;
  const files = { realpath: (p: string) => fsp.realpath(p), stat: (p: string) => fsp.stat(p) };
  const find = (path: string) => findKioskFile(root, kioskPathSegments(path)!, files, sep);

  beforeAll(() => {
    base = realpathSync(mkdtempSync(join(tmpdir(), 'yz-kiosk-files-')));
    root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    writeFileSync(join(root, 'assets', 'app.js'), 'export {};');
    writeFileSync(join(base, 'secret.txt'), 'station credential');
    symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link-out.txt'));
    symlinkSync(base, join(root, 'up'));
    symlinkSync(join(root, 'assets', 'app.js'), join(root, 'assets', 'link-in.js'));
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('finds a file with its path relative to the root', async () => {
    expect(await find('/')).toEqual({ found: true, path: join(root, 'index.html'), relative: 'index.html' });
    expect(await find('/assets/app.js')).toMatchObject({ found: true, relative: 'assets/app.js' });
  });

  it('follows a symlink that stays inside, to the file it names', async () => {
    expect(await find('/assets/link-in.js')).toMatchObject({ found: true, relative: 'assets/app.js' });
  });

  it('refuses symlinks that lead out, folders and missing files, saying which', async () => {
    expect(await find('/assets/link-out.txt')).toEqual({ found: false, why: 'outside root' });
    expect(await find('/up/secret.txt')).toEqual({ found: false, why: 'outside root' });
    expect(await find('/assets')).toEqual({ found: false, why: 'not a file' });
    expect(await find('/assets/missing.js')).toEqual({ found: false, why: 'missing' });
  });
});
