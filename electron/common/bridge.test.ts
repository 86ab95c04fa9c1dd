// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { idleUpdate, stubHandlers } from './testing/stub-handlers.ts';
import {
  BridgeError,
  bridgeClient,
  checkEnvelope,
  checkRequest,
  events,
  invokes,
  type KioskApi,
  needsTechnician,
  serveBridge,
} from './bridge.ts';

const locked = { technicianUnlocked: () => false };
const unlocked = { technicianUnlocked: () => true };

describe('the contract', () => {
  it('names every channel once, with schemas on both sides', () => {
    for (const [name, spec] of Object.entries(invokes)) {
      expect(name).toMatch(/^[a-z]+:[a-z-]+$/);
      expect(spec.request.safeParse).toBeTypeOf('function');
      expect(spec.response.safeParse).toBeTypeOf('function');
    }
    expect(Object.keys(events)).toContain('export:request');
  });

  it('gates the technician actions and nothing a resident session needs', () => {
    const gated = Object.keys(invokes).filter((c) => needsTechnician(c as keyof typeof invokes));
    expect(gated.sort()).toEqual(['credential:clear', 'kiosk:leave', 'kiosk:restart', 'logs:export', 'records:export-unsynced', 'setup:save', 'update:check']);
  });
});

describe('serveBridge', () => {
  it('validates the request, calls the handler and validates its answer', async () => {
    const h = stubHandlers();
    expect(await serveBridge(h, 'update:get', {}, locked)).toEqual({ ok: true, value: idleUpdate });
    expect(await serveBridge(h, 'update:get', undefined, locked)).toEqual({ ok: true, value: idleUpdate });
  });

  it.each([
    ['an unknown channel', 'fs:read', {}, 'unknown-channel'],
    ['a prototype key as channel', '__proto__', {}, 'unknown-channel'],
    ['a non-string channel', 42, {}, 'unknown-channel'],
    ['an extra key', 'update:get', { sneaky: true }, 'invalid-request'],
    ['a PIN with letters', 'technician:unlock', { pin: '12ab' }, 'invalid-request'],
    ['a huge log line', 'logs:write', { level: 'info', message: 'x'.repeat(2001) }, 'invalid-request'],
    ['a wrong type', 'activity:report', { idle: 'yes' }, 'invalid-request'],
    ['a setup with an http server', 'setup:save', { stationId: 'a', stationName: 'b', serverUrl: 'http://evil.cn', enrolmentCode: 'ABCDEF' }, 'invalid-request'],
    ['a technician action while locked', 'kiosk:leave', {}, 'technician-required'],
  ])('refuses %s', async (_name, channel, raw, code) => {
    expect(await serveBridge(stubHandlers(), channel, raw, locked)).toMatchObject({ ok: false, code });
  });

  it('lets technician actions through once unlocked', async () => {
    expect(await serveBridge(stubHandlers(), 'kiosk:leave', {}, unlocked)).toEqual({ ok: true, value: {} });
  });

  it('refuses an answer that breaks the contract, and keeps the code of a BridgeError', async () => {
    const h = stubHandlers({
      'update:get': () => ({ ...idleUpdate, status: 'exploded' }) as never,
      'update:check': () => {
        throw new BridgeError('unavailable', 'offline');
      },
      'technician:lock': () => {
        throw new Error('boom');
      },
    });
    expect(await serveBridge(h, 'update:get', {}, unlocked)).toMatchObject({ ok: false, code: 'invalid-response' });
    expect(await serveBridge(h, 'update:check', {}, unlocked)).toEqual({ ok: false, code: 'unavailable', message: 'offline' });
    expect(await serveBridge(h, 'technician:lock', {}, unlocked)).toEqual({ ok: false, code: 'failed', message: 'boom' });
  });
});

describe('the calling side', () => {
  it('checks requests before sending and envelopes after', () => {
    expect(checkRequest('activity:report', { idle: true })).toEqual({ ok: true, value: { channel: 'activity:report', request: { idle: true } } });
    expect(checkRequest('nope', {})).toMatchObject({ ok: false, code: 'unknown-channel' });
    expect(checkEnvelope('update:get', { ok: true, value: idleUpdate })).toEqual({ ok: true, value: idleUpdate });
    expect(checkEnvelope('update:get', { ok: true, value: { status: 'idle' } })).toMatchObject({ ok: false, code: 'invalid-response' });
    expect(checkEnvelope('update:get', 'garbage')).toMatchObject({ ok: false, code: 'invalid-response' });
  });

  it('bridgeClient returns values, throws BridgeErrors with their code, and drops malformed events', async () => {
    const listeners: Array<(payload: unknown) => void> = [];
    const api: KioskApi = {
      invoke: (channel, request) => serveBridge(stubHandlers(), channel, request, locked) as never,
      on: (_event, listener) => {
        listeners.push(listener as (payload: unknown) => void);
        return () => undefined;
      },
    };
    const kiosk = bridgeClient(api, 'web');
    expect(await kiosk.call('update:get')).toEqual(idleUpdate);
    await expect(kiosk.call('kiosk:restart')).rejects.toMatchObject({ name: 'BridgeError', code: 'technician-required' });
    const got: unknown[] = [];
    kiosk.on('export:request', (p) => got.push(p));
    listeners[0]?.({ requestId: 'not-a-uuid' });
    listeners[0]?.({ requestId: '0190a000-0000-7000-8000-000000000000' });
    expect(got).toEqual([{ requestId: '0190a000-0000-7000-8000-000000000000' }]);
  });
});
