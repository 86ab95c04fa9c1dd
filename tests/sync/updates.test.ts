import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { type IncomingMessage, request as httpRequest, type RequestOptions } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppImageUpdater } from 'electron-updater/out/AppImageUpdater.js';
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UpdateState } from '../../electron/common/bridge.ts';
import type { Logger } from '../../electron/main/log.ts';
import { UpdateController } from '../../electron/main/updates.ts';
import { runCli } from '../../sync/server/cli.ts';
import { rolloutBucket } from '../../sync/server/releases/rollout.ts';
import { type FixtureRelease, twoBuilds, writeElectronBuilderRelease } from '../../sync/server/testing/electron-builder-release.ts';
import { enrolStation, listen, openTestDb, type RunningServer, type TestDb } from './support/server.ts';

/**
 * electron-updater's network layer with Node's http in place of Electron's `net`, and nothing else changed:
 * the updater, its generic provider, its differential downloader and its checksum checks are electron-updater's.
 * Counts the bytes each file name brought in.
 */
class NodeExecutor extends ElectronHttpExecutor {
  readonly received = new Map<string, number>();
  override createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ReturnType<ElectronHttpExecutor['createRequest']> {
    const file = decodeURIComponent((options.path ?? '').split('?')[0]!.split('/').pop() ?? '');
    const request = httpRequest(options, (response) => {
      response.on('data', (chunk: Buffer) => this.received.set(file, (this.received.get(file) ?? 0) + chunk.length));
      callback(response);
    });
    // Node's ClientRequest in place of Electron's: the executor uses only what both have.
    return request as unknown as ReturnType<ElectronHttpExecutor['createRequest']>;
  }
}

/**
 * A kiosk's updater, as the shell builds it on a tablet running the 0.1.0 AppImage (APPIMAGE is set by the
 * AppImage runtime): the shell's UpdateController driving electron-updater's AppImageUpdater, whose Electron
 * parts (the app object, net) are stood in for.
 */
const kioskUpdater = async (root: string, appImage: string) => {
  const appUpdateYml = join(root, 'app-update.yml');
  // As electron-builder writes it into resources/ (the URL is the placeholder; the shell sets the real feed).
  await writeFile(appUpdateYml, 'provider: generic\nurl: https://yizhan-updates.invalid/updates\nchannel: latest\nupdaterCacheDirName: yizhan-kiosk-updater\n');
  const updater = new AppImageUpdater(null, {
    version: '0.1.0',
    name: 'yizhan-kiosk',
    isPackaged: true,
    appUpdateConfigPath: appUpdateYml,
    userDataPath: join(root, 'userData'),
    baseCachePath: join(root, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  });
  const executor = new NodeExecutor();
  (updater as unknown as { httpExecutor: NodeExecutor }).httpExecutor = executor;
  const errors: string[] = [];
  const log: Logger = { debug: () => undefined, info: () => undefined, warn: (m) => errors.push(`warn ${m}`), error: (m) => errors.push(`error ${m}`) };
  const states: UpdateState[] = [];
  return { updater, executor, errors, states, log, appImage };
};

describe("the shell's updater against the centre's release channel", () => {
  let db: TestDb;
  let server: RunningServer;
  let root: string;
  let releasesDir: string;
  let v1: FixtureRelease;
  let v2: FixtureRelease;
  const appImageEnv = process.env.APPIMAGE;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'yizhan-updates-'));
    releasesDir = join(root, 'releases');
    db = await openTestDb('sqlite');
    server = await listen(db, { releasesDir });
    const { old, changed } = twoBuilds();
    v1 = await writeElectronBuilderRelease(join(root, 'build-0.1.0'), '0.1.0', { exe: old, appImage: old });
    v2 = await writeElectronBuilderRelease(join(root, 'build-0.2.0'), '0.2.0', { exe: changed, appImage: changed });
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['release-publish', v2.dir, '--rollout', '50'], { storage: db.storage, out: (l) => out.push(l), err: (l) => err.push(l), now: () => new Date(), retentionDays: 180, tombstoneDays: 90, releasesDir });
    if (code !== 0) throw new Error(err.join('\n'));
  });
  afterAll(async () => {
    if (appImageEnv === undefined) delete process.env.APPIMAGE;
    else process.env.APPIMAGE = appImageEnv;
    await server?.close();
    await db?.close();
    await rm(root, { recursive: true, force: true });
  });

  const run = async (stationId: string) => {
    const home = join(root, stationId);
    await mkdir(home, { recursive: true });
    // The tablet runs the 0.1.0 AppImage, its block map embedded, as installed.
    const installed = join(home, v1.appImage);
    await copyFile(join(v1.dir, v1.appImage), installed);
    process.env.APPIMAGE = installed;
    const { token } = await enrolStation(db.storage, server.url, stationId);
    const kiosk = await kioskUpdater(home, installed);
    const controller = new UpdateController({
      updater: kiosk.updater,
      feedUrl: `${server.url}updates`,
      supported: true,
      checkEveryMs: 24 * 60 * 60_000,
      log: kiosk.log,
      now: () => new Date(),
      onState: (state) => kiosk.states.push(state),
      installWindow: () => ({ idleMs: 0, withinOpeningHours: true }),
      prepareInstall: async () => false,
      runAfterInstall: true,
    });
    controller.setToken(token);
    controller.start();
    return { ...kiosk, controller, home };
  };

  const settled = async (controller: UpdateController) => {
    const started = Date.now();
    while (['idle', 'checking', 'downloading'].includes(controller.state.status) && controller.state.checkedAt === null) {
      if (Date.now() - started > 60_000) throw new Error(`no answer: ${JSON.stringify(controller.state)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    while (controller.state.status === 'downloading' || controller.state.status === 'checking') {
      if (Date.now() - started > 60_000) throw new Error(`download did not finish: ${JSON.stringify(controller.state)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return controller.state;
  };

  it('a station within the rollout downloads the new AppImage differentially, by ranges, and checks it', async () => {
    const stationId = Array.from({ length: 400 }, (_, i) => `early-${i}`).find((id) => rolloutBucket(id) < 50)!;
    const kiosk = await run(stationId);
    try {
      expect(await settled(kiosk.controller)).toMatchObject({ status: 'ready', version: '0.2.0', percent: 100 });
      expect(kiosk.errors).toEqual([]);
      // Only the changed blocks (and the new block map) came over the network, not the whole file.
      const size = (await readFile(join(v2.dir, v2.appImage))).length;
      const fetched = kiosk.executor.received.get(v2.appImage) ?? 0;
      expect(fetched).toBeGreaterThan(0);
      expect(fetched).toBeLessThan(size / 4);
      // What it assembled is the release, byte for byte (electron-updater also checked its SHA-512).
      const downloaded = join(kiosk.home, 'cache', 'yizhan-kiosk-updater', 'pending', v2.appImage);
      expect((await readFile(downloaded)).equals(await readFile(join(v2.dir, v2.appImage)))).toBe(true);
    } finally {
      kiosk.controller.stop();
    }
  });

  it('a station outside the rollout is told calmly that there is nothing for it yet', async () => {
    const stationId = Array.from({ length: 400 }, (_, i) => `late-${i}`).find((id) => rolloutBucket(id) >= 50)!;
    const kiosk = await run(stationId);
    try {
      expect(await settled(kiosk.controller)).toMatchObject({ status: 'idle', version: null, message: expect.stringContaining('no release') });
      expect(kiosk.executor.received.get(v2.appImage)).toBeUndefined();
    } finally {
      kiosk.controller.stop();
    }
  });
});
