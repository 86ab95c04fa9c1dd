import type { StorageHealth } from './bridge.ts';

const MiB = 1024 * 1024;

export interface StorageThresholds {
  /** Below either (bytes, or share of the total): warn the technician. */
  lowBytes: number;
  lowRatio: number;
  /** Below this: IndexedDB writes may start failing soon. */
  criticalBytes: number;
}

export const defaultThresholds: StorageThresholds = { lowBytes: 1024 * MiB, lowRatio: 0.05, criticalBytes: 256 * MiB };

/** How worried to be about `freeBytes` left of `totalBytes` (the disk in the shell, the origin's quota in a browser). */
export const storageLevel = (freeBytes: number, totalBytes: number, t: StorageThresholds = defaultThresholds): StorageHealth['level'] => {
  if (freeBytes < t.criticalBytes) return 'critical';
  if (freeBytes < t.lowBytes || freeBytes < totalBytes * t.lowRatio) return 'low';
  return 'ok';
};
