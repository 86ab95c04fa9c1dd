import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { bridgeClient, type KioskBridge } from '@shell/bridge.ts';
import { DEMO_PIN_HASH } from '@shell/technician.ts';
import { freshDb } from '../../../../tests/support/render-screen.tsx';
import { createI18n } from '../../i18n/index.ts';
import { provideKioskBridge } from '../../platform/kiosk-bridge/ready.ts';
import type { StationConfigFile } from '../../platform/kiosk-bridge/station-config-file.ts';
import { createWebKiosk } from '../../platform/kiosk-bridge/web.ts';
import type { YizhanDb } from '../../store/db.ts';
import { SyncProvider } from '../../sync/SyncProvider.tsx';
import { SetupGate } from './SetupGate.tsx';
import { rememberSetup, setupInProgress } from './setup-in-progress.ts';
import { forgetSetupLink, holdSetupLink, pendingSetupLink } from '../../platform/setup-link/intake.ts';
import { MemoryStorage } from '../../../../tests/support/memory-storage.ts';

const TOKEN = 'yz1_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG';

let db: YizhanDb;
/** This test's web fallback: the real one, with its real PBKDF2, and no technician PIN unless a test gives one. */
let current: KioskBridge;
const NEW_PIN = '13572468';
/** config:get waits for this: the shell has not answered yet. */
let shellAnswers: Promise<void>;

const webBridge = (loadConfig: () => Promise<StationConfigFile> = async () => ({})): KioskBridge =>
  bridgeClient(createWebKiosk({ db, localStorage: new MemoryStorage(), loadConfig, origin: 'http://127.0.0.1:9', appVersion: 'test', userAgent: 'test' }), 'web');
/** A station-config.json that carries the demo PIN (24681357), as the demo server's does. */
const withDemoPin = (file: StationConfigFile = {}) => async (): Promise<StationConfigFile> => ({ ...file, technician: { pinHash: DEMO_PIN_HASH } });

/**
 * The kiosk's bridge (platform/kiosk-bridge/ready.ts) can be provided once per module instance: it forwards to
 * each test's own web fallback.
 */
const forwarding: KioskBridge = {
  shell: 'web',
  call: (async (...args: Parameters<KioskBridge['call']>) => {
    if (args[0] === 'config:get') await shellAnswers;
    return (current.call as (...a: Parameters<KioskBridge['call']>) => Promise<unknown>)(...args);
  }) as KioskBridge['call'],
  on: ((event, listener) => current.on(event, listener)) as KioskBridge['on'],
};
beforeAll(() => provideKioskBridge(forwarding));

beforeEach(async () => {
  sessionStorage.clear();
  db = await freshDb();
  current = webBridge();
  shellAnswers = Promise.resolve();
});
afterEach(() => {
  // Unmount first: the engine stops before anything else goes away.
  cleanup();
  vi.unstubAllGlobals();
});

const renderGate = () => {
  const user = userEvent.setup();
  render(
    <I18nextProvider i18n={createI18n()}>
      {/* The default bridge: the same one PinEntry waits for. */}
      <SyncProvider db={db} appVersion="test">
        <SetupGate>
          <main>
            <h1>居民首页</h1>
          </main>
        </SetupGate>
      </SyncProvider>
    </I18nextProvider>,
  );
  return user;
};

type User = ReturnType<typeof userEvent.setup>;
const kioskHome = () => screen.queryByRole('heading', { name: '居民首页' });

const typePinOn = async (user: User, label: string, pin: string) => {
  const keypad = screen.getByRole('group', { name: `${label}数字键盘` });
  for (const digit of pin) await user.click(within(keypad).getByRole('button', { name: digit }));
};
const typePin = (user: User, pin: string) => typePinOn(user, '技术员密码', pin);

/** Welcome → 技术人员设置 → a new PIN, typed twice (mistyped the first time) → the form, on a tablet with no PIN. */
const setPinToForm = async (user: User) => {
  await user.click(await screen.findByRole('button', { name: '技术人员设置' }));
  expect(screen.getByRole('heading', { name: '设置技术员密码' })).toBeInTheDocument();
  const next = screen.getByRole('button', { name: '下一步' });
  expect(next).toBeDisabled();
  await typePinOn(user, '新的技术员密码', NEW_PIN);
  await user.click(next);
  expect(screen.getByText('请再输入一次同样的密码。')).toBeInTheDocument();
  await typePinOn(user, '新的技术员密码', '24681357');
  await user.click(screen.getByRole('button', { name: '确定' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('两次输入的密码不一样，请重新设置。');
  expect(await current.call('config:get')).toMatchObject({ technicianPinSet: false });
  await typePinOn(user, '新的技术员密码', NEW_PIN);
  await user.click(screen.getByRole('button', { name: '下一步' }));
  await typePinOn(user, '新的技术员密码', NEW_PIN);
  await user.click(screen.getByRole('button', { name: '确定' }));
  await screen.findByRole('form', { name: '站点设置' });
  expect(await current.call('technician:status')).toMatchObject({ unlocked: true });
  expect(await current.call('config:get')).toMatchObject({ technicianPinSet: true });
};

/** Welcome → 技术人员设置 → PIN (a wrong one first) → the form, on a tablet whose station-config.json has a PIN. */
const unlockToForm = async (user: User) => {
  await user.click(await screen.findByRole('button', { name: '技术人员设置' }));
  expect(screen.getByRole('heading', { name: '技术人员验证' })).toBeInTheDocument();
  const enter = screen.getByRole('button', { name: '进入' });
  expect(enter).toBeDisabled();
  await typePin(user, '1111');
  expect(enter).toBeEnabled();
  await user.click(enter);
  expect(await screen.findByRole('alert')).toHaveTextContent('密码不对，还可以再试 4 次。');
  expect(screen.queryByRole('form')).toBeNull();
  // The keypad starts over after an attempt.
  expect(enter).toBeDisabled();
  await typePin(user, '24681357');
  await user.click(enter);
  await screen.findByRole('form', { name: '站点设置' });
  expect(screen.getByRole('heading', { name: '站点设置' })).toBeInTheDocument();
  expect(await current.call('technician:status')).toMatchObject({ unlocked: true });
};

const fillAndSave = async (user: User, values: { stationId: string; serverUrl: string; code: string }) => {
  const fill = async (label: string, value: string) => {
    await user.clear(screen.getByLabelText(label));
    await user.type(screen.getByLabelText(label), value);
  };
  await fill('站点编号', values.stationId);
  await fill('站点名称', '幸福里社区红色驿站');
  await fill('社区中心地址', values.serverUrl);
  await fill('注册码', values.code);
  await user.click(screen.getByRole('button', { name: '保存并注册' }));
};

/** A stand-in centre at the network boundary: enrol answers as told, everything after it is "unavailable". */
const stubCentre = (enrol: (body: { code: string }) => Promise<Response> | Response) => {
  const requests: Array<{ url: string; body: unknown }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input));
      const body = init?.body ? (JSON.parse(String(init.body)) as { code: string }) : null;
      requests.push({ url: url.toString(), body });
      if (url.pathname === '/api/enrol' && body) return enrol(body);
      return Response.json({ error: 'unavailable', message: 'down for maintenance' }, { status: 503 });
    }),
  );
  return requests;
};
const enrolled = (stationId: string) => Response.json({ stationId, stationName: '幸福里社区红色驿站', token: TOKEN });
const refused = () => Response.json({ error: 'enrolment-refused', message: 'the enrolment code is unknown, already used or expired' }, { status: 403 });

describe('SetupGate', () => {
  it("shows the kiosk while the shell's answer is pending, and the first-run welcome instead once setup is needed", async () => {
    let answer: () => void = () => undefined;
    shellAnswers = new Promise((resolve) => {
      answer = resolve;
    });
    const user = renderGate();
    expect(kioskHome()).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 50));
    expect(kioskHome()).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '本机尚未设置' })).toBeNull();

    answer();
    expect(await screen.findByRole('heading', { name: '本机尚未设置' })).toBeInTheDocument();
    expect(kioskHome()).toBeNull();
    expect(screen.getByText(/请联系技术人员完成设置/)).toBeInTheDocument();

    // Whoever walks up may read English.
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { name: 'This device is not set up yet' })).toBeInTheDocument();
  });

  it('never shows the setup to a station that can enrol and has its PIN', async () => {
    current = webBridge(withDemoPin({ serverUrl: 'https://centre.example.cn', enrolmentCode: 'K7Q2-9XPM' }));
    const requests = stubCentre(() => refused());
    renderGate();
    // The engine starts once the provider has decided: by then the gate has seen "ready".
    await waitFor(() => expect(requests.length).toBeGreaterThan(0));
    await new Promise((r) => setTimeout(r, 50));
    expect(kioskHome()).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '本机尚未设置' })).toBeNull();
  });

  it('keeps a provisioned station without a PIN from residents until a technician sets one, then serves them', async () => {
    current = webBridge(async () => ({ serverUrl: 'http://127.0.0.1:9', enrolmentCode: 'K7Q2-9XPM' }));
    const user = renderGate();
    expect(await screen.findByRole('heading', { name: '本机尚未设置' })).toBeInTheDocument();
    expect(screen.getByText(/还没有技术员密码/)).toBeInTheDocument();
    expect(kioskHome()).toBeNull();
    // The PIN the image used to carry opens nothing.
    expect(await current.call('technician:unlock', { pin: '24681357' })).toMatchObject({ ok: false, reason: 'not-configured' });

    await user.click(screen.getByRole('button', { name: '技术人员设置' }));
    await typePinOn(user, '新的技术员密码', NEW_PIN);
    await user.click(screen.getByRole('button', { name: '下一步' }));
    await typePinOn(user, '新的技术员密码', NEW_PIN);
    await user.click(screen.getByRole('button', { name: '确定' }));
    expect(await screen.findByRole('heading', { name: '居民首页' })).toBeInTheDocument();
    expect(await current.call('technician:status')).toMatchObject({ unlocked: false });
    expect(await current.call('technician:unlock', { pin: NEW_PIN })).toMatchObject({ ok: true });
    // Once set, changing it takes the session: nobody walking up can take the tablet over.
    await current.call('technician:lock');
    await expect(current.call('technician:set-pin', { pin: '1111' })).rejects.toMatchObject({ code: 'technician-required' });
  });

  it('lets a technician cancel at the PIN and go back to the welcome', async () => {
    const user = renderGate();
    await user.click(await screen.findByRole('button', { name: '技术人员设置' }));
    await user.click(screen.getByRole('button', { name: '取消' }));
    expect(screen.getByRole('heading', { name: '本机尚未设置' })).toBeInTheDocument();
    expect(kioskHome()).toBeNull();
  });

  it('welcome → new PIN → form → save with the centre out of reach → "先离线服务" → the kiosk, technician locked again', async () => {
    const user = renderGate();
    await setPinToForm(user);
    // A loopback port nothing listens on: the real fetch fails at once.
    await fillAndSave(user, { stationId: 'xingfuli-01', serverUrl: 'http://127.0.0.1:9', code: 'K7Q2-9XPM' });

    const status = await screen.findByRole('status');
    await waitFor(() => expect(within(status).getByRole('heading')).toHaveTextContent('暂时连不上社区中心'));
    expect(status).toHaveTextContent(/设置已保存/);
    expect(status).toHaveAttribute('aria-busy', 'false');
    expect(screen.getByRole('button', { name: '修改设置' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '再试一次' })).toBeInTheDocument();
    expect(await current.call('config:get')).toMatchObject({ stationId: 'xingfuli-01', serverUrl: 'http://127.0.0.1:9', enrolmentCode: 'K7Q2-9XPM', provisioned: true });

    await user.click(screen.getByRole('button', { name: '先离线服务' }));
    expect(await screen.findByRole('heading', { name: '居民首页' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '本机尚未设置' })).toBeNull();
    expect(await current.call('technician:status')).toMatchObject({ unlocked: false });
  });

  it('waits for the new engine, then says the station joined, keeps the token in the vault and returns with "开始服务"', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const requests = stubCentre(async () => {
      await held;
      return enrolled('xingfuli-01');
    });
    const user = renderGate();
    await setPinToForm(user);
    await fillAndSave(user, { stationId: 'xingfuli-01', serverUrl: 'https://centre.example.cn/', code: 'K7Q2-9XPM' });

    const status = await screen.findByRole('status');
    expect(within(status).getByRole('heading')).toHaveTextContent('正在连接社区中心…');
    expect(status).toHaveTextContent('正在用注册码连接 https://centre.example.cn。');
    expect(status).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('button', { name: '先离线服务' })).toBeDisabled();
    await waitFor(() => expect(requests).toContainEqual({ url: 'https://centre.example.cn/api/enrol', body: { code: 'K7Q2-9XPM', appVersion: 'test', installId: expect.any(String) } }));

    release();
    await waitFor(() => expect(within(status).getByRole('heading')).toHaveTextContent('注册成功'));
    expect(status).toHaveTextContent('本机已注册为站点 xingfuli-01，开始同步服务内容。');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: '修改设置' })).toBeNull();
    expect(await current.call('credential:get')).toEqual({ token: TOKEN, protection: 'browser' });
    expect((await db.meta.get('sync.credentials'))?.value).toEqual({ stationId: 'xingfuli-01', server: 'https://centre.example.cn' });

    await user.click(screen.getByRole('button', { name: '开始服务' }));
    expect(await screen.findByRole('heading', { name: '居民首页' })).toBeInTheDocument();
    expect(await current.call('technician:status')).toMatchObject({ unlocked: false });
  });

  it('a refused code → "修改设置" → the form with the saved setup → a new code that belongs to another station is flagged', async () => {
    stubCentre(({ code }) => (code === 'GOOD-CODE-2' ? enrolled('xingfuli-02') : refused()));
    current = webBridge(withDemoPin());
    const user = renderGate();
    await unlockToForm(user);
    await fillAndSave(user, { stationId: 'xingfuli-01', serverUrl: 'https://centre.example.cn', code: 'USED-CODE-1' });

    const status = await screen.findByRole('status');
    await waitFor(() => expect(within(status).getByRole('heading')).toHaveTextContent('注册码不能用'));
    expect(screen.getByRole('button', { name: '先离线服务' })).toBeEnabled();
    await user.click(screen.getByRole('button', { name: '修改设置' }));

    await screen.findByRole('form', { name: '站点设置' });
    expect(screen.getByLabelText('站点编号')).toHaveValue('xingfuli-01');
    expect(screen.getByLabelText('社区中心地址')).toHaveValue('https://centre.example.cn');
    expect(screen.getByLabelText('注册码')).toHaveValue('');
    await user.type(screen.getByLabelText('注册码'), 'GOOD-CODE-2');
    await user.click(screen.getByRole('button', { name: '保存并注册' }));

    // The refusal belonged to the engine of the first save: only the newest engine's word counts.
    await waitFor(() => expect(within(screen.getByRole('status')).getByRole('heading')).toHaveTextContent('注册成功'));
    expect(screen.getByRole('alert')).toHaveTextContent('注意：注册码属于站点 xingfuli-02，与填写的站点编号 xingfuli-01 不一致。');
    await user.click(screen.getByRole('button', { name: '开始服务' }));
    expect(await screen.findByRole('heading', { name: '居民首页' })).toBeInTheDocument();
    expect(await current.call('technician:status')).toMatchObject({ unlocked: false });
  });
});

describe('a setup outcome left on screen', () => {
  it('asks for the PIN again on "修改设置" once the technician\'s session has ended, then offers the saved setup', async () => {
    stubCentre(() => refused());
    const user = renderGate();
    await setPinToForm(user);
    await fillAndSave(user, { stationId: 'xingfuli-01', serverUrl: 'https://centre.example.cn', code: 'USED-CODE-1' });
    await waitFor(() => expect(within(screen.getByRole('status')).getByRole('heading')).toHaveTextContent('注册码不能用'));

    // Its 15 minutes are over (or someone locked it): the shell's gate is closed.
    await current.call('technician:lock');
    await user.click(screen.getByRole('button', { name: '修改设置' }));
    expect(await screen.findByRole('heading', { name: '技术人员验证' })).toBeInTheDocument();
    expect(screen.queryByRole('form')).toBeNull();
    await typePin(user, NEW_PIN);
    await user.click(screen.getByRole('button', { name: '进入' }));
    await screen.findByRole('form', { name: '站点设置' });
    expect(screen.getByLabelText('站点编号')).toHaveValue('xingfuli-01');
  });
});

describe('a setup saved just before a reload (the shell reloads for a new server)', () => {
  it('comes back with the outcome, even on a station that is ready, and is forgotten once seen', async () => {
    current = webBridge(withDemoPin({ serverUrl: 'http://127.0.0.1:9', enrolmentCode: 'K7Q2-9XPM' }));
    rememberSetup({ stationId: 'xingfuli-01', stationName: '幸福里社区红色驿站', serverUrl: 'http://127.0.0.1:9', enrolmentCode: 'K7Q2-9XPM' });
    const user = renderGate();
    expect(await screen.findByRole('heading', { name: '暂时连不上社区中心' }, { timeout: 5000 })).toBeInTheDocument();
    expect(kioskHome()).toBeNull();
    await user.click(screen.getByRole('button', { name: '先离线服务' }));
    expect(await screen.findByRole('heading', { name: '居民首页' })).toBeInTheDocument();
    expect(setupInProgress()).toBeNull();
  });

  it('ignores what is not a setup', async () => {
    sessionStorage.setItem('yizhan.setup-in-progress', JSON.stringify({ at: Date.now(), setup: { stationId: 'x' } }));
    current = webBridge(withDemoPin({ serverUrl: 'http://127.0.0.1:9', enrolmentCode: 'K7Q2-9XPM' }));
    renderGate();
    expect(await screen.findByRole('heading', { name: '居民首页' })).toBeInTheDocument();
    expect(setupInProgress()).toBeNull();
  });
});

describe('a setup link the tablet was opened with', () => {
  const link = (fragment: string) => `https://centre.example.cn/#yizhan-setup?${fragment}`;
  afterEach(() => forgetSetupLink());

  /** On a tablet whose station-config.json carries the demo PIN. */
  const unlock = async (user: User) => {
    await user.click(await screen.findByRole('button', { name: '技术人员设置' }));
    await typePin(user, '24681357');
    await user.click(screen.getByRole('button', { name: '进入' }));
  };
  beforeEach(() => {
    current = webBridge(withDemoPin());
  });

  it('shows the station, centre and language it carries (never the code), enrols with one tap, and is forgotten', async () => {
    // A tablet fresh from the image: no PIN anywhere, so the technician chooses one, then sees the link.
    current = webBridge();
    holdSetupLink(link('station=xingfuli-07&code=K7Q29XPM2345&name=幸福里社区红色驿站&locale=zh-CN'));
    const requests = stubCentre(() => enrolled('xingfuli-07'));
    const user = renderGate();
    await user.click(await screen.findByRole('button', { name: '技术人员设置' }));
    await typePinOn(user, '新的技术员密码', NEW_PIN);
    await user.click(screen.getByRole('button', { name: '下一步' }));
    await typePinOn(user, '新的技术员密码', NEW_PIN);
    await user.click(screen.getByRole('button', { name: '确定' }));

    const setup = await screen.findByLabelText('链接中的设置');
    expect(setup).toHaveTextContent('幸福里社区红色驿站');
    expect(setup).toHaveTextContent('xingfuli-07');
    expect(setup).toHaveTextContent('https://centre.example.cn');
    expect(document.body).not.toHaveTextContent('K7Q29XPM2345');
    // A tablet not set up yet is no station to stop being.
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('form', { name: '站点设置' })).toBeNull();

    await user.click(screen.getByRole('button', { name: '使用此设置' }));
    await waitFor(() => expect(within(screen.getByRole('status')).getByRole('heading')).toHaveTextContent('注册成功'));
    expect(requests).toContainEqual({ url: 'https://centre.example.cn/api/enrol', body: { code: 'K7Q29XPM2345', appVersion: 'test', installId: expect.any(String) } });
    expect(await current.call('config:get')).toMatchObject({ stationId: 'xingfuli-07', serverUrl: 'https://centre.example.cn', provisioned: true });
    expect(pendingSetupLink()).toBeNull();
  });

  it('a damaged link says what is wrong above the form, and is forgotten', async () => {
    holdSetupLink(link('station=xingfuli-07&name=幸福里'));
    const user = renderGate();
    await unlock(user);
    await screen.findByRole('form', { name: '站点设置' });
    expect(screen.getByRole('alert')).toHaveTextContent(/这个设置链接不完整或已损坏（enrolmentCode: .+）/);
    expect(pendingSetupLink()).toBeNull();
  });

  it('set aside, the form is there to type in', async () => {
    holdSetupLink(link('station=xingfuli-07&code=K7Q29XPM2345&name=幸福里'));
    const user = renderGate();
    await unlock(user);
    await screen.findByLabelText('链接中的设置');
    await user.click(screen.getByRole('button', { name: '取消' }));
    await screen.findByRole('form', { name: '站点设置' });
    expect(screen.getByLabelText('注册码')).toHaveValue('');
    expect(pendingSetupLink()).toBeNull();
  });

  it('opens the setup on a station that is already set up, and says which station it stops being', async () => {
    current = webBridge(withDemoPin({ serverUrl: 'http://127.0.0.1:9', enrolmentCode: 'K7Q2-9XPM' }));
    const { stationId, provisioned } = await current.call('config:get');
    expect(provisioned).toBe(true);
    holdSetupLink(link('station=xingfuli-07&code=K7Q29XPM2345&name=幸福里'));
    const user = renderGate();
    expect(kioskHome()).toBeNull();
    await unlock(user);
    expect(await screen.findByRole('alert')).toHaveTextContent(`本机现在是站点 ${stationId}，使用后将改为站点 xingfuli-07。`);
  });

  describe('on a station already set up, left as it is: back to its residents, nothing saved', () => {
    let stationId: string | null;
    beforeEach(async () => {
      current = webBridge(withDemoPin({ serverUrl: 'http://127.0.0.1:9', enrolmentCode: 'K7Q2-9XPM' }));
      ({ stationId } = await current.call('config:get'));
      holdSetupLink(link('station=xingfuli-07&code=K7Q29XPM2345&name=幸福里'));
    });
    const unchanged = async () => {
      expect(await screen.findByRole('heading', { name: '居民首页' })).toBeInTheDocument();
      expect(pendingSetupLink()).toBeNull();
      expect(await current.call('config:get')).toMatchObject({ stationId, serverUrl: 'http://127.0.0.1:9' });
      expect(await current.call('technician:status')).toMatchObject({ unlocked: false });
    };

    it('from the welcome, which says which station this already is', async () => {
      const user = renderGate();
      expect(await screen.findByRole('heading', { name: '设置链接' })).toBeInTheDocument();
      expect(stationId).not.toBeNull();
      expect(screen.getByText(new RegExp(`本机已经是站点 ${stationId}，正在为居民服务`))).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: '返回居民服务' }));
      await unchanged();
    });

    it('from the form, once the technician has set the link aside', async () => {
      const user = renderGate();
      await unlock(user);
      await screen.findByLabelText('链接中的设置');
      await user.click(screen.getByRole('button', { name: '取消' }));
      const form = await screen.findByRole('form', { name: '站点设置' });
      await user.click(within(form).getByRole('button', { name: '取消' }));
      await unchanged();
    });
  });

  it('offers no way around the setup to a tablet that is not a station yet', async () => {
    current = webBridge();
    holdSetupLink(link('station=xingfuli-07&code=K7Q29XPM2345&name=幸福里'));
    renderGate();
    expect(await screen.findByRole('heading', { name: '本机尚未设置' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '返回居民服务' })).toBeNull();
  });
});
