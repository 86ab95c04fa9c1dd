// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { StorageHealth } from '../common/bridge.ts';
import { storageLevel as diskLevel } from '../common/storage-level.ts';
import { checkStorage, type DiskProbe, nodeDiskProbe, StorageMonitor } from './storage-health.ts';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const probe = (freeBytes: number, totalBytes = 32 * GiB, writable = true): DiskProbe => ({ space: () => ({ freeBytes, totalBytes }), writable: () => writable });
const now = new Date('2025-01-06T02:00:00Z');

describe('disk levels', () => {
  it('warns below 1 GiB or 5 %, and is critical below 256 MiB', () => {
    expect(diskLevel(10 * GiB, 32 * GiB)).toBe('ok');
    expect(diskLevel(1.5 * GiB, 32 * GiB)).toBe('low');
    expect(diskLevel(900 * MiB, 4 * GiB)).toBe('low');
    expect(diskLevel(200 * MiB, 4 * GiB)).toBe('critical');
    expect(diskLevel(20 * GiB, 500 * GiB)).toBe('low');
    expect(diskLevel(30 * GiB, 500 * GiB)).toBe('ok');
  });
});

describe('checkStorage', () => {
  it('reports free space and whether the data folder takes a write', () => {
    expect(checkStorage('/data', probe(10 * GiB), now)).toMatchObject({ level: 'ok', freeBytes: 10 * GiB, writable: true, message: null, checkedAt: now.toISOString() });
    expect(checkStorage('/data', probe(600 * MiB), now)).toMatchObject({ level: 'low', message: expect.stringContaining('600 MiB') });
    expect(checkStorage('/data', probe(10 * GiB, 32 * GiB, false), now)).toMatchObject({ level: 'critical', writable: false, message: 'cannot write to /data' });
    const broken: DiskProbe = { space: () => { throw new Error('ENOSYS'); }, writable: () => true };
    expect(checkStorage('/data', broken, now)).toMatchObject({ level: 'unknown', freeBytes: null });
  });

  it('works against the real disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yz-disk-'));
    try {
      const health = checkStorage(dir, nodeDiskProbe, now);
      expect(health.writable).toBe(true);
      expect(health.totalBytes).toBeGreaterThan(0);
      writeFileSync(join(dir, 'file'), '');
      expect(nodeDiskProbe.writable(join(dir, 'file', 'below-a-file'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('StorageMonitor', () => {
  it('checks at start and hourly, warns while low and once when fine again', () => {
    vi.useFakeTimers();
    try {
      const levels = [10 * GiB, 500 * MiB, 400 * MiB, 10 * GiB, 10 * GiB];
      const seen: StorageHealth[] = [];
      const monitor = new StorageMonitor({ check: () => checkStorage('/d', probe(levels.shift() ?? 0), now), onChange: (h) => seen.push(h) });
      expect(monitor.start().level).toBe('ok');
      vi.advanceTimersByTime(4 * 60 * 60_000);
      expect(seen.map((h) => h.level)).toEqual(['low', 'low', 'ok']);
      expect(monitor.latest?.level).toBe('ok');
      monitor.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
