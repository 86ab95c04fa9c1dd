import {
  BridgeError,
  type BridgeHandlers,
  type EventChannel,
  isEventChannel,
  type KioskApi,
  type PayloadOf,
  type PublicConfig,
  serveBridge,
  type StorageHealth,
  toUnlockResponse,
  type UpdateState,
} from '@shell/bridge.ts';
import { type ConfigSource, defaultFeatures, joinsAnew, stationConfigLayerSchema } from '@shell/config.ts';
import { storageLevel } from '@shell/storage-level.ts';
import { DEMO_PIN_HASH, type DeriveKey, hashPin, parsePinHash, PinGate } from '@shell/technician.ts';
import type { YizhanDb } from '../../store/db.ts';
import { loadStationConfigFile, type StationConfigFile } from './station-config-file.ts';
import { exportUnsynced } from './unsynced.ts';

/** PBKDF2-SHA256 with WebCrypto: the same derivation the shell does with Node's crypto. */
export const webDerive: DeriveKey = async (pin, salt, iterations, length) => {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations }, key, length * 8);
  return new Uint8Array(bits);
};

/** Saves text as a file through the browser's download. */
export const browserDownload = (fileName: string, text: string, type: string): void => {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

export interface WebKioskDeps {
  db: YizhanDb;
  now?: () => Date;
  storage?: StorageManager;
  serviceWorker?: ServiceWorkerContainer;
  localStorage?: Storage;
  reload?: () => void;
  download?: (fileName: string, text: string, type: string) => void;
  loadConfig?: () => Promise<StationConfigFile>;
  /** The origin that served the app: the sync server when no other is configured. */
  origin?: string;
  derive?: DeriveKey;
  appVersion?: string;
  userAgent?: string;
  exitFullscreen?: () => void;
}

const SETUP_KEY = 'yizhan.station-setup';
const CREDENTIAL_KEY = 'yizhan.station-credential';
/** The technician PIN's hash, as set at first run on this browser. */
const PIN_KEY = 'yizhan.technician-pin';
const fileStamp = (d: Date) => d.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');

/**
 * `window.kiosk` in a browser: the same contract as the Electron preload, with what a browser can do behind
 * it. Config from station-config.json (beside the app), the setup screen's answers (localStorage) and the
 * synced station settings; diagnostics from the storage manager; restart is a reload; updates come from the
 * service worker; exports are downloads. Requests and answers are checked against the contract exactly as
 * the preload and the main process check them.
 */
export const createWebKiosk = (deps: WebKioskDeps): KioskApi => {
  const now = deps.now ?? (() => new Date());
  const storage = deps.storage ?? (typeof navigator !== 'undefined' ? navigator.storage : undefined);
  const sw = deps.serviceWorker ?? (typeof navigator !== 'undefined' && 'serviceWorker' in navigator ? navigator.serviceWorker : undefined);
  const local = deps.localStorage ?? globalThis.localStorage;
  const download = deps.download ?? browserDownload;
  const loadConfig = deps.loadConfig ?? (() => loadStationConfigFile(fetch, local));
  const origin = deps.origin ?? (typeof location !== 'undefined' && /^https?:$/.test(location.protocol) ? location.origin : null);
  const derive = deps.derive ?? webDerive;
  const listeners = new Map<EventChannel, Set<(payload: never) => void>>();
  const log: string[] = [];
  const started = now().getTime();
  let checkedAt: string | null = null;

  const write = (level: string, message: string) => {
    log.push(`${now().toISOString()} ${level.toUpperCase().padEnd(5)} ${message.replace(/[\r\n]+/g, ' ⏎ ').slice(0, 2000)}`);
    if (log.length > 500) log.splice(0, log.length - 500);
  };
  const emit = <E extends EventChannel>(event: E, payload: PayloadOf<E>) => {
    for (const listener of listeners.get(event) ?? []) (listener as (p: PayloadOf<E>) => void)(payload);
  };

  /**
   * The technician PIN: the one set at first run on this browser, else a station-config.json's (the demo
   * server's; any reader of that file can try PINs against it, so a real station sets its own), else none yet.
   * No build carries one.
   */
  const technicianPin = async (): Promise<{ hash: string; from: 'setup' | 'file' } | null> => {
    const own = local?.getItem(PIN_KEY) ?? null;
    if (own && parsePinHash(own)) return { hash: own, from: 'setup' };
    const fromFile = (await loadConfig()).technician?.pinHash;
    return fromFile ? { hash: fromFile, from: 'file' } : null;
  };
  let gate = new PinGate({ pinHash: null, derive });
  let gateHash: string | null = null;
  /** The gate for the current PIN: a new one when the PIN changed, the same one (and its session) otherwise. */
  const currentGate = async (): Promise<PinGate> => {
    const hash = (await technicianPin())?.hash ?? null;
    if (hash !== gateHash) {
      gate = new PinGate({ pinHash: hash, derive });
      gateHash = hash;
    }
    return gate;
  };
  const pinProblems = (pin: Awaited<ReturnType<typeof technicianPin>>): string[] => {
    if (pin?.hash === DEMO_PIN_HASH) return ['the technician PIN is the demo PIN, which everybody knows: set this station its own (technician screen)'];
    if (pin?.from === 'file') return ['the technician PIN comes from station-config.json, which anyone who can open the kiosk can read: set one on the tablet'];
    return [];
  };

  const readSetup = () => {
    try {
      const parsed = stationConfigLayerSchema.safeParse(JSON.parse(local?.getItem(SETUP_KEY) ?? 'null'));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  };

  const config = async (): Promise<PublicConfig> => {
    const [file, settings, pin] = await Promise.all([loadConfig(), deps.db.settings.toCollection().first(), technicianPin()]);
    const setup = readSetup();
    const sources: ConfigSource[] = ['default'];
    if (Object.keys(file).length > 0) sources.push('system');
    if (setup) sources.push('setup');
    const stationId = setup?.stationId ?? settings?.stationId ?? null;
    const serverUrl = setup?.serverUrl ?? file.serverUrl?.replace(/\/+$/, '') ?? origin;
    const enrolmentCode = setup?.enrolmentCode ?? file.enrolmentCode ?? null;
    return {
      shell: 'web',
      provisioned: Boolean(stationId && serverUrl && enrolmentCode),
      stationId,
      stationName: setup?.stationName ?? settings?.name['zh-CN'] ?? null,
      serverUrl,
      enrolmentCode,
      locale: setup?.locale ?? file.locale ?? 'zh-CN',
      idle: file.idle ?? {},
      features: { ...defaultFeatures, ...file.features },
      technicianPinSet: pin !== null,
      sources,
      problems: pinProblems(pin),
    };
  };

  const storageHealth = async (): Promise<StorageHealth> => {
    const base = { writable: null, checkedAt: now().toISOString() };
    if (!storage?.estimate) return { ...base, level: 'unknown', freeBytes: null, totalBytes: null, usageBytes: null, persisted: null, message: 'no storage manager in this browser' };
    const [estimate, persisted] = await Promise.all([storage.estimate(), storage.persisted ? storage.persisted() : Promise.resolve(false)]);
    const quota = estimate.quota ?? null;
    const usage = estimate.usage ?? null;
    const free = quota !== null && usage !== null ? Math.max(0, quota - usage) : null;
    const level = free !== null && quota !== null ? storageLevel(free, quota) : 'unknown';
    return {
      ...base,
      level,
      freeBytes: free,
      totalBytes: quota,
      usageBytes: usage,
      persisted,
      message: persisted ? null : 'storage is not persistent: the browser may evict it under pressure',
    };
  };

  const updateState = async (): Promise<UpdateState> => {
    const state: UpdateState = { status: 'idle', version: null, percent: null, checkedAt, message: null };
    if (!sw) return { ...state, status: 'disabled', message: 'no service worker in this browser' };
    const registration = await sw.getRegistration();
    if (!registration) return { ...state, message: 'service worker not registered (development build?)' };
    if (registration.waiting) return { ...state, status: 'ready', message: 'applies when the kiosk is idle' };
    if (registration.installing) return { ...state, status: 'downloading' };
    return state;
  };

  const credential = () => {
    const token = local?.getItem(CREDENTIAL_KEY) ?? null;
    return { token, protection: token ? ('browser' as const) : ('none' as const) };
  };

  const handlers: BridgeHandlers = {
    'config:get': config,
    'diagnostics:get': async ({ logLines }) => ({
      shell: 'web',
      appVersion: deps.appVersion ?? __APP_VERSION__,
      versions: { userAgent: (deps.userAgent ?? (typeof navigator !== 'undefined' ? navigator.userAgent : 'unknown')).slice(0, 300) },
      platform: typeof navigator !== 'undefined' ? navigator.platform || 'web' : 'web',
      arch: 'unknown',
      uptimeSeconds: Math.round((now().getTime() - started) / 1000),
      kioskMode: typeof document !== 'undefined' && document.fullscreenElement !== null && document.fullscreenElement !== undefined,
      stationId: (await config()).stationId,
      storage: await storageHealth(),
      credential: credential().protection,
      update: await updateState(),
      configProblems: (await config()).problems,
      recentLog: log.slice(-(logLines ?? 50)),
    }),
    'update:get': updateState,
    'update:check': async () => {
      const registration = await sw?.getRegistration();
      await registration?.update().catch((error: unknown) => write('warn', `update check failed: ${String(error)}`));
      checkedAt = now().toISOString();
      return updateState();
    },
    'technician:unlock': async ({ pin }) => {
      const result = await (await currentGate()).unlock(pin, now().getTime());
      write(result.ok ? 'info' : 'warn', result.ok ? 'technician unlocked' : `technician unlock refused: ${result.reason}`);
      return toUnlockResponse(result);
    },
    'technician:set-pin': async ({ pin }) => {
      const before = await currentGate();
      if (before.configured && !before.isUnlocked(now().getTime())) throw new BridgeError('technician-required', 'changing the PIN needs the technician session');
      local?.setItem(PIN_KEY, await hashPin(pin, crypto.getRandomValues(new Uint8Array(16)), derive));
      const opened = await (await currentGate()).unlock(pin, now().getTime());
      if (!opened.ok) throw new BridgeError('failed', 'the new PIN did not open the gate');
      write('warn', 'technician PIN set on this browser');
      emit('config:changed', await config());
      return { expiresAt: new Date(opened.expiresAt).toISOString() };
    },
    'technician:lock': async () => {
      (await currentGate()).lock();
      return {};
    },
    'technician:status': async () => {
      const status = (await currentGate()).status(now().getTime());
      const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
      return { unlocked: status.unlocked, expiresAt: iso(status.expiresAt), lockedUntil: iso(status.lockedUntil) };
    },
    'kiosk:restart': () => {
      write('info', 'restart requested by the technician');
      // After the answer has gone back.
      setTimeout(deps.reload ?? (() => location.reload()), 0);
      return {};
    },
    'kiosk:leave': () => {
      (deps.exitFullscreen ?? (() => void document.exitFullscreen?.().catch(() => undefined)))();
      return {};
    },
    'logs:export': async () => {
      const text = `${log.join('\n')}\n`;
      const fileName = `logs-${(await config()).stationId ?? 'station'}-${fileStamp(now())}.txt`;
      download(fileName, text, 'text/plain;charset=utf-8');
      return { fileName, path: null, bytes: new TextEncoder().encode(text).byteLength, count: log.length };
    },
    'logs:write': ({ level, message }) => {
      write(level, `renderer: ${message}`);
      return {};
    },
    'records:export-unsynced': async () => {
      const { stationId } = await config();
      const data = await exportUnsynced(deps.db, stationId, now());
      const text = `${JSON.stringify(data, null, 1)}\n`;
      const fileName = `unsynced-${stationId ?? 'station'}-${fileStamp(now())}.json`;
      download(fileName, text, 'application/json');
      return { fileName, path: null, bytes: new TextEncoder().encode(text).byteLength, count: data.records.length };
    },
    // A browser has no screen to keep awake and no update to hold back: the reports are accepted and dropped.
    'activity:report': () => ({}),
    'schedule:report': () => ({}),
    'credential:get': credential,
    'credential:set': ({ token }) => {
      local?.setItem(CREDENTIAL_KEY, token);
      return { protection: 'browser' };
    },
    'credential:clear': () => {
      local?.removeItem(CREDENTIAL_KEY);
      return {};
    },
    'setup:save': async (setup) => {
      const before = await config();
      local?.setItem(SETUP_KEY, JSON.stringify(setup));
      write('info', `station set up: ${setup.stationId}`);
      const view = await config();
      if (joinsAnew(before, view) && local?.getItem(CREDENTIAL_KEY)) {
        local.removeItem(CREDENTIAL_KEY);
        write('warn', 'station credential dropped: a new server or code (re-enrolment)');
      }
      emit('config:changed', view);
      return view;
    },
    'export:deliver': () => {
      throw new BridgeError('unavailable', 'in a browser nobody asks for an export: use records:export-unsynced');
    },
  };

  return {
    invoke: (channel, request) => serveBridge(handlers, channel, request, { technicianUnlocked: () => gate.isUnlocked(now().getTime()) }) as never,
    on(event, listener) {
      if (!isEventChannel(event)) throw new Error(`no such event: ${String(event).slice(0, 64)}`);
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => {
        set.delete(listener as (payload: never) => void);
      };
    },
  };
};
