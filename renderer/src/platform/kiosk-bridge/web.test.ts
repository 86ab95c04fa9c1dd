import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bridgeClient, type KioskBridge, unsyncedExportSchema } from '@shell/bridge.ts';
import { DEMO_PIN_HASH } from '@shell/technician.ts';
import { YizhanDb } from '../../store/db.ts';
import { markPushed } from '../../store/outbox.ts';
import { seedDemoIfEmpty } from '../../store/seed.ts';
import { createWebKiosk, type WebKioskDeps } from './web.ts';
import { MemoryStorage } from '../../../../tests/support/memory-storage.ts';

const GiB = 1024 ** 3;
let db: YizhanDb;
let downloads: Array<{ fileName: string; text: string; type: string }>;
let reloads: number;
let kiosk: KioskBridge;
let local: MemoryStorage;

const make = (overrides: Partial<WebKioskDeps> = {}) =>
  bridgeClient(
    createWebKiosk({
      db,
      now: () => new Date('2025-01-06T02:00:00Z'),
      storage: { estimate: async () => ({ quota: 20 * GiB, usage: 3 * 1024 ** 2 }), persisted: async () => true, persist: async () => true } as StorageManager,
      localStorage: local,
      reload: () => (reloads += 1),
      download: (fileName, text, type) => downloads.push({ fileName, text, type }),
      // As the demo server serves it: with the demo PIN (24681357).
      loadConfig: async () => ({ serverUrl: 'https://yizhan.example.cn/', enrolmentCode: 'K7Q2-9XPM', technician: { pinHash: DEMO_PIN_HASH } }),
      origin: 'http://127.0.0.1:4173',
      appVersion: '0.1.0',
      userAgent: 'test',
      ...overrides,
    }),
    'web',
  );

beforeEach(async () => {
  db = new YizhanDb(`web-kiosk-${Math.random()}`);
  await seedDemoIfEmpty(db);
  downloads = [];
  reloads = 0;
  local = new MemoryStorage();
  kiosk = make();
});
afterEach(async () => {
  await db.delete();
});

describe('the web fallback of window.kiosk', () => {
  it('reads the config from station-config.json and the synced station settings', async () => {
    const config = await kiosk.call('config:get');
    expect(config).toMatchObject({ shell: 'web', serverUrl: 'https://yizhan.example.cn', enrolmentCode: 'K7Q2-9XPM', locale: 'zh-CN', technicianPinSet: true });
    expect(config.stationName).toBeTruthy();
    expect(config.sources).toEqual(['default', 'system']);
  });

  it('falls back to the origin that served the app as the server', async () => {
    const config = await make({ loadConfig: async () => ({}) }).call('config:get');
    expect(config.serverUrl).toBe('http://127.0.0.1:4173');
    expect(config.provisioned).toBe(false);
  });

  it('reports storage from the storage manager', async () => {
    const diagnostics = await kiosk.call('diagnostics:get', { logLines: 10 });
    expect(diagnostics).toMatchObject({ shell: 'web', appVersion: '0.1.0', storage: { level: 'ok', persisted: true, usageBytes: 3 * 1024 ** 2, totalBytes: 20 * GiB } });
    const tight = make({ storage: { estimate: async () => ({ quota: 300 * 1024 ** 2, usage: 200 * 1024 ** 2 }), persisted: async () => false } as StorageManager });
    expect((await tight.call('diagnostics:get')).storage).toMatchObject({ level: 'critical', persisted: false, message: expect.stringContaining('evict') });
  });

  it('carries no PIN of its own: with none in station-config.json nothing opens it, until one is set at first run', async () => {
    const bare = make({ loadConfig: async () => ({ serverUrl: 'https://yizhan.example.cn/', enrolmentCode: 'K7Q2-9XPM' }) });
    expect(await bare.call('config:get')).toMatchObject({ technicianPinSet: false, problems: [] });
    expect(await bare.call('technician:unlock', { pin: '24681357' })).toMatchObject({ ok: false, reason: 'not-configured' });
    const seen: boolean[] = [];
    bare.on('config:changed', (config) => seen.push(config.technicianPinSet));
    expect(await bare.call('technician:set-pin', { pin: '97531' })).toEqual({ expiresAt: '2025-01-06T02:15:00.000Z' });
    expect(seen).toEqual([true]);
    expect(await bare.call('technician:status')).toMatchObject({ unlocked: true });
    expect(local.getItem('yizhan.technician-pin')).toMatch(/^pbkdf2-sha256\$210000\$/);
    await bare.call('technician:lock');
    // Set once, it takes the session to change it.
    await expect(bare.call('technician:set-pin', { pin: '1111' })).rejects.toMatchObject({ code: 'technician-required' });
    expect(await bare.call('technician:unlock', { pin: '97531' })).toMatchObject({ ok: true });
    expect(await bare.call('technician:set-pin', { pin: '86420' })).toMatchObject({ expiresAt: expect.any(String) });
    await bare.call('technician:lock');
    expect(await bare.call('technician:unlock', { pin: '97531' })).toMatchObject({ ok: false, reason: 'wrong-pin' });
  });

  it('reports a PIN that station-config.json hands to anyone who opens the kiosk', async () => {
    expect((await kiosk.call('config:get')).problems).toEqual([expect.stringContaining('demo PIN')]);
    const other = 'pbkdf2-sha256$210000$AAAAAAAAAAAAAAAAAAAAAA==$fvJva+1tg9xdNSv76FN3LKoI4QKVZhw4vnCyTKmr2bA=';
    const served = make({ loadConfig: async () => ({ technician: { pinHash: other } }) });
    expect((await served.call('config:get')).problems).toEqual([expect.stringContaining('station-config.json')]);
  });

  it('gates technician actions behind the PIN, with the same lockout as the shell', async () => {
    await expect(kiosk.call('kiosk:restart')).rejects.toMatchObject({ code: 'technician-required' });
    expect(await kiosk.call('technician:unlock', { pin: '0000' })).toMatchObject({ ok: false, reason: 'wrong-pin', attemptsLeft: 4 });
    expect(await kiosk.call('technician:unlock', { pin: '24681357' })).toMatchObject({ ok: true });
    expect(await kiosk.call('technician:status')).toMatchObject({ unlocked: true });
    await kiosk.call('kiosk:restart');
    await new Promise((r) => setTimeout(r, 0));
    expect(reloads).toBe(1);
    await kiosk.call('technician:lock');
    await expect(kiosk.call('logs:export')).rejects.toMatchObject({ code: 'technician-required' });
  });

  it('exports the logs and the unsynced records as downloads', async () => {
    await db.outbox.bulkAdd([
      { kind: 'visit', id: 'a', record: { kind: 'visit' } as never },
      { kind: 'visit', id: 'b', record: { kind: 'visit' } as never },
      { kind: 'feedback', id: 'c', record: { kind: 'feedback' } as never },
    ]);
    await markPushed(db, 1);
    await kiosk.call('logs:write', { level: 'warn', message: 'sync: 503' });
    await kiosk.call('technician:unlock', { pin: '24681357' });
    const logs = await kiosk.call('logs:export');
    expect(logs).toMatchObject({ path: null, fileName: expect.stringMatching(/^logs-.*2025-01-06T02-00-00Z\.txt$/) });
    expect(downloads[0]?.text).toContain('WARN  renderer: sync: 503');
    const records = await kiosk.call('records:export-unsynced');
    expect(records.count).toBe(2);
    const data = unsyncedExportSchema.parse(JSON.parse(downloads[1]?.text ?? ''));
    expect(data.pushedSeq).toBe(1);
    expect(data.records.map((r) => r.id)).toEqual(['b', 'c']);
  });

  it('keeps the credential in this origin’s storage and says so', async () => {
    expect(await kiosk.call('credential:get')).toEqual({ token: null, protection: 'none' });
    expect(await kiosk.call('credential:set', { token: 'station-token-0123456789' })).toEqual({ protection: 'browser' });
    expect(await kiosk.call('credential:get')).toEqual({ token: 'station-token-0123456789', protection: 'browser' });
  });

  it('saves a first-run setup and announces the new config', async () => {
    const seen: unknown[] = [];
    kiosk.on('config:changed', (c) => seen.push(c.stationId));
    await kiosk.call('technician:unlock', { pin: '24681357' });
    const config = await kiosk.call('setup:save', { stationId: 'new-01', stationName: '新站', serverUrl: 'https://s.cn', enrolmentCode: 'NEW-0001' });
    expect(config).toMatchObject({ provisioned: true, stationId: 'new-01', serverUrl: 'https://s.cn', sources: ['default', 'system', 'setup'] });
    expect(seen).toEqual(['new-01']);
  });

  it('refuses what the contract refuses', async () => {
    const api = createWebKiosk({ db, localStorage: local, loadConfig: async () => ({}) });
    expect(await api.invoke('activity:report', { idle: 'yes' } as never)).toMatchObject({ ok: false, code: 'invalid-request' });
    expect(await api.invoke('nope' as never)).toMatchObject({ ok: false, code: 'unknown-channel' });
    expect(await api.invoke('export:deliver', { requestId: '0190a000-0000-7000-8000-000000000000', export: { format: 'yizhan-unsynced-v1', exportedAt: '2025-01-06T02:00:00.000Z', stationId: null, pushedSeq: 0, records: [] } })).toMatchObject({ ok: false, code: 'unavailable' });
    expect(() => api.on('nope' as never, () => undefined)).toThrow();
  });

  it('reports updates as the service worker sees them', async () => {
    const sw = (registration: Partial<ServiceWorkerRegistration> | undefined) => ({ getRegistration: async () => registration }) as unknown as ServiceWorkerContainer;
    expect((await make({ serviceWorker: sw(undefined) }).call('update:get')).status).toBe('idle');
    expect((await make({ serviceWorker: sw({ waiting: {} as ServiceWorker, installing: null }) }).call('update:get')).status).toBe('ready');
    expect((await make({ serviceWorker: sw({ waiting: null, installing: {} as ServiceWorker }) }).call('update:get')).status).toBe('downloading');
  });
});
