// @vitest-environment node
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { KioskApi } from './common/bridge.ts';

/**
 * The preload against a fake of the two Electron objects it uses (contextBridge and ipcRenderer), mocked as
 * the `electron` module: what it exposes, and that it checks both directions before anything crosses.
 */
const fake = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const sent: Array<{ channel: string; request: unknown }> = [];
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  let answer: unknown = { ok: true, value: {} };
  return {
    exposed,
    sent,
    listeners,
    answer: (value: unknown) => {
      answer = value;
    },
    electron: {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
      ipcRenderer: {
        invoke: async (channel: string, request: unknown) => {
          sent.push({ channel, request });
          return answer;
        },
        on: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
          listeners.set(channel, new Set([...(listeners.get(channel) ?? []), listener]));
        },
        removeListener: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
          listeners.get(channel)?.delete(listener);
        },
      },
    },
  };
});
vi.mock('electron', () => fake.electron);

let kiosk: KioskApi;
beforeAll(async () => {
  await import('./preload.ts');
  kiosk = fake.exposed.get('kiosk') as KioskApi;
});

const update = { status: 'idle', version: null, percent: null, checkedAt: null, message: null };

describe('preload', () => {
  it('exposes window.kiosk with invoke and on, and nothing of ipcRenderer', () => {
    expect([...fake.exposed.keys()]).toEqual(['kiosk']);
    expect(Object.keys(kiosk).sort()).toEqual(['invoke', 'on']);
  });

  it('sends a valid request and returns the checked answer', async () => {
    fake.answer({ ok: true, value: update });
    expect(await kiosk.invoke('update:get')).toEqual({ ok: true, value: update });
    expect(fake.sent.at(-1)).toEqual({ channel: 'update:get', request: {} });
  });

  it('sends nothing for an unknown channel or a malformed request', async () => {
    const before = fake.sent.length;
    expect(await kiosk.invoke('shell:exec' as never)).toMatchObject({ ok: false, code: 'unknown-channel' });
    expect(await kiosk.invoke('activity:report', { idle: 1 } as never)).toMatchObject({ ok: false, code: 'invalid-request' });
    expect(fake.sent.length).toBe(before);
  });

  it('refuses an answer from the main process that breaks the contract', async () => {
    fake.answer({ ok: true, value: { status: 'hacked' } });
    expect(await kiosk.invoke('update:get')).toMatchObject({ ok: false, code: 'invalid-response' });
    fake.answer('not an envelope');
    expect(await kiosk.invoke('update:get')).toMatchObject({ ok: false, code: 'invalid-response' });
  });

  it('passes on only events of the contract with valid payloads, and unsubscribes', () => {
    const got: unknown[] = [];
    const off = kiosk.on('export:request', (p) => got.push(p));
    const emit = (payload: unknown) => fake.listeners.get('export:request')?.forEach((l) => l({}, payload));
    emit({ requestId: 'nope' });
    emit({ requestId: '0190a000-0000-7000-8000-000000000000' });
    off();
    emit({ requestId: '0190a000-0000-7000-8000-000000000001' });
    expect(got).toEqual([{ requestId: '0190a000-0000-7000-8000-000000000000' }]);
    expect(() => kiosk.on('ipc:anything' as never, () => undefined)).toThrow(/no such event/);
  });
});
