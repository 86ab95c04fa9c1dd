import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, statfsSync } from 'node:fs';
import { join } from 'node:path';
import type { StorageHealth } from '../common/bridge.ts';
import { defaultThresholds, type StorageThresholds, storageLevel } from '../common/storage-level.ts';
import { writeFileAtomic } from './files.ts';
import type { Logger } from './log.ts';

const MiB = 1024 * 1024;

export interface DiskProbe {
  /** Free (for unprivileged users) and total bytes of the file system holding `dir`. */
  space(dir: string): { freeBytes: number; totalBytes: number };
  /** Writes, flushes, reads back and removes a small file in `dir`; true when all of that worked. */
  writable(dir: string): boolean;
}

export const nodeDiskProbe: DiskProbe = {
  space(dir) {
    const s = statfsSync(dir);
    return { freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize };
  },
  writable(dir) {
    const path = join(dir, `.probe-${randomUUID()}`);
    const token = randomUUID();
    try {
      writeFileAtomic(path, token);
      return readFileSync(path, 'utf8') === token;
    } catch {
      return false;
    } finally {
      try {
        rmSync(path, { force: true });
      } catch {
        // nothing was written
      }
    }
  },
};

/**
 * `persist()` does not protect a store in Electron, and Chromium evicts nothing from its own userData, so the
 * danger is the other way round: a full disk makes IndexedDB writes fail. The shell checks the disk at start
 * and every hour, and warns the technician well before that.
 */
export const checkStorage = (dir: string, probe: DiskProbe, now: Date, t: StorageThresholds = defaultThresholds): StorageHealth => {
  const base = { usageBytes: null, persisted: null, checkedAt: now.toISOString() };
  let writable: boolean;
  try {
    writable = probe.writable(dir);
  } catch {
    writable = false;
  }
  try {
    const { freeBytes, totalBytes } = probe.space(dir);
    const level = writable ? storageLevel(freeBytes, totalBytes, t) : 'critical';
    const mib = (n: number) => `${Math.round(n / MiB)} MiB`;
    const message =
      !writable ? `cannot write to ${dir}` : level === 'ok' ? null : `only ${mib(freeBytes)} of ${mib(totalBytes)} free on the data disk`;
    return { ...base, level, freeBytes, totalBytes, writable, message };
  } catch (error) {
    return {
      ...base,
      level: writable ? 'unknown' : 'critical',
      freeBytes: null,
      totalBytes: null,
      writable,
      message: `cannot read disk space: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500),
    };
  }
};

export interface StorageMonitorOptions {
  check: () => StorageHealth;
  /** Called with every result that is not ok, and once more when it is ok again. */
  onChange: (health: StorageHealth) => void;
  intervalMs?: number;
}

/** Checks now and then every hour; reports a warning each time, and the recovery once. */
export class StorageMonitor {
  latest: StorageHealth | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly options: StorageMonitorOptions) {}

  start(): StorageHealth {
    const first = this.run();
    this.timer = setInterval(() => this.run(), this.options.intervalMs ?? 60 * 60_000);
    return first;
  }

  run(): StorageHealth {
    const previous = this.latest;
    const health = this.options.check();
    this.latest = health;
    if (health.level !== 'ok' || (previous !== null && previous.level !== 'ok')) this.options.onChange(health);
    return health;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** The shell's storage watch: the data disk checked now and every hour, each warning logged and sent to the page. */
export const watchStorage = ({ dir, probe, now, log, warn }: { dir: string; probe: DiskProbe; now: () => Date; log: Logger; warn: (health: StorageHealth) => void }): StorageMonitor => {
  const monitor = new StorageMonitor({
    check: () => checkStorage(dir, probe, now()),
    onChange: (health) => {
      (health.level === 'ok' ? log.info : log.warn)(`storage ${health.level}: ${health.message ?? 'fine again'}`);
      warn(health);
    },
  });
  monitor.start();
  return monitor;
};
