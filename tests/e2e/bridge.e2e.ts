import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openKiosk } from './support/kiosk.ts';
import { OFFLINE_STATION_CONFIG } from '../support/offline-station.ts';

/**
 * The window.kiosk contract in real Chromium, through the web fallback: the same object shape the Electron
 * preload exposes, called the way the renderer (and the shell's preload) call it. The page installs its
 * fallback as window.kiosk at start-up, so the test needs no hook of its own.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

type Envelope = { ok: true; value: Record<string, unknown> } | { ok: false; code: string; message: string };
const invoke = (page: Page, channel: string, request?: unknown): Promise<Envelope> =>
  page.evaluate(([c, r]) => (window as unknown as { kiosk: { invoke(c: unknown, r: unknown): Promise<unknown> } }).kiosk.invoke(c, r), [channel, request] as const) as Promise<Envelope>;
const value = async (page: Page, channel: string, request?: unknown) => {
  const envelope = await invoke(page, channel, request);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.code} ${envelope.message}`);
  return envelope.value;
};
const downloaded = async (page: Page, channel: string) => {
  const [download, envelope] = await Promise.all([page.waitForEvent('download'), invoke(page, channel)]);
  return { envelope, name: download.suggestedFilename(), text: await readFile((await download.path()) ?? '', 'utf8') };
};

describe('window.kiosk in a browser (web fallback)', () => {
  it('is installed at start-up, read-only, with the preload’s shape', async () => {
    const k = await openKiosk(browser, 'landscape');
    const { page } = k;
    await page.waitForFunction(() => 'kiosk' in window);
    expect(await page.evaluate(() => Object.keys((window as unknown as { kiosk: object }).kiosk).sort())).toEqual(['invoke', 'on']);
    expect(
      await page.evaluate(() => {
        const before = (window as unknown as { kiosk: unknown }).kiosk;
        try {
          (window as unknown as { kiosk: unknown }).kiosk = { invoke: () => 'hijacked' };
        } catch {
          // strict-mode code throws; either way it must not change
        }
        return (window as unknown as { kiosk: unknown }).kiosk === before;
      }),
    ).toBe(true);
    await k.close();
  });

  it('answers config, diagnostics and update state, checked against the contract', async () => {
    const k = await openKiosk(browser, 'landscape');
    const { page } = k;
    await page.waitForFunction(() => 'kiosk' in window);
    const config = await value(page, 'config:get');
    expect(config).toMatchObject({ shell: 'web', locale: 'zh-CN', technicianPinSet: true, serverUrl: OFFLINE_STATION_CONFIG.serverUrl, enrolmentCode: OFFLINE_STATION_CONFIG.enrolmentCode });
    expect(JSON.stringify(config)).not.toContain('pbkdf2');

    const diagnostics = await value(page, 'diagnostics:get', { logLines: 20 });
    expect(diagnostics).toMatchObject({ shell: 'web', appVersion: expect.any(String), update: { status: expect.any(String) } });
    const storage = diagnostics.storage as { usageBytes: number; totalBytes: number; persisted: boolean; level: string };
    expect(storage.totalBytes).toBeGreaterThan(0);
    expect(storage.usageBytes).toBeGreaterThan(0);
    expect(typeof storage.persisted).toBe('boolean');
    expect(['ok', 'low', 'critical']).toContain(storage.level);
    expect(await value(page, 'update:get')).toMatchObject({ status: 'idle' });
    await k.close();
  });

  it('refuses malformed requests, unknown channels and events, with a code', async () => {
    const k = await openKiosk(browser, 'landscape');
    const { page } = k;
    await page.waitForFunction(() => 'kiosk' in window);
    expect(await invoke(page, 'activity:report', { idle: 'yes' })).toMatchObject({ ok: false, code: 'invalid-request' });
    expect(await invoke(page, 'update:get', { extra: 1 })).toMatchObject({ ok: false, code: 'invalid-request' });
    expect(await invoke(page, 'technician:unlock', { pin: 'abcd' })).toMatchObject({ ok: false, code: 'invalid-request' });
    expect(await invoke(page, 'fs:read', { path: '/etc/passwd' })).toMatchObject({ ok: false, code: 'unknown-channel' });
    expect(await invoke(page, 'kiosk:leave')).toMatchObject({ ok: false, code: 'technician-required' });
    expect(
      await page.evaluate(() => {
        try {
          (window as unknown as { kiosk: { on(e: string, l: () => void): unknown } }).kiosk.on('ipc:raw', () => undefined);
          return 'subscribed';
        } catch (error) {
          return String(error);
        }
      }),
    ).toContain('no such event');
    await k.close();
  });

  it('lets the technician in with the PIN, then exports the unsynced records and the logs as files', async () => {
    const k = await openKiosk(browser, 'landscape');
    const { page } = k;
    await page.waitForFunction(() => 'kiosk' in window);
    // One resident checks in: one record waits in the outbox.
    await k.tap(/^签到/);
    await k.tap('本小区居民', 'radio');
    await page.getByRole('radio').nth(1).tap();
    await page.getByRole('status').filter({ hasText: '签到成功' }).waitFor();
    const [visit] = await k.rows<{ id: string }>('visits');

    expect(await value(page, 'technician:unlock', { pin: '11111111' })).toMatchObject({ ok: false, reason: 'wrong-pin', attemptsLeft: 4 });
    expect(await value(page, 'technician:unlock', { pin: '24681357' })).toMatchObject({ ok: true, expiresAt: expect.any(String) });
    expect(await value(page, 'technician:status')).toMatchObject({ unlocked: true });

    const records = await downloaded(page, 'records:export-unsynced');
    expect(records.envelope).toMatchObject({ ok: true, value: { count: 1, path: null } });
    expect(records.name).toMatch(/^unsynced-.*\.json$/);
    const data = JSON.parse(records.text) as { format: string; pushedSeq: number; records: Array<{ seq: number; kind: string; id: string }> };
    expect(data).toMatchObject({ format: 'yizhan-unsynced-v1', pushedSeq: 0 });
    expect(data.records).toEqual([expect.objectContaining({ seq: 1, kind: 'visit', id: visit?.id })]);

    await value(page, 'logs:write', { level: 'warn', message: 'from the e2e test' });
    const logs = await downloaded(page, 'logs:export');
    expect(logs.name).toMatch(/^logs-.*\.txt$/);
    expect(logs.text).toContain('technician unlocked');
    expect(logs.text).toContain('renderer: from the e2e test');

    await value(page, 'technician:lock');
    expect(await invoke(page, 'logs:export')).toMatchObject({ ok: false, code: 'technician-required' });
    await k.close();
  });

  it('saves a first-run setup behind the PIN and tells subscribers', async () => {
    const k = await openKiosk(browser, 'landscape');
    const { page } = k;
    await page.waitForFunction(() => 'kiosk' in window);
    await page.evaluate(() => {
      const w = window as unknown as { kiosk: { on(e: string, l: (p: unknown) => void): unknown }; seen: unknown[] };
      w.seen = [];
      w.kiosk.on('config:changed', (p) => w.seen.push(p));
    });
    const setup = { stationId: 'hq-07', stationName: '幸福里红色驿站', serverUrl: 'https://yizhan.example.cn', enrolmentCode: 'K7Q2-9XPM' };
    expect(await invoke(page, 'setup:save', setup)).toMatchObject({ ok: false, code: 'technician-required' });
    await value(page, 'technician:unlock', { pin: '24681357' });
    expect(await value(page, 'setup:save', setup)).toMatchObject({ provisioned: true, stationId: 'hq-07', serverUrl: 'https://yizhan.example.cn' });
    expect(await page.evaluate(() => (window as unknown as { seen: Array<{ stationId: string }> }).seen.map((c) => c.stationId))).toEqual(['hq-07']);
    // It survives a reload (the browser keeps it where the shell keeps its setup file).
    await page.reload();
    await page.waitForFunction(() => 'kiosk' in window);
    expect(await value(page, 'config:get')).toMatchObject({ stationId: 'hq-07', sources: ['default', 'system', 'setup'] });
    await k.close();
  });
});
