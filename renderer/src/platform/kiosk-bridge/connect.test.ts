import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type EventChannel, type InvokeChannel, type KioskBridge, type PayloadOf, unsyncedExportSchema } from '@shell/bridge.ts';
import { YizhanDb } from '../../store/db.ts';
import { seedDemoIfEmpty } from '../../store/seed.ts';
import { connectBridge } from './connect.ts';
import { pickKioskApi } from './index.ts';

/** A bridge that records calls and lets the test fire shell events. */
const recordingBridge = () => {
  const calls: Array<{ channel: InvokeChannel; request: unknown }> = [];
  const listeners = new Map<string, (payload: unknown) => void>();
  const bridge: KioskBridge = {
    shell: 'electron',
    call: (async (channel: InvokeChannel, request?: unknown) => {
      calls.push({ channel, request });
      if (channel === 'config:get') return { stationId: 'hq-07' };
      return {};
    }) as KioskBridge['call'],
    on: (<E extends EventChannel>(event: E, listener: (payload: PayloadOf<E>) => void) => {
      listeners.set(event, listener as (payload: unknown) => void);
      return () => listeners.delete(event);
    }) as KioskBridge['on'],
  };
  return { bridge, calls, fire: (event: EventChannel, payload: unknown) => listeners.get(event)?.(payload) };
};

let db: YizhanDb;
beforeEach(async () => {
  db = new YizhanDb(`connect-${Math.random()}`);
  await seedDemoIfEmpty(db);
});
afterEach(async () => {
  vi.useRealTimers();
  await db.delete();
});

describe('connectBridge', () => {
  it('tells the shell when a resident starts using the kiosk and when it has gone quiet', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { bridge, calls } = recordingBridge();
    const stop = connectBridge(bridge, db, window, { idleAfterMs: () => 1000 });
    const activity = () => calls.filter((c) => c.channel === 'activity:report').map((c) => (c.request as { idle: boolean }).idle);
    vi.advanceTimersByTime(1000);
    expect(activity()).toEqual([true]);
    document.dispatchEvent(new Event('pointerdown'));
    document.dispatchEvent(new Event('pointerdown'));
    expect(activity()).toEqual([true, false]);
    vi.advanceTimersByTime(999);
    document.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(999);
    expect(activity()).toEqual([true, false]);
    vi.advanceTimersByTime(1);
    expect(activity()).toEqual([true, false, true]);
    stop();
    document.dispatchEvent(new Event('pointerdown'));
    expect(activity()).toEqual([true, false, true]);
  });

  it('passes on the opening hours of the synced station settings', async () => {
    const { bridge, calls } = recordingBridge();
    const stop = connectBridge(bridge, db, window);
    await vi.waitFor(() => expect(calls.some((c) => c.channel === 'schedule:report')).toBe(true));
    const { schedule } = calls.find((c) => c.channel === 'schedule:report')?.request as { schedule: Record<string, unknown> };
    expect(Object.keys(schedule).sort()).toEqual(['eveningHour', 'hours', 'redWeekend']);
    stop();
  });

  it('answers an export request with the unsynced records', async () => {
    await db.outbox.add({ kind: 'visit', id: 'v1', record: { kind: 'visit' } as never });
    const { bridge, calls, fire } = recordingBridge();
    const stop = connectBridge(bridge, db, window);
    fire('export:request', { requestId: '0190a000-0000-7000-8000-000000000000' });
    await vi.waitFor(() => expect(calls.some((c) => c.channel === 'export:deliver')).toBe(true));
    const delivered = calls.find((c) => c.channel === 'export:deliver')?.request as { requestId: string; export: unknown };
    expect(delivered.requestId).toBe('0190a000-0000-7000-8000-000000000000');
    expect(unsyncedExportSchema.parse(delivered.export)).toMatchObject({ stationId: 'hq-07', records: [{ id: 'v1', seq: 1 }] });
    stop();
  });

  it('logs uncaught errors to the shell, at most a few a minute', () => {
    const { bridge, calls } = recordingBridge();
    const stop = connectBridge(bridge, db, window, { errorsPerMinute: 2 });
    for (let i = 0; i < 5; i += 1) window.dispatchEvent(new ErrorEvent('error', { message: `boom ${i}`, filename: 'app://kiosk/a.js', lineno: 1 }));
    expect(calls.filter((c) => c.channel === 'logs:write')).toHaveLength(2);
    stop();
  });
});

describe('pickKioskApi', () => {
  it('uses the preload’s window.kiosk when the shell provides one', () => {
    const preload = { invoke: vi.fn(), on: vi.fn() };
    const win = { kiosk: preload } as unknown as Window;
    const make = vi.fn();
    expect(pickKioskApi(win, make)).toEqual({ api: preload, shell: 'electron' });
    expect(make).not.toHaveBeenCalled();
  });

  it('installs the web fallback as a read-only window.kiosk otherwise', () => {
    const win = {} as Window;
    const web = { invoke: vi.fn(), on: vi.fn() };
    expect(pickKioskApi(win, () => web)).toEqual({ api: web, shell: 'web' });
    expect(win.kiosk).toBe(web);
    expect(() => {
      'use strict';
      (win as { kiosk?: unknown }).kiosk = {};
    }).toThrow();
  });
});
