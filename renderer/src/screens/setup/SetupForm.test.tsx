import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bridgeClient, type KioskBridge, type Setup } from '@shell/bridge.ts';
import { hashPin } from '@shell/technician.ts';
import { freshDb } from '../../../../tests/support/render-screen.tsx';
import { createI18n } from '../../i18n/index.ts';
import type { StationConfigFile } from '../../platform/kiosk-bridge/station-config-file.ts';
import { createWebKiosk } from '../../platform/kiosk-bridge/web.ts';
import type { YizhanDb } from '../../store/db.ts';
import { SyncProvider, useSync } from '../../sync/SyncProvider.tsx';
import { invalidFields, SetupForm } from './SetupForm.tsx';
import { MemoryStorage } from '../../../../tests/support/memory-storage.ts';
import { fastDerive } from '@shell/testing/fast-derive.ts';

// ------------------------------------------------------------------------------------------------ invalidFields

type Draft = Parameters<typeof invalidFields>[0];
const good: Draft = { stationId: 'xingfuli-01', stationName: '幸福里社区红色驿站', serverUrl: 'https://centre.example.cn', enrolmentCode: 'K7Q2-9XPM-4TR1', locale: 'zh-CN' };
const invalid = (patch: Partial<Draft>) => [...invalidFields({ ...good, ...patch })].sort();

describe('invalidFields', () => {
  it('accepts a good draft, in either language', () => {
    expect(invalid({})).toEqual([]);
    expect(invalid({ locale: 'en' })).toEqual([]);
  });

  it('accepts what a technician plausibly types: a padded or capitalised id, a trailing slash, loopback http, a padded name or code', () => {
    expect(invalid({ stationId: ' xingfuli-01 ' })).toEqual([]);
    expect(invalid({ stationId: 'XingFuLi-01' })).toEqual([]);
    expect(invalid({ serverUrl: 'https://centre.example.cn/yizhan/' })).toEqual([]);
    expect(invalid({ serverUrl: 'http://127.0.0.1:8080' })).toEqual([]);
    expect(invalid({ serverUrl: 'http://localhost:8080' })).toEqual([]);
    expect(invalid({ stationName: '  幸福里  ' })).toEqual([]);
    expect(invalid({ enrolmentCode: ' K7Q2-9XPM ' })).toEqual([]);
    expect(invalid({ enrolmentCode: 'ABC123' })).toEqual([]);
  });

  it('refuses a station id with spaces or other characters, or one too long', () => {
    expect(invalid({ stationId: 'xingfu li' })).toEqual(['stationId']);
    expect(invalid({ stationId: '' })).toEqual(['stationId']);
    expect(invalid({ stationId: '-xingfuli' })).toEqual(['stationId']);
    expect(invalid({ stationId: '幸福里' })).toEqual(['stationId']);
    // Ids the centre could never have issued (it makes lowercase letters, digits and dashes).
    for (const id of ['xingfu_li', 'xingfu.li', 'Xingfu_Li']) expect(invalid({ stationId: id }), id).toEqual(['stationId']);
    expect(invalid({ stationId: 'a'.repeat(65) })).toEqual(['stationId']);
    expect(invalid({ stationId: 'a'.repeat(64) })).toEqual([]);
  });

  it('refuses a blank or whitespace-only name, or one too long', () => {
    expect(invalid({ stationName: '' })).toEqual(['stationName']);
    expect(invalid({ stationName: '   ' })).toEqual(['stationName']);
    expect(invalid({ stationName: '站'.repeat(65) })).toEqual(['stationName']);
  });

  it('refuses a server that is not https (plain http only on loopback), or carries a query, fragment or credentials', () => {
    expect(invalid({ serverUrl: 'http://centre.example.cn' })).toEqual(['serverUrl']);
    expect(invalid({ serverUrl: 'http://192.168.1.10:8080' })).toEqual(['serverUrl']);
    expect(invalid({ serverUrl: 'https://centre.example.cn/?station=1' })).toEqual(['serverUrl']);
    expect(invalid({ serverUrl: 'https://centre.example.cn/#top' })).toEqual(['serverUrl']);
    expect(invalid({ serverUrl: 'https://admin:secret@centre.example.cn' })).toEqual(['serverUrl']);
    expect(invalid({ serverUrl: 'centre.example.cn' })).toEqual(['serverUrl']);
    expect(invalid({ serverUrl: 'ftp://centre.example.cn' })).toEqual(['serverUrl']);
    expect(invalid({ serverUrl: '' })).toEqual(['serverUrl']);
  });

  it('takes a code as the server does (spaces as printed are fine), and refuses a short, long or empty one', () => {
    expect(invalid({ enrolmentCode: 'K7Q2 9XPM' })).toEqual([]);
    expect(invalid({ enrolmentCode: 'A'.repeat(40) })).toEqual([]);
    expect(invalid({ enrolmentCode: 'ABC12' })).toEqual(['enrolmentCode']);
    expect(invalid({ enrolmentCode: '' })).toEqual(['enrolmentCode']);
    expect(invalid({ enrolmentCode: '      ' })).toEqual(['enrolmentCode']);
    expect(invalid({ enrolmentCode: 'A'.repeat(41) })).toEqual(['enrolmentCode']);
    expect(invalid({ enrolmentCode: 'K7Q2_9XPM' })).toEqual(['enrolmentCode']);
  });

  it('names every field that is wrong, and only fields', () => {
    expect(invalid({ stationId: 'xingfu li', stationName: ' ', serverUrl: 'http://centre.example.cn', enrolmentCode: 'abc' })).toEqual(['enrolmentCode', 'serverUrl', 'stationId', 'stationName']);
  });
});

// ------------------------------------------------------------------------------------------------ the form

const PIN = '24681357';
const pinHash = await hashPin(PIN, new Uint8Array(16).fill(5), fastDerive, 100_000);
const TOKEN = 'yz1_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG';
const SETUP_KEY = 'yizhan.station-setup';

let db: YizhanDb;
let local: MemoryStorage;
/** Every bridge call, in order: channel and request. */
let calls: Array<{ channel: string; request: unknown }>;

const webBridge = (loadConfig: () => Promise<StationConfigFile> = async () => ({})): KioskBridge => {
  const inner = bridgeClient(
    createWebKiosk({ db, localStorage: local, loadConfig: async () => ({ technician: { pinHash }, ...(await loadConfig()) }), origin: 'http://127.0.0.1:9', derive: fastDerive, appVersion: 'test', userAgent: 'test' }),
    'web',
  );
  return {
    shell: inner.shell,
    on: inner.on,
    call: ((channel: Parameters<KioskBridge['call']>[0], ...request: [never]) => {
      calls.push({ channel, request: request[0] });
      return inner.call(channel, ...request);
    }) as KioskBridge['call'],
  };
};

/** The form as the setup screen shows it: once the provider knows the station's config. */
function WhenLoaded({ children }: { children: ReactNode }) {
  const { config, sync, provisioning } = useSync();
  return config && sync && provisioning !== 'checking' ? children : <p>loading</p>;
}

/** The form as a technician gets it: once the shell's config has been read. */
const renderForm = async (bridge: KioskBridge) => {
  const onSaved = vi.fn<(setup: Setup) => void>();
  const user = userEvent.setup();
  render(
    <I18nextProvider i18n={createI18n()}>
      <SyncProvider db={db} bridge={Promise.resolve(bridge)} appVersion="test">
        <WhenLoaded>
          <SetupForm bridge={bridge} onSaved={onSaved} />
        </WhenLoaded>
      </SyncProvider>
    </I18nextProvider>,
  );
  await screen.findByRole('form', { name: '站点设置' });
  return { user, onSaved };
};

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const fill = async (user: ReturnType<typeof userEvent.setup>, values: Partial<Record<'站点编号' | '站点名称' | '社区中心地址' | '注册码', string>>) => {
  for (const [label, value] of Object.entries(values)) {
    await user.clear(field(label));
    if (value) await user.type(field(label), value);
  }
};

beforeEach(async () => {
  db = await freshDb();
  local = new MemoryStorage();
  calls = [];
  // The engine's requests go nowhere: the centre is out of reach.
  vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('fetch failed'))));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const saves = () => calls.filter((c) => c.channel === 'setup:save').map((c) => c.request);

describe('SetupForm', () => {
  it('starts from the station config as the shell has it, with the code left blank', async () => {
    await renderForm(webBridge(async () => ({ serverUrl: 'https://centre.example.cn/', enrolmentCode: 'K7Q2-9XPM' })));
    expect(field('社区中心地址')).toHaveValue('https://centre.example.cn');
    expect(field('注册码')).toHaveValue('');
    expect(screen.getByRole('radio', { name: '中文' })).toHaveAttribute('aria-checked', 'true');
  });

  it('on a wrong submit shows each field message, marks the fields invalid, focuses the first and saves nothing', async () => {
    const bridge = webBridge();
    await bridge.call('technician:unlock', { pin: PIN });
    const { user, onSaved } = await renderForm(bridge);
    await fill(user, { 站点编号: 'xingfu li', 站点名称: '   ', 社区中心地址: 'http://centre.example.cn', 注册码: 'abc' });
    // Nothing is flagged before the technician asks to save.
    expect(field('站点编号')).toHaveAttribute('aria-invalid', 'false');
    await user.click(screen.getByRole('button', { name: '保存并注册' }));

    for (const label of ['站点编号', '站点名称', '社区中心地址', '注册码']) expect(field(label)).toHaveAttribute('aria-invalid', 'true');
    expect(field('站点编号')).toHaveAccessibleDescription('照社区中心给的填：只能用字母、数字和横线，最多 64 个。');
    expect(field('站点名称')).toHaveAccessibleDescription('请填写 1 到 64 个字的名称。');
    expect(field('社区中心地址')).toHaveAccessibleDescription('请填写 https:// 开头的地址（不要带 ? 或 #）。');
    expect(field('注册码')).toHaveAccessibleDescription('注册码是 6 到 40 个字母、数字、横线或空格。');
    expect(field('站点编号')).toHaveFocus();
    expect(saves()).toEqual([]);
    expect(onSaved).not.toHaveBeenCalled();
    expect(local.getItem(SETUP_KEY)).toBeNull();
  });

  it('focuses the first wrong field in form order and leaves the right ones unmarked', async () => {
    const bridge = webBridge();
    await bridge.call('technician:unlock', { pin: PIN });
    const { user } = await renderForm(bridge);
    await fill(user, { 站点编号: 'xingfuli-01', 站点名称: '幸福里', 社区中心地址: 'https://centre.example.cn/?a=1', 注册码: 'K7Q' });
    await user.click(screen.getByRole('button', { name: '保存并注册' }));
    expect(field('社区中心地址')).toHaveFocus();
    expect(field('站点编号')).toHaveAttribute('aria-invalid', 'false');
    expect(field('站点名称')).toHaveAttribute('aria-invalid', 'false');
    expect(field('站点名称')).toHaveAccessibleDescription('居民看到的名称，如 幸福里社区红色驿站');
    expect(field('注册码')).toHaveAttribute('aria-invalid', 'true');
    expect(saves()).toEqual([]);

    // Fixed: the marks go with the next submit, and the save goes through.
    await fill(user, { 社区中心地址: 'https://centre.example.cn', 注册码: 'K7Q2-9XPM' });
    await user.click(screen.getByRole('button', { name: '保存并注册' }));
    await waitFor(() => expect(saves()).toHaveLength(1));
    expect(field('社区中心地址')).toHaveAttribute('aria-invalid', 'false');
  });

  // A pasted address often carries a space, which `new URL()` ignores: kept, the transport would have no URL.
  it('saves trimmed values through setup:save and hands the setup on', async () => {
    const bridge = webBridge();
    await bridge.call('technician:unlock', { pin: PIN });
    const { user, onSaved } = await renderForm(bridge);
    await fill(user, { 站点编号: 'xingfuli-01', 站点名称: '  幸福里社区红色驿站  ', 社区中心地址: ' https://centre.example.cn/ ', 注册码: '  K7Q2-9XPM  ' });
    await user.click(screen.getByRole('radio', { name: 'English' }));
    await user.click(screen.getByRole('button', { name: '保存并注册' }));

    const expected = { stationId: 'xingfuli-01', stationName: '幸福里社区红色驿站', serverUrl: 'https://centre.example.cn', enrolmentCode: 'K7Q2-9XPM', locale: 'en' };
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expected));
    expect(saves()).toEqual([expected]);
    // The shell kept it: the config now says so.
    expect(await bridge.call('config:get')).toMatchObject({ ...expected, provisioned: true });
  });

  it('says why a save failed and lets the technician try again (here: the PIN session is not open)', async () => {
    const bridge = webBridge();
    const { user, onSaved } = await renderForm(bridge);
    await fill(user, { 站点编号: 'xingfuli-01', 站点名称: '幸福里', 社区中心地址: 'https://centre.example.cn', 注册码: 'K7Q2-9XPM' });
    await user.click(screen.getByRole('button', { name: '保存并注册' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/^保存失败：.*technician/);
    expect(onSaved).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: '保存并注册' })).toBeEnabled();
    expect(local.getItem(SETUP_KEY)).toBeNull();

    await bridge.call('technician:unlock', { pin: PIN });
    await user.click(screen.getByRole('button', { name: '保存并注册' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
  });

  describe('an enrolled station', () => {
    const enrolled = async () => {
      const bridge = webBridge(async () => ({ serverUrl: 'https://old.example.cn', enrolmentCode: 'OLD-CODE-1' }));
      await bridge.call('credential:set', { token: TOKEN });
      await db.meta.put({ key: 'sync.credentials', value: { stationId: 'xingfuli-01' } });
      await bridge.call('technician:unlock', { pin: PIN });
      calls = [];
      return bridge;
    };

    it('forgets its token as the new server is saved: the engine enrols anew', async () => {
      const bridge = await enrolled();
      const { user, onSaved } = await renderForm(bridge);
      await fill(user, { 站点名称: '幸福里', 社区中心地址: 'https://new.example.cn', 注册码: 'OLD-CODE-1' });
      await user.click(screen.getByRole('button', { name: '保存并注册' }));
      await waitFor(() => expect(onSaved).toHaveBeenCalled());
      // The shell dropped it in the same step as the save: nothing the renderer had to remember to do.
      expect(await bridge.call('credential:get')).toEqual({ token: null, protection: 'none' });
      expect(calls.map((c) => c.channel)).not.toContain('credential:clear');
    });

    it('forgets its token before saving a new code', async () => {
      const bridge = await enrolled();
      const { user, onSaved } = await renderForm(bridge);
      await fill(user, { 站点名称: '幸福里', 注册码: 'NEW-CODE-2' });
      await user.click(screen.getByRole('button', { name: '保存并注册' }));
      await waitFor(() => expect(onSaved).toHaveBeenCalled());
      expect((await bridge.call('credential:get')).token).toBeNull();
    });

    it('keeps its token when server and code stay the same (a new name only)', async () => {
      const bridge = await enrolled();
      const { user, onSaved } = await renderForm(bridge);
      await fill(user, { 站点名称: '幸福里新站名', 注册码: 'OLD-CODE-1' });
      await user.click(screen.getByRole('button', { name: '保存并注册' }));
      await waitFor(() => expect(onSaved).toHaveBeenCalled());
      expect((await bridge.call('credential:get')).token).toBe(TOKEN);
      expect((await db.meta.get('sync.credentials'))?.value).toEqual({ stationId: 'xingfuli-01' });
      expect(calls.map((c) => c.channel)).not.toContain('credential:clear');
    });

    // A save that fails (a full disk, the PIN session expired) must not cost the station its enrolment.
    it('keeps its token when the save fails', async () => {
      const bridge = await enrolled();
      local.failing.add(SETUP_KEY);
      const { user, onSaved } = await renderForm(bridge);
      await fill(user, { 站点名称: '幸福里', 社区中心地址: 'https://new.example.cn', 注册码: 'NEW-CODE-2' });
      await user.click(screen.getByRole('button', { name: '保存并注册' }));
      expect(await screen.findByRole('alert')).toHaveTextContent(/^保存失败：/);
      expect(onSaved).not.toHaveBeenCalled();
      expect((await bridge.call('credential:get')).token).toBe(TOKEN);
      expect((await db.meta.get('sync.credentials'))?.value).toEqual({ stationId: 'xingfuli-01' });
    });
  });
});
