import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { useEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bridgeClient, type KioskBridge, type Setup } from '@shell/bridge.ts';
import { hashPin } from '@shell/technician.ts';
import { freshDb } from '../../../tests/support/render-screen.tsx';
import { createI18n, type Language } from '../i18n/index.ts';
import { createWebKiosk } from '../platform/kiosk-bridge/web.ts';
import { commitRecord } from '../store/commit.ts';
import type { StationConfigFile } from '../platform/kiosk-bridge/station-config-file.ts';
import type { YizhanDb } from '../store/db.ts';
import { SyncIndicator } from './SyncIndicator.tsx';
import { needsSetup, type Provisioning, SyncProvider, useSync } from './SyncProvider.tsx';
import { MemoryStorage } from '../../../tests/support/memory-storage.ts';
import { fastDerive } from '@shell/testing/fast-derive.ts';

// ------------------------------------------------------------------------------------------------ needsSetup

describe('needsSetup', () => {
  const server = 'https://centre.example.cn';
  const code = 'K7Q2-9XPM';
  it.each([
    // enrolled, serverUrl, enrolmentCode → setup needed
    [false, null, null, true],
    [false, server, null, true],
    [false, null, code, true],
    [false, '', '', true],
    [false, server, '', true],
    [false, server, code, false],
    [true, null, null, false],
    [true, server, null, false],
    [true, null, code, false],
    [true, server, code, false],
  ] as const)('enrolled=%s server=%s code=%s → %s', (enrolled, serverUrl, enrolmentCode, expected) => {
    expect(needsSetup({ serverUrl, enrolmentCode }, enrolled)).toBe(expected);
  });
});

// ------------------------------------------------------------------------------------------------ the provider

const PIN = '24681357';
const pinHash = await hashPin(PIN, new Uint8Array(16).fill(3), fastDerive, 100_000);
const TOKEN = 'yz1_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG';

/** Every request the engine sent, at the network boundary; nothing answers (the centre is out of reach). */
interface Sent {
  url: string;
  authorization: string | null;
  body: unknown;
}
let sent: Sent[];
let db: YizhanDb;
let local: MemoryStorage;

const webBridge = (loadConfig: () => Promise<StationConfigFile> = async () => ({})): KioskBridge =>
  bridgeClient(
    createWebKiosk({
      db,
      localStorage: local,
      // The station's PIN as a station-config.json carries it.
      loadConfig: async () => ({ technician: { pinHash }, ...(await loadConfig()) }),
      // A loopback port nothing listens on: only used if a test forgets to stub fetch.
      origin: 'http://127.0.0.1:9',
      derive: fastDerive,
      appVersion: 'test',
      userAgent: 'test',
    }),
    'web',
  );

type Seen = ReturnType<typeof useSync>;
let history: Provisioning[];
let latest: Seen;
/** Records every committed value of the context. */
function Probe() {
  const value = useSync();
  useEffect(() => {
    latest = value;
    if (history.at(-1) !== value.provisioning) history.push(value.provisioning);
  });
  return <p>{value.provisioning}</p>;
}

const renderProvider = (bridge: KioskBridge | Promise<KioskBridge>) =>
  render(
    <SyncProvider db={db} bridge={Promise.resolve(bridge)} appVersion="test">
      <Probe />
    </SyncProvider>,
  );

beforeEach(async () => {
  db = await freshDb();
  local = new MemoryStorage();
  sent = [];
  history = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const headers = (init?.headers ?? {}) as Record<string, string>;
      sent.push({ url: String(input), authorization: headers.authorization ?? null, body: init?.body ? JSON.parse(String(init.body)) : null });
      throw new TypeError('fetch failed');
    }),
  );
});
afterEach(() => {
  // Unmount first: the engine stops before anything else goes away. The database is left to the worker (an
  // engine round still in flight must not find it deleted).
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('SyncProvider provisioning', () => {
  it('is "checking" until the shell has answered, whatever it answers later', async () => {
    let resolve: (bridge: KioskBridge) => void = () => undefined;
    const pending = new Promise<KioskBridge>((r) => {
      resolve = r;
    });
    render(
      <SyncProvider db={db} bridge={pending} appVersion="test">
        <Probe />
      </SyncProvider>,
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(latest.provisioning).toBe('checking');
    expect(latest.config).toBeNull();
    expect(latest.sync).toBeNull();
    resolve(webBridge());
    await waitFor(() => expect(latest.provisioning).toBe('setup-needed'));
  });

  it('needs setup when the station has no token and no enrolment code; the engine then sends nothing', async () => {
    renderProvider(webBridge());
    await waitFor(() => expect(latest.provisioning).toBe('setup-needed'));
    expect(history).toEqual(['checking', 'setup-needed']);
    expect(latest.config).toMatchObject({ shell: 'web', enrolmentCode: null, provisioned: false });
    expect(latest.sync).not.toBeNull();
    // The engine still runs (records keep their place in the outbox) but has nothing to enrol with.
    await waitFor(() => expect(latest.state.phase).toBe('not-enrolled'));
    expect(sent).toEqual([]);
  });

  it('is ready when a server and a code are configured, and the engine enrols there with that code', async () => {
    renderProvider(webBridge(async () => ({ serverUrl: 'https://centre.example.cn/', enrolmentCode: 'K7Q2-9XPM' })));
    await waitFor(() => expect(latest.provisioning).toBe('ready'));
    expect(history).toEqual(['checking', 'ready']);
    expect(latest.config).toMatchObject({ serverUrl: 'https://centre.example.cn', enrolmentCode: 'K7Q2-9XPM' });
    await waitFor(() => expect(sent[0]).toMatchObject({ url: 'https://centre.example.cn/api/enrol', authorization: null, body: { code: 'K7Q2-9XPM', appVersion: 'test' } }));
    // Nobody answers: the engine says so, and keeps its place.
    await waitFor(() => expect(latest.state.phase).toBe('unreachable'));
  });

  it('is ready with a token in the vault even without a code, and the engine syncs with that token', async () => {
    const bridge = webBridge();
    await bridge.call('credential:set', { token: TOKEN });
    // The station the token belongs to stays beside the records.
    await db.meta.put({ key: 'sync.credentials', value: { stationId: 'station-7' } });
    renderProvider(bridge);
    await waitFor(() => expect(latest.provisioning).toBe('ready'));
    expect(history).toEqual(['checking', 'ready']);
    expect(latest.config?.enrolmentCode).toBeNull();
    await waitFor(() => expect(sent.length).toBeGreaterThan(0));
    expect(sent[0]?.url).not.toMatch(/\/api\/enrol$/);
    expect(sent[0]?.authorization).toBe(`Bearer ${TOKEN}`);
    await waitFor(() => expect(latest.state.enrolledAs).toBe('station-7'));
  });

  it('does not count a token in the vault without the station it belongs to', async () => {
    const bridge = webBridge();
    await bridge.call('credential:set', { token: TOKEN });
    renderProvider(bridge);
    await waitFor(() => expect(latest.provisioning).toBe('setup-needed'));
  });

  it('is ready for a kiosk enrolled before the vault existed, and moves its token into the vault', async () => {
    const bridge = webBridge();
    await db.meta.put({ key: 'sync.credentials', value: { stationId: 'station-7', token: TOKEN } });
    renderProvider(bridge);
    await waitFor(() => expect(latest.provisioning).toBe('ready'));
    expect(await bridge.call('credential:get')).toEqual({ token: TOKEN, protection: 'browser' });
    const kept = (await db.meta.get('sync.credentials'))?.value;
    expect(kept).toMatchObject({ stationId: 'station-7' });
    expect(kept).not.toHaveProperty('token');
  });

  it('starts again with the saved setup: new config, new engine, enrolling at the new server with the new code', async () => {
    const bridge = webBridge();
    renderProvider(bridge);
    await waitFor(() => expect(latest.provisioning).toBe('setup-needed'));
    const before = latest.sync;
    expect(before).not.toBeNull();

    expect(await bridge.call('technician:unlock', { pin: PIN })).toMatchObject({ ok: true });
    const setup: Setup = { stationId: 'xingfuli-01', stationName: '幸福里社区红色驿站', serverUrl: 'https://new.example.cn/', enrolmentCode: 'NEW-CODE-1', locale: 'en' };
    await bridge.call('setup:save', setup);

    await waitFor(() => expect(latest.config?.serverUrl).toBe('https://new.example.cn'));
    expect(latest.config).toMatchObject({ stationId: 'xingfuli-01', stationName: '幸福里社区红色驿站', enrolmentCode: 'NEW-CODE-1', locale: 'en', provisioned: true });
    await waitFor(() => expect(latest.provisioning).toBe('ready'));
    expect(history).toEqual(['checking', 'setup-needed', 'ready']);
    expect(latest.sync).not.toBe(before);
    await waitFor(() => expect(sent.some((s) => s.url === 'https://new.example.cn/api/enrol')).toBe(true));
    expect(sent.find((s) => s.url.endsWith('/api/enrol'))?.body).toMatchObject({ code: 'NEW-CODE-1' });
    // The old engine had nothing to enrol with: it never talked.
    expect(sent.every((s) => s.url.startsWith('https://new.example.cn/'))).toBe(true);
  });

  it("stops the old config's engine when it starts again", async () => {
    // No backoff: while an engine runs, it tries again at once.
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const bridge = webBridge(async () => ({ serverUrl: 'https://old.example.cn', enrolmentCode: 'OLD-CODE-1' }));
    renderProvider(bridge);
    await waitFor(() => expect(sent.length).toBeGreaterThan(2));
    await bridge.call('technician:unlock', { pin: PIN });
    await bridge.call('setup:save', { stationId: 'xingfuli-01', stationName: '幸福里', serverUrl: 'https://new.example.cn', enrolmentCode: 'NEW-CODE-1' });
    await waitFor(() => expect(sent.some((s) => s.url.startsWith('https://new.example.cn/'))).toBe(true));
    await new Promise((r) => setTimeout(r, 30));
    const toOld = () => sent.filter((s) => s.url.startsWith('https://old.example.cn/')).length;
    const toNew = () => sent.filter((s) => s.url.startsWith('https://new.example.cn/')).length;
    const [old, fresh] = [toOld(), toNew()];
    await new Promise((r) => setTimeout(r, 150));
    expect(toOld()).toBe(old);
    expect(toNew()).toBeGreaterThan(fresh);
  });

  it('stops its engine and no longer follows saved setups once unmounted', async () => {
    // No backoff: while it runs, the engine tries again at once.
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const bridge = webBridge(async () => ({ serverUrl: 'https://centre.example.cn', enrolmentCode: 'K7Q2-9XPM' }));
    const view = renderProvider(bridge);
    await waitFor(() => expect(sent.length).toBeGreaterThan(2));
    view.unmount();
    // A round in flight may still end.
    await new Promise((r) => setTimeout(r, 30));
    const count = sent.length;
    await bridge.call('technician:unlock', { pin: PIN });
    await bridge.call('setup:save', { stationId: 'xingfuli-01', stationName: '幸福里', serverUrl: 'https://new.example.cn', enrolmentCode: 'NEW-CODE-1' });
    await new Promise((r) => setTimeout(r, 200));
    expect(sent.length).toBe(count);
    expect(sent.every((s) => s.url.startsWith('https://centre.example.cn/'))).toBe(true);
  });
});

// ------------------------------------------------------------------------------------------------ the status line

describe('the status line when the centre does not answer', () => {
  const renderLine = async (language: Language) => {
    // A check-in waits in the outbox.
    await commitRecord(db, 'visit', 'demo-station', () => ({ kind: 'visit', who: 'resident', purpose: 'health' }));
    render(
      <I18nextProvider i18n={createI18n(language)}>
        <SyncProvider db={db} bridge={Promise.resolve(webBridge(async () => ({ serverUrl: 'https://centre.example.cn', enrolmentCode: 'K7Q2-9XPM' })))} appVersion="test">
          <Probe />
          <SyncIndicator />
        </SyncProvider>
      </I18nextProvider>,
    );
    await waitFor(() => expect(sent.length).toBeGreaterThan(0));
    await waitFor(() => expect(['offline', 'unreachable']).toContain(latest.state.phase));
    return screen.getByRole('status');
  };

  it('says the centre cannot be reached, not that there is no network, while the tablet is online', async () => {
    const line = await renderLine('zh-CN');
    expect(line).toHaveTextContent('暂时连不上社区中心，1 条记录已安全保存在本机');
    expect(line).not.toHaveTextContent('暂未联网');
  });

  it('says there is no network when the tablet has none', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const line = await renderLine('zh-CN');
    expect(line).toHaveTextContent('暂未联网，1 条记录已安全保存在本机');
  });

  it('says each in English', async () => {
    const line = await renderLine('en');
    expect(line).toHaveTextContent("Can't reach the community centre just now: 1 record saved safely on this device");
  });
});
