import { join } from 'node:path';
import { type BridgeHandlers, type CredentialProtection, type Diagnostics, type Setup, type StorageHealth, toUnlockResponse, type UpdateState } from '../common/bridge.ts';
import type { OpeningSchedule } from '../common/opening-hours.ts';
import type { PinGate } from '../common/technician.ts';
import { type LoadedConfig, publicConfig } from './config.ts';
import { fileStamp, pruneFiles, writeFileAtomic } from './files.ts';
import type { RotatingLog } from './log.ts';
import { type ExportRequests, writeUnsyncedExport } from './unsynced-export.ts';

export interface HandlerDeps {
  now: () => Date;
  app: { version: string; versions: Record<string, string>; platform: string; arch: string; uptimeSeconds: () => number };
  config: () => LoadedConfig;
  saveSetup: (setup: Setup) => LoadedConfig;
  gate: PinGate;
  log: Pick<RotatingLog, 'recent' | 'readAll' | 'write'>;
  storage: () => StorageHealth;
  credentials: { get(): { token: string | null; protection: CredentialProtection }; set(token: string): CredentialProtection; clear(): void };
  updates: { readonly state: UpdateState; check(): Promise<UpdateState> };
  reportIdle: (idle: boolean) => void;
  reportSchedule: (schedule: OpeningSchedule) => void;
  exports: ExportRequests;
  /** userData/exports: unsynced records and log bundles. */
  exportDir: string;
  kiosk: { isKiosk(): boolean; restart(): void; leave(): void };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The main process's side of every bridge channel. Validation and the technician gate are serveBridge's job. */
export const createHandlers = (d: HandlerDeps): BridgeHandlers => ({
  'config:get': () => publicConfig(d.config()),
  'diagnostics:get': ({ logLines }): Diagnostics => ({
    shell: 'electron',
    appVersion: d.app.version,
    versions: d.app.versions,
    platform: d.app.platform,
    arch: d.app.arch,
    uptimeSeconds: Math.round(d.app.uptimeSeconds()),
    kioskMode: d.kiosk.isKiosk(),
    stationId: d.config().config.stationId,
    storage: d.storage(),
    credential: d.credentials.get().protection,
    update: d.updates.state,
    configProblems: d.config().problems.slice(0, 20),
    recentLog: d.log.recent(logLines ?? 50),
  }),
  'update:get': () => d.updates.state,
  'update:check': () => d.updates.check(),
  'technician:unlock': async ({ pin }) => {
    const result = await d.gate.unlock(pin, d.now().getTime());
    d.log.write(result.ok ? 'info' : 'warn', result.ok ? 'technician unlocked' : `technician unlock refused: ${result.reason}`);
    return toUnlockResponse(result);
  },
  'technician:lock': () => {
    d.gate.lock();
    return {};
  },
  'technician:status': () => {
    const s = d.gate.status(d.now().getTime());
    return { unlocked: s.unlocked, expiresAt: iso(s.expiresAt), lockedUntil: iso(s.lockedUntil) };
  },
  'kiosk:restart': () => {
    d.log.write('info', 'restart requested by the technician');
    d.kiosk.restart();
    return {};
  },
  'kiosk:leave': () => {
    d.log.write('warn', 'kiosk mode left by the technician');
    d.kiosk.leave();
    return {};
  },
  'logs:export': () => {
    const now = d.now();
    const text = d.log.readAll();
    const fileName = `logs-${d.config().config.stationId ?? 'station'}-${fileStamp(now)}.txt`;
    const path = join(d.exportDir, fileName);
    writeFileAtomic(path, text, 0o600);
    pruneFiles(d.exportDir, 'logs-', 10);
    return { fileName, path, bytes: Buffer.byteLength(text), count: text.split('\n').filter(Boolean).length };
  },
  'logs:write': ({ level, message }) => {
    d.log.write(level, `renderer: ${message}`);
    return {};
  },
  'records:export-unsynced': async () => writeUnsyncedExport(d.exportDir, await d.exports.request(), d.now()),
  'activity:report': ({ idle }) => {
    d.reportIdle(idle);
    return {};
  },
  'schedule:report': ({ schedule }) => {
    d.reportSchedule(schedule);
    return {};
  },
  'credential:get': () => d.credentials.get(),
  'credential:set': ({ token }) => ({ protection: d.credentials.set(token) }),
  'credential:clear': () => {
    d.credentials.clear();
    d.log.write('warn', 'station credential cleared (re-enrolment)');
    return {};
  },
  'setup:save': (setup) => {
    const loaded = d.saveSetup(setup);
    d.log.write('info', `station set up: ${setup.stationId}`);
    return publicConfig(loaded);
  },
  'export:deliver': ({ requestId, export: data }) => {
    d.exports.deliver(requestId, data);
    return {};
  },
});
