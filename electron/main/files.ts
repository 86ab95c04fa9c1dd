import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
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
