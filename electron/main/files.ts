import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { mkdir, open, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Writes a file so that a power cut leaves either the old or the new content, never half of it:
 * write a temporary file, flush it to disk, rename it over the target, flush the folder.
 */
export const writeFileAtomic = (path: string, data: string | Uint8Array, mode = 0o600): void => {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', mode);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  try {
    const dir = openSync(dirname(path), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // Windows cannot open a folder for fsync; the rename is durable enough there.
  }
};

/** writeFileAtomic without holding the main process's thread while the disk flushes (the kiosk's window lives on it). */
export const writeFileAtomicAsync = async (path: string, data: string | Uint8Array, mode = 0o600): Promise<void> => {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const file = await open(tmp, 'w', mode);
  try {
    await file.writeFile(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(tmp, path);
  try {
    const dir = await open(dirname(path), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    // As above: Windows cannot flush a folder.
  }
};

/** Keeps the newest `keep` files of a folder whose names start with `prefix` (names sort by time). */
export const pruneFiles = (dir: string, prefix: string, keep: number): void => {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.startsWith(prefix)).sort();
  } catch {
    return;
  }
  for (const name of names.slice(0, Math.max(0, names.length - keep))) rmSync(join(dir, name), { force: true });
};

/** A timestamp usable in a file name on every platform: 2025-01-06T08-30-00Z. */
export const fileStamp = (date: Date): string => date.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
