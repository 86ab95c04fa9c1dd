import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './app.ts';
import { type CliContext, runCli } from './cli.ts';
import { defaultConfig } from './config.ts';
import { rolloutBucket } from './releases/rollout.ts';
import { type FixtureRelease, twoBuilds, writeElectronBuilderRelease } from './testing/electron-builder-release.ts';
import { engines, silentLogger, startTestServer, type TestServer } from './testing/fixtures.ts';

/** Station ids on either side of a 50 % rollout, found by their (fixed) buckets. */
const stationsBy = (count: number, test: (bucket: number) => boolean) =>
  Array.from({ length: 400 }, (_, i) => `station-${i}`)
    .filter((id) => test(rolloutBucket(id)))
    .slice(0, count);

describe.each(engines())('the release channel (/updates) on %s', (engine) => {
  let t: TestServer;
  let root: string;
  let releasesDir: string;
  let v1: FixtureRelease;
  let v2: FixtureRelease;
  const last = { out: [] as string[], err: [] as string[] };
  const cli = (...argv: string[]) => {
    last.out = [];
    last.err = [];
    const ctx: CliContext = { storage: t.storage, out: (l) => last.out.push(l), err: (l) => last.err.push(l), now: t.clock.now, retentionDays: 30, tombstoneDays: 90, releasesDir };
    return runCli(argv, ctx);
  };
  const get = (file: string, token: string | null, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: `/updates/${file}`, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
  const [early] = stationsBy(1, (bucket) => bucket < 50);
  const [late] = stationsBy(1, (bucket) => bucket >= 50);
  let tokens: Record<string, string>;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'yizhan-releases-'));
    releasesDir = join(root, 'releases');
    t = await startTestServer({ engine, config: { releasesDir } });
    const { old, changed } = twoBuilds();
    v1 = await writeElectronBuilderRelease(join(root, 'build-0.1.0'), '0.1.0', { exe: old, appImage: old });
    v2 = await writeElectronBuilderRelease(join(root, 'build-0.2.0'), '0.2.0', { exe: changed, appImage: changed });
    tokens = { [early!]: await t.enrol(early!), [late!]: await t.enrol(late!) };
  });
  afterAll(async () => {
    await t?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('serves nothing before a release is published, and nothing to a kiosk without a valid station token', async () => {
    expect((await get('latest-linux.yml', tokens[early!]!)).statusCode).toBe(404);
    expect(await cli('release-publish', v1.dir)).toBe(0);
    expect(last.out[0]).toContain('published 0.1.0 to 100 % of stations: latest-linux.yml, latest.yml');
    for (const token of [null, 'yz1_not-a-real-token-0123456789abcdefghijklmnop']) {
      const refused = await get('latest-linux.yml', token);
      expect(refused.statusCode).toBe(401);
      expect(refused.headers['www-authenticate']).toBe('Bearer realm="yizhan"');
      expect((await get(encodeURIComponent(v1.appImage), token)).statusCode).toBe(401);
    }
  });

  it("serves the channel files as electron-builder wrote them, uncached, and the installers by their names", async () => {
    const channel = await get('latest-linux.yml?noCache=1abc', tokens[early!]!);
    expect(channel.statusCode).toBe(200);
    expect(channel.headers['cache-control']).toBe('no-store');
    expect(channel.body).toBe(await readFile(join(v1.dir, 'latest-linux.yml'), 'utf8'));
    expect((await get('latest.yml', tokens[late!]!)).body).toBe(await readFile(join(v1.dir, 'latest.yml'), 'utf8'));
    // The installer's name has spaces: electron-updater asks for it percent-encoded.
    const exe = await get(encodeURIComponent(v1.exe), tokens[early!]!);
    expect(exe.statusCode).toBe(200);
    expect(exe.headers['accept-ranges']).toBe('bytes');
    expect(exe.rawPayload.equals(await readFile(join(v1.dir, v1.exe)))).toBe(true);
    expect((await get(encodeURIComponent(`${v1.exe}.blockmap`), tokens[early!]!)).statusCode).toBe(200);
  });

  it('answers byte ranges as the differential download asks: one range, several as multipart, past the end 416', async () => {
    const file = await readFile(join(v1.dir, v1.appImage));
    const name = encodeURIComponent(v1.appImage);
    const one = await get(name, tokens[early!]!, { range: 'bytes=1000-1999' });
    expect(one.statusCode).toBe(206);
    expect(one.headers['content-range']).toBe(`bytes 1000-1999/${file.length}`);
    expect(one.rawPayload.equals(file.subarray(1000, 2000))).toBe(true);
    const tail = await get(name, tokens[early!]!, { range: 'bytes=-100' });
    expect(tail.rawPayload.equals(file.subarray(file.length - 100))).toBe(true);

    const several = await get(name, tokens[early!]!, { range: 'bytes=0-9, 50000-50099, 400000-400004' });
    expect(several.statusCode).toBe(206);
    const boundary = /^multipart\/byteranges; boundary=(\S+)$/.exec(String(several.headers['content-type']))?.[1];
    expect(boundary).toBeDefined();
    expect(Number(several.headers['content-length'])).toBe(several.rawPayload.length);
    const parts = several.rawPayload.toString('latin1').split(`--${boundary}`).slice(1, -1);
    expect(parts.map((part) => /Content-Range: (bytes \S+)/.exec(part)?.[1])).toEqual([`bytes 0-9/${file.length}`, `bytes 50000-50099/${file.length}`, `bytes 400000-400004/${file.length}`]);
    expect(parts.map((part) => Buffer.from(part.split('\r\n\r\n')[1]!.replace(/\r\n$/, ''), 'latin1'))).toEqual([file.subarray(0, 10), file.subarray(50000, 50100), file.subarray(400000, 400005)]);

    const past = await get(name, tokens[early!]!, { range: `bytes=${file.length}-` });
    expect(past.statusCode).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${file.length}`);
    // What it cannot read, or a range list that would cost more than the file, gets the whole file.
    for (const range of ['bytes=abc', 'items=0-5', `bytes=${Array.from({ length: 30 }, () => `0-${file.length - 1}`).join(',')}`]) {
      const whole = await get(name, tokens[early!]!, { range });
      expect(whole.statusCode, range).toBe(200);
      expect(whole.rawPayload.length).toBe(file.length);
    }
  });

  it('rolls a release out to a share of stations, the same share in every server process, and widens it', async () => {
    expect(await cli('release-publish', v2.dir, '--rollout', '50')).toBe(0);
    const offered = async (server: { inject: TestServer['app']['inject'] }, station: string) => /^version: (\S+)$/m.exec((await server.inject({ method: 'GET', url: '/updates/latest-linux.yml', headers: { authorization: `Bearer ${tokens[station]}` } })).body)?.[1];
    // A second process on the same storage and folder.
    const other = await buildServer({ storage: t.storage, config: { ...defaultConfig, maintenanceIntervalMs: 0, releasesDir }, logger: silentLogger() });
    try {
      for (const server of [t.app, other.app]) {
        expect(await offered(server, early!)).toBe('0.2.0');
        expect(await offered(server, late!)).toBe('0.1.0');
      }
      expect(await cli('releases', '--station', late!)).toBe(0);
      expect(last.out).toEqual([
        expect.stringMatching(/^0\.2\.0\t50 %\tpublished /),
        expect.stringMatching(/^0\.1\.0\t100 %\tpublished /),
        expect.stringMatching(new RegExp(`^station ${late} is at \\d+\\.\\d\\d % of every rollout`)),
        '  latest-linux.yml: 0.1.0',
        '  latest.yml: 0.1.0',
      ]);
      expect(await cli('release-rollout', '0.2.0', '100')).toBe(0);
      for (const server of [t.app, other.app]) expect(await offered(server, late!)).toBe('0.2.0');
    } finally {
      await other.app.close();
    }
  });

  it('pulls a bad release back: every station is offered the one before, its installers are gone, its blockmaps stay', async () => {
    expect(await cli('release-pull', '0.2.0')).toBe(0);
    expect(last.out[0]).toBe('0.2.0 pulled back: no station is offered it; stations are offered 0.1.0 again');
    for (const station of [early!, late!]) expect((await get('latest-linux.yml', tokens[station]!)).body).toContain('version: 0.1.0');
    expect((await get(encodeURIComponent(v2.appImage), tokens[early!]!)).statusCode).toBe(410);
    expect((await get(encodeURIComponent(v2.exe), tokens[early!]!)).statusCode).toBe(410);
    // A station on 0.2.0 reads its old blockmap when the fix comes.
    expect((await get(encodeURIComponent(`${v2.exe}.blockmap`), tokens[early!]!)).statusCode).toBe(200);
    expect(await cli('release-rollout', '0.2.0', '10')).toBe(1);
    expect(last.err[0]).toContain('pulled back');
  });

  it('refuses to publish what a kiosk must not get, and changes nothing', async () => {
    const state = await readFile(join(releasesDir, 'state.json'), 'utf8');
    // Not newer than everything published before, the pulled release included.
    expect(await cli('release-publish', v1.dir)).toBe(1);
    expect(last.err[0]).toContain('0.1.0 is not newer than 0.2.0');
    const { old, changed } = twoBuilds();
    const v3 = await writeElectronBuilderRelease(join(root, 'build-0.3.0'), '0.3.0', { exe: old, appImage: changed });
    // An installer that is not the one its channel file describes (a broken upload).
    const corrupt = join(root, 'corrupt');
    await cp(v3.dir, corrupt, { recursive: true });
    await writeFile(join(corrupt, v3.exe), changed);
    expect(await cli('release-publish', corrupt)).toBe(1);
    expect(last.err[0]).toBe(`${v3.exe} does not match its SHA-512 in latest.yml: an incomplete or altered copy?`);
    await writeFile(join(corrupt, v3.exe), changed.subarray(1));
    expect(await cli('release-publish', corrupt)).toBe(1);
    expect(last.err[0]).toMatch(/^Yizhan Setup 0\.3\.0\.exe is \d+ bytes, latest\.yml says \d+: an incomplete copy\?$/);
    await rm(join(corrupt, v3.exe));
    expect(await cli('release-publish', corrupt)).toBe(1);
    expect(last.err[0]).toBe(`latest.yml names ${v3.exe}, which is not in ${corrupt}`);
    expect(await cli('release-publish', join(root, 'nowhere'))).toBe(1);
    expect(await cli('release-publish', root)).toBe(1);
    expect(last.err[0]).toContain('has no latest*.yml');
    expect(await cli('release-rollout', '0.3.0', '150')).toBe(2);
    expect(await readFile(join(releasesDir, 'state.json'), 'utf8')).toBe(state);

    // The good copy goes out; nothing but its files lands in the channel.
    expect(await cli('release-publish', v3.dir, '--rollout', '0')).toBe(0);
    expect(await cli('releases')).toBe(0);
    expect(last.out[0]).toMatch(/^0\.3\.0\t0 %/);
    const exe = await get(encodeURIComponent(v3.exe), tokens[early!]!);
    expect(createHash('sha512').update(exe.rawPayload).digest('base64')).toBe(createHash('sha512').update(old).digest('base64'));
  });

  it('limits requests per address across server processes: the count is in the database, not in one process', async () => {
    const limited = { ...defaultConfig, maintenanceIntervalMs: 0, releasesDir, rateLimit: { max: 4, windowMs: 60_000 } };
    const [one, two] = await Promise.all([0, 1].map(() => buildServer({ storage: t.storage, config: limited, logger: silentLogger() })));
    const from = (server: typeof one) => server!.app.inject({ method: 'GET', url: '/updates/latest-linux.yml', remoteAddress: '10.7.7.7', headers: { authorization: `Bearer ${tokens[early!]}` } });
    try {
      for (const server of [one, two, one, two]) expect((await from(server)).statusCode).toBe(200);
      for (const server of [one, two]) expect((await from(server)).statusCode).toBe(429);
    } finally {
      await Promise.all([one!.app.close(), two!.app.close()]);
    }
  });

  it('serves nothing outside the releases: no state file, no climbing out, no dotfiles', async () => {
    for (const path of ['state.json', '..%2Fstate.json', '%2E%2E%2F%2E%2E%2Fpackage.json', '0.1.0%2Flatest.yml', '.release.lock', 'latest.yml%00.exe']) {
      expect((await get(path, tokens[early!]!)).statusCode, path).toBe(404);
    }
  });
});
