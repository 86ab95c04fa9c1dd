// @vitest-environment node
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type UnsyncedExport, unsyncedExportSchema } from '../common/bridge.ts';
import { ExportRequests, writeUnsyncedExport } from './unsynced-export.ts';

const data: UnsyncedExport = {
  format: 'yizhan-unsynced-v1',
  exportedAt: '2025-01-06T02:00:00.000Z',
  stationId: 'hq-07',
  pushedSeq: 41,
  records: [{ seq: 42, kind: 'visit', id: '0190a000-0000-7000-8000-000000000001', record: { kind: 'visit', who: 'resident' } }],
};
const ids = (...list: string[]) => () => list.shift() ?? 'exhausted';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'yz-export-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  vi.useRealTimers();
});

describe('ExportRequests', () => {
  it('asks the renderer and resolves with what it delivers under the same id', async () => {
    const sent: string[] = [];
    const requests = new ExportRequests({ send: (id) => (sent.push(id), true), newId: ids('r-1') });
    const pending = requests.request();
    expect(sent).toEqual(['r-1']);
    requests.deliver('r-1', data);
    await expect(pending).resolves.toEqual(data);
  });

  it('refuses a delivery nobody asked for (or delivered twice)', async () => {
    const requests = new ExportRequests({ send: () => true, newId: ids('r-1') });
    expect(() => requests.deliver('r-9', data)).toThrow(/no export was requested/);
    const pending = requests.request();
    requests.deliver('r-1', data);
    await pending;
    expect(() => requests.deliver('r-1', data)).toThrow();
  });

  it('fails when there is no renderer, or it does not answer in time', async () => {
    await expect(new ExportRequests({ send: () => false, newId: ids('a') }).request()).rejects.toMatchObject({ code: 'unavailable' });
    vi.useFakeTimers();
    const slow = new ExportRequests({ send: () => true, newId: ids('b'), timeoutMs: 1000 }).request();
    vi.advanceTimersByTime(1000);
    await expect(slow).rejects.toMatchObject({ code: 'unavailable' });
  });
});

describe('writeUnsyncedExport', () => {
  it('writes a private file that parses back to the same export, and keeps the newest 30', () => {
    const file = writeUnsyncedExport(dir, data, new Date('2025-01-06T02:00:00Z'));
    expect(file).toMatchObject({ fileName: 'unsynced-hq-07-2025-01-06T02-00-00Z.json', count: 1 });
    expect(unsyncedExportSchema.parse(JSON.parse(readFileSync(file.path ?? '', 'utf8')))).toEqual(data);
    expect(statSync(file.path ?? '').mode & 0o777).toBe(0o600);
    for (let i = 0; i < 35; i += 1) writeUnsyncedExport(dir, data, new Date(Date.UTC(2025, 0, 7, 0, i)));
    const left = readdirSync(dir);
    expect(left).toHaveLength(30);
    expect(left.some((n) => n.includes('2025-01-06'))).toBe(false);
  });
});
