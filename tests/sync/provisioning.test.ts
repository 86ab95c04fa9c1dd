import { parse } from 'csv-parse/sync';
import { pbkdf2Sync } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isProvisioned } from '../../electron/common/config.ts';
import { type DeriveKey, PinGate } from '../../electron/common/technician.ts';
import { loadStationConfig, publicConfig } from '../../electron/main/config.ts';
import { SyncEngine } from '../../sync/client/engine.ts';
import { MemorySyncStore } from '../../sync/client/testing/memory-store.ts';
import { httpTransport } from '../../sync/client/transport.ts';
import { FAST_BACKOFF, waitFor } from './support/kiosk-engine.ts';
import { cli, listen, openTestDb, ROOT, type RunningServer, type TestDb } from './support/server.ts';

const derive: DeriveKey = async (pin, salt, iterations, length) => new Uint8Array(pbkdf2Sync(pin, salt, iterations, length, 'sha256'));

/** The shell's own reading of a tablet: the image's shipped default, no setup screen file, the system file given. */
const shellConfig = (systemFile: string) =>
  loadStationConfig({
    env: { YIZHAN_CONFIG: systemFile },
    platform: 'linux',
    resourcesPath: join(ROOT, 'electron/resources'),
    setupPath: join(tmpdir(), 'yizhan-no-setup-here.json'),
    readText: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
  });

/**
 * The technician's path for a district, from the centre's station list to enrolled tablets: `provision` writes
 * every tablet's file; the kiosk shell reads it as its system config, exactly as on a tablet; the sync engine
 * enrols with the code in it against the real server over HTTP.
 */
describe('provisioning tablets from the district’s station list', () => {
  let db: TestDb;
  let server: RunningServer;
  let dir: string;

  beforeAll(async () => {
    db = await openTestDb('sqlite');
    server = await listen(db);
    dir = await mkdtemp(join(tmpdir(), 'yizhan-provisioning-'));
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes files the shell takes as provisioned, and each tablet enrols as its own station with its code', async () => {
    const list = join(dir, 'stations.csv');
    await writeFile(list, 'id,name,locale\nriver-01,河畔社区红色驿站\nriver-02,河畔二号驿站,en\n');
    const centre = server.url.replace(/\/$/, '');
    await cli(db.storage, ['provision', list, '--server', centre, '--out', join(dir, 'tablets')]);
    expect((await readdir(join(dir, 'tablets'))).sort()).toEqual(['codes.csv', 'codes.html', 'river-01', 'river-02']);

    for (const [id, name, locale] of [['river-01', '河畔社区红色驿站', 'zh-CN'], ['river-02', '河畔二号驿站', 'en']] as const) {
      const loaded = shellConfig(join(dir, 'tablets', id, 'station.json'));
      expect(loaded.problems).toEqual([]);
      expect(loaded.sources).toEqual(['default', 'system']);
      expect(isProvisioned(loaded.config)).toBe(true);
      const seen = publicConfig(loaded);
      expect(seen).toMatchObject({ provisioned: true, stationId: id, stationName: name, serverUrl: centre, locale });

      const store = new MemorySyncStore(null);
      const transport = httpTransport({ baseUrl: seen.serverUrl!, token: () => store.creds?.token ?? null });
      const engine = new SyncEngine({ store, transport, appVersion: 'provisioning-test', backoff: FAST_BACKOFF, intervalMs: 200, enrolmentCode: seen.enrolmentCode });
      engine.start();
      try {
        await waitFor(`${id} to enrol`, () => store.creds !== null && engine.getState().enrolledAs === id, { timeoutMs: 20_000, states: () => [engine.getState()] });
      } finally {
        engine.stop();
      }
      expect((await db.storage.getStation(id))?.enrolled).toBe(true);
    }
  });

  it('with --pins, each tablet opens to its own PIN from the codes sheet, and to no other', async () => {
    const list = join(dir, 'pins.csv');
    await writeFile(list, 'hill-01,山坡社区红色驿站\nhill-02,山坡二号驿站\n');
    await cli(db.storage, ['provision', list, '--server', server.url.replace(/\/$/, ''), '--out', join(dir, 'pinned'), '--pins']);
    const sheet = parse(await readFile(join(dir, 'pinned', 'codes.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const pinOf = new Map(sheet.map((row) => [row['station id']!, row['technician PIN']!]));
    for (const [id, other] of [['hill-01', 'hill-02'], ['hill-02', 'hill-01']] as const) {
      const loaded = shellConfig(join(dir, 'pinned', id, 'station.json'));
      expect(loaded).toMatchObject({ pinSource: 'system', problems: [] });
      const gate = new PinGate({ pinHash: loaded.config.pinHash, derive });
      expect(await gate.unlock(pinOf.get(other)!, 0)).toMatchObject({ ok: false });
      expect(await gate.unlock(pinOf.get(id)!, 0)).toMatchObject({ ok: true });
    }
  });
});
