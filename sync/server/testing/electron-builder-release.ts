import { createRequire } from 'node:module';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
// electron-builder's own code: its block map builder and its YAML writer, as `electron-builder --publish` uses them.
const { buildBlockMap } = require('app-builder-lib/out/targets/blockmap/blockmap.js') as {
  buildBlockMap(file: string, format: 'gzip' | 'deflate', outFile?: string): Promise<{ size: number; sha512: string; blockMapSize?: number }>;
};
const { serializeToYaml } = require('builder-util') as { serializeToYaml(object: unknown, skipInvalid?: boolean, noRefs?: boolean): string };

export interface FixtureRelease {
  dir: string;
  version: string;
  /** The Windows installer (with its .blockmap beside it) and the Linux AppImage (its block map embedded). */
  exe: string;
  appImage: string;
}

/** What updateInfoBuilder writes for one artifact: files[0] with the block map's figures, and the old path/sha512. */
const channelFile = (version: string, url: string, info: { size: number; sha512: string; blockMapSize?: number }, releaseDate: string) =>
  serializeToYaml({ version, files: [{ url, ...info }], path: url, sha512: info.sha512, releaseDate }, false, true);

/**
 * A release in the exact layout `electron-builder --win nsis --linux AppImage` leaves in dist/installers, made
 * with electron-builder's own code from the given installer contents: `Yizhan Setup <v>.exe` and its
 * `.blockmap` (gzip), `Yizhan-<v>.AppImage` with its block map appended (deflate), latest.yml and latest-linux.yml.
 */
export const writeElectronBuilderRelease = async (dir: string, version: string, contents: { exe: Uint8Array; appImage: Uint8Array }): Promise<FixtureRelease> => {
  await mkdir(dir, { recursive: true });
  const exe = `Yizhan Setup ${version}.exe`;
  const appImage = `Yizhan-${version}.AppImage`;
  await writeFile(join(dir, exe), contents.exe);
  await writeFile(join(dir, appImage), contents.appImage);
  const exeInfo = await buildBlockMap(join(dir, exe), 'gzip', join(dir, `${exe}.blockmap`));
  const appImageInfo = await buildBlockMap(join(dir, appImage), 'deflate');
  const releaseDate = '2026-03-02T08:00:00.000Z';
  await writeFile(join(dir, 'latest.yml'), channelFile(version, exe, exeInfo, releaseDate));
  await writeFile(join(dir, 'latest-linux.yml'), channelFile(version, appImage, appImageInfo, releaseDate));
  return { dir, version, exe, appImage };
};

/** Installer contents of two versions that differ in one stretch, as two builds of the same app do. */
export const twoBuilds = (size = 1_500_000): { old: Uint8Array; changed: Uint8Array } => {
  const old = new Uint8Array(size);
  let seed = 20260302;
  for (let i = 0; i < size; i += 1) {
    seed = (seed * 1_103_515_245 + 12_345) >>> 0;
    old[i] = seed >>> 24;
  }
  const changed = old.slice();
  for (let i = 600_000; i < 640_000; i += 1) changed[i] = (changed[i]! + 1) % 256;
  return { old, changed };
};
