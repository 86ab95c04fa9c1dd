import { join } from 'node:path';
import { type BridgeHandlers, type Diagnostics, type Setup, type StorageHealth, toUnlockResponse, type UpdateState } from '../common/bridge.ts';
import type { OpeningSchedule } from '../common/opening-hours.ts';
import type { PinGate } from '../common/technician.ts';
import { type LoadedConfig, publicConfig } from './config.ts';
import type { CredentialStore } from './credentials.ts';
import { fileStamp, pruneFiles, writeFileAtomic } from './files.ts';
import type { RotatingLog } from './log.ts';
import { type ExportRequests, writeUnsyncedExport } from './unsynced-export.ts';

export interface HandlerDeps {
  now: () => Date;
  app: { version: string; versions: Record<string, string>; platform: string; arch: string; uptimeSeconds: () => number };
  config: () => LoadedConfig;
  saveSetup: (setup: Setup) => Promise<LoadedConfig>;
  /** Sets the technician PIN and opens a session with it; returns when the session ends. */
  setPin: (pin: string) => Promise<number>;
  gate: () => PinGate;
  log: Pick<RotatingLog, 'recent' | 'readAll' | 'write'>;
  storage: () => StorageHealth;
  credentials: Pick<CredentialStore, 'get' | 'set' | 'clear'>;
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
export const createHandlers = (deps: HandlerDeps): BridgeHandlers => ({
  'config:get': () => publicConfig(deps.config()),
  'diagnostics:get': async ({ logLines }): Promise<Diagnostics> => ({
    shell: 'electron',
    appVersion: deps.app.version,
    versions: deps.app.versions,
    platform: deps.app.platform,
    arch: deps.app.arch,
    uptimeSeconds: Math.round(deps.app.uptimeSeconds()),
    kioskMode: deps.kiosk.isKiosk(),
    stationId: deps.config().config.stationId,
    storage: deps.storage(),
    credential: (await deps.credentials.get()).protection,
    update: deps.updates.state,
    configProblems: deps.config().problems.slice(0, 20),
    recentLog: deps.log.recent(logLines ?? 50),
  }),
  'update:get': () => deps.updates.state,
  'update:check': () => deps.updates.check(),
  'technician:unlock': async ({ pin }) => {
    const result = await deps.gate().unlock(pin, deps.now().getTime());
    deps.log.write(result.ok ? 'info' : 'warn', result.ok ? 'technician unlocked' : `technician unlock refused: ${result.reason}`);
    return toUnlockResponse(result);
  },
  'technician:set-pin': async ({ pin }) => {
    const expiresAt = await deps.setPin(pin);
    deps.log.write('warn', 'technician PIN set on the tablet');
    return { expiresAt: new Date(expiresAt).toISOString() };
  },
  'technician:lock': () => {
    deps.gate().lock();
    return {};
  },
  'technician:status': () => {
    const status = deps.gate().status(deps.now().getTime());
    return { unlocked: status.unlocked, expiresAt: iso(status.expiresAt), lockedUntil: iso(status.lockedUntil) };
  },
  'kiosk:restart': () => {
    deps.log.write('info', 'restart requested by the technician');
    deps.kiosk.restart();
    return {};
  },
  'kiosk:leave': () => {
    deps.log.write('warn', 'kiosk mode left by the technician');
    deps.kiosk.leave();
    return {};
  },
  'logs:export': () => {
    const now = deps.now();
    const text = deps.log.readAll();
    const fileName = `logs-${deps.config().config.stationId ?? 'station'}-${fileStamp(now)}.txt`;
    const path = join(deps.exportDir, fileName);
    writeFileAtomic(path, text, 0o600);
    pruneFiles(deps.exportDir, 'logs-', 10);
    return { fileName, path, bytes: Buffer.byteLength(text), count: text.split('\n').filter(Boolean).length };
  },
  'logs:write': ({ level, message }) => {
    deps.log.write(level, `renderer: ${message}`);
    return {};
  },
  'records:export-unsynced': async () => writeUnsyncedExport(deps.exportDir, await deps.exports.request(), deps.now()),
  'activity:report': ({ idle }) => {
    deps.reportIdle(idle);
    return {};
  },
  'schedule:report': ({ schedule }) => {
    deps.reportSchedule(schedule);
    return {};
  },
  'credential:get': () => deps.credentials.get(),
  'credential:set': async ({ token }) => ({ protection: await deps.credentials.set(token) }),
  'credential:clear': async () => {
    await deps.credentials.clear();
    deps.log.write('warn', 'station credential cleared (re-enrolment)');
    return {};
  },
  'setup:save': async (setup) => {
    const loaded = await deps.saveSetup(setup);
    deps.log.write('info', `station set up: ${setup.stationId}`);
    return publicConfig(loaded);
  },
  'export:deliver': ({ requestId, export: data }) => {
    deps.exports.deliver(requestId, data);
    return {};
  },
});
