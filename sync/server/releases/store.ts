import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { inRollout } from './rollout.ts';
import { CHANNEL_FILE, type ChannelInfo, isPlainFileName, readChannelFile } from './update-info.ts';
import { compareVersions, VERSION_PATTERN } from './version.ts';

/** A refusal the technician can act on (the CLI prints it; nothing was changed). */
export class ReleaseError extends Error {
  override name = 'ReleaseError';
}

const releaseSchema = z.object({
  version: z.string().regex(VERSION_PATTERN),
  publishedAt: z.iso.datetime(),
  /** The share of stations (0–100 %) that get it, by their rollout bucket. */
  rollout: z.number().min(0).max(100),
  /** Pulled back: no station is offered it any more. */
  pulledAt: z.iso.datetime().nullable(),
  channelFiles: z.array(z.string()).min(1),
  files: z.array(z.string()),
});
export type Release = z.infer<typeof releaseSchema>;
const stateSchema = z.object({ format: z.literal('yizhan-releases-v1'), releases: z.array(releaseSchema) });

export const STATE_FILE = 'state.json';
const LOCK_FILE = '.release.lock';

const sha512Of = (path: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const hash = createHash('sha512');
    createReadStream(path)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('base64')));
  });

/** Flushes a file or folder to disk; a folder cannot be opened for it on Windows, where the rename suffices. */
const flush = async (path: string): Promise<void> => {
  try {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // As said: Windows.
  }
};

const isNotFound = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * The centre's release channel: the electron-builder releases it serves to its kiosks, in one folder.
 *
 *   <dir>/state.json        every release: version, rollout %, pulled or not, its files (the only mutable file)
 *   <dir>/<version>/        the release as electron-builder wrote it: latest*.yml, installers, *.blockmap
 *
 * A release folder is complete before it appears (copied aside, then renamed into place) and never changes
 * afterwards; state.json is replaced whole by a rename. So any number of server processes can serve from the
 * folder while a technician publishes, each reading state.json afresh (by its identity on disk), with nothing
 * held in one process's memory: give them all the same folder (one machine, or a shared mount). Changes take a
 * lock file, so two technicians cannot publish over each other.
 */
export class ReleaseStore {
  private cached: { key: string; releases: Release[] } | null = null;

  constructor(readonly dir: string) {}

  /** Every release, newest first. */
  async releases(): Promise<Release[]> {
    const path = join(this.dir, STATE_FILE);
    let key: string;
    try {
      const info = await stat(path);
      key = `${info.ino}:${info.size}:${info.mtimeMs}`;
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
    if (this.cached?.key === key) return this.cached.releases;
    const state = stateSchema.parse(JSON.parse(await readFile(path, 'utf8')));
    const releases = [...state.releases].sort((a, b) => compareVersions(b.version, a.version));
    this.cached = { key, releases };
    return releases;
  }

  /**
   * The newest release offered to this station that has this channel file: not pulled, and the station within
   * its rollout. Null: none (the kiosk then stays on what it runs).
   */
  async channelFileFor(name: string, stationId: string): Promise<{ path: string; release: Release } | null> {
    if (!CHANNEL_FILE.test(name)) return null;
    const release = (await this.releases()).find((r) => r.pulledAt === null && r.channelFiles.includes(name) && inRollout(stationId, r.rollout));
    return release ? { path: join(this.dir, release.version, name), release } : null;
  }

  /**
   * An installer or blockmap by its name (electron-builder's names carry the version). A pulled release's
   * installers are gone; its blockmaps stay, because the next release's differential download reads the old
   * one of the version a station runs.
   */
  async artifact(name: string): Promise<{ path: string; release: Release } | { gone: Release } | null> {
    if (!isPlainFileName(name) || CHANNEL_FILE.test(name)) return null;
    const release = (await this.releases()).find((r) => r.files.includes(name));
    if (!release) return null;
    if (release.pulledAt !== null && !name.endsWith('.blockmap')) return { gone: release };
    return { path: join(this.dir, release.version, name), release };
  }

  /**
   * Publishes the release electron-builder wrote into `source` (its output folder): every latest*.yml there, the
   * files they name (checked against their SHA-512) and their blockmaps. Refuses a version that is not newer
   * than every release published before, pulled ones included: a station that took a pulled release needs a
   * newer one, and no kiosk ever goes back (an older Electron cannot open a newer one's IndexedDB).
   */
  async publish(source: string, { rollout, now }: { rollout: number; now: Date }): Promise<Release> {
    return this.locked(async () => {
      const names = await readdir(source).catch((error: unknown) => {
        throw new ReleaseError(`cannot read ${source}: ${(error as Error).message}`);
      });
      const channelFiles = names.filter((name) => CHANNEL_FILE.test(name)).sort();
      if (channelFiles.length === 0) throw new ReleaseError(`${source} has no latest*.yml: give the folder electron-builder wrote (dist/installers)`);
      const infos = new Map<string, ChannelInfo>();
      for (const name of channelFiles) {
        try {
          infos.set(name, readChannelFile(await readFile(join(source, name), 'utf8'), name));
        } catch (error) {
          throw new ReleaseError(`${name} is not a release's channel file: ${(error as Error).message}`);
        }
      }
      const versions = new Set([...infos.values()].map((info) => info.version));
      if (versions.size !== 1) throw new ReleaseError(`the channel files name different versions (${[...versions].join(', ')}): build them in one run`);
      const [version] = versions as unknown as [string];
      const newest = (await this.releases())[0];
      if (newest && compareVersions(version, newest.version) <= 0) {
        throw new ReleaseError(`${version} is not newer than ${newest.version}, published ${newest.publishedAt}: kiosks never go back to an older version; publish a newer one`);
      }

      const files = new Set<string>();
      for (const [name, info] of infos) {
        for (const file of info.files) {
          if (!names.includes(file.url)) throw new ReleaseError(`${name} names ${file.url}, which is not in ${source}`);
          const size = (await stat(join(source, file.url))).size;
          if (file.size !== undefined && file.size !== size) throw new ReleaseError(`${file.url} is ${size} bytes, ${name} says ${file.size}: an incomplete copy?`);
          if ((await sha512Of(join(source, file.url))) !== file.sha512) throw new ReleaseError(`${file.url} does not match its SHA-512 in ${name}: an incomplete or altered copy?`);
          files.add(file.url);
          if (names.includes(`${file.url}.blockmap`)) files.add(`${file.url}.blockmap`);
        }
      }

      // Copied aside and flushed, then renamed into place whole: no server ever sees half a release.
      await mkdir(this.dir, { recursive: true });
      const incoming = join(this.dir, `.incoming-${version}-${randomBytes(4).toString('hex')}`);
      await mkdir(incoming);
      try {
        for (const name of [...channelFiles, ...files]) {
          await copyFile(join(source, name), join(incoming, name));
          await flush(join(incoming, name));
        }
        await rm(join(this.dir, version), { recursive: true, force: true });
        await rename(incoming, join(this.dir, version));
      } catch (error) {
        await rm(incoming, { recursive: true, force: true });
        throw error;
      }
      const release: Release = { version, publishedAt: now.toISOString(), rollout, pulledAt: null, channelFiles, files: [...files].sort() };
      await this.writeReleases([release, ...(await this.releases())]);
      return release;
    });
  }

  /** A release's share of stations; 0 holds it back, 100 offers it to all. */
  async setRollout(version: string, rollout: number): Promise<Release> {
    return this.change(version, (release) => {
      if (release.pulledAt !== null) throw new ReleaseError(`${version} was pulled back on ${release.pulledAt}: publish a newer release instead`);
      return { ...release, rollout };
    });
  }

  /**
   * Pulls a bad release back: no station is offered it from now on (they get the newest release before it),
   * and its installers are no longer served. Stations that installed it stay on it until a newer one comes.
   */
  async pull(version: string, now: Date): Promise<Release> {
    return this.change(version, (release) => (release.pulledAt === null ? { ...release, pulledAt: now.toISOString() } : release));
  }

  private async change(version: string, apply: (release: Release) => Release): Promise<Release> {
    return this.locked(async () => {
      const releases = await this.releases();
      const found = releases.find((r) => r.version === version);
      if (!found) throw new ReleaseError(`no release ${version} (releases lists them)`);
      const changed = apply(found);
      await this.writeReleases(releases.map((r) => (r === found ? changed : r)));
      return changed;
    });
  }

  private async writeReleases(releases: Release[]): Promise<void> {
    const state = stateSchema.parse({ format: 'yizhan-releases-v1', releases });
    const path = join(this.dir, STATE_FILE);
    const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    const handle = await open(temporary, 'wx', 0o644);
    try {
      await handle.writeFile(`${JSON.stringify(state, null, 2)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
    await flush(this.dir);
  }

  private async locked<T>(work: () => Promise<T>): Promise<T> {
    await mkdir(this.dir, { recursive: true });
    const lock = join(this.dir, LOCK_FILE);
    let handle;
    try {
      handle = await open(lock, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new ReleaseError(`another release command is running on ${this.dir} (if none is, one was interrupted: remove ${lock})`);
      }
      throw error;
    }
    try {
      await handle.writeFile(`${process.pid} ${new Date().toISOString()}\n`);
      await handle.close();
      return await work();
    } finally {
      await rm(lock, { force: true });
    }
  }
}
