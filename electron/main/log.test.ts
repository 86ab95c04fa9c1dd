// @vitest-environment node
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RotatingLog } from './log.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'yz-log-'));
  dirs.push(dir);
  return join(dir, 'logs');
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('RotatingLog', () => {
  it('writes one timestamped line per event, newlines flattened, and remembers the recent ones', () => {
    const dir = tempDir();
    const log = new RotatingLog({ dir, now: () => new Date('2025-01-06T00:30:00Z') });
    log.info('started');
    log.warn('two\nlines');
    expect(readFileSync(join(dir, 'kiosk.log'), 'utf8')).toBe('2025-01-06T00:30:00.000Z INFO  started\n2025-01-06T00:30:00.000Z WARN  two ⏎ lines\n');
    expect(log.recent(1)).toEqual(['2025-01-06T00:30:00.000Z WARN  two ⏎ lines']);
  });

  it('rotates by size and keeps a bounded number of files', () => {
    const dir = tempDir();
    const log = new RotatingLog({ dir, maxBytes: 200, keep: 2 });
    for (let i = 0; i < 40; i += 1) log.info(`line ${i} ${'x'.repeat(20)}`);
    expect(existsSync(join(dir, 'kiosk.log.1'))).toBe(true);
    expect(existsSync(join(dir, 'kiosk.log.2'))).toBe(true);
    expect(existsSync(join(dir, 'kiosk.log.3'))).toBe(false);
    const all = log.readAll().trim().split('\n');
    expect(all.at(-1)).toContain('line 39');
    expect(all.length).toBeLessThan(40);
    for (const f of ['kiosk.log', 'kiosk.log.1', 'kiosk.log.2']) expect(readFileSync(join(dir, f)).byteLength).toBeLessThanOrEqual(200);
  });

  it('never throws when the disk refuses the write', () => {
    // A folder whose parent is a file: every mkdir and write fails with ENOTDIR.
    const file = join(tempDir(), '..', 'not-a-folder');
    writeFileSync(file, '');
    const log = new RotatingLog({ dir: join(file, 'logs') });
    expect(() => log.error('still running')).not.toThrow();
    expect(log.recent()).toHaveLength(1);
  });
});
