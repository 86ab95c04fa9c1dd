import { z } from 'zod';
import { configSources, featureSchema, idleOverridesSchema, localeSchema, stationConfigLayerSchema } from './config.ts';
import { openingScheduleSchema } from './opening-hours.ts';
import { PIN_PATTERN, type UnlockResult } from './technician.ts';

/**
 * The `window.kiosk` contract: every message between the renderer and the shell, as one typed map of zod
 * schemas. The preload and the main process validate with it (both directions), and the renderer's web
 * fallback implements the same map, so the browser and the kiosk run the same code.
 */

const isoTime = z.iso.datetime({ offset: true });
const done = z.strictObject({});
const empty = z.strictObject({});

export const updateStatuses = ['idle', 'checking', 'downloading', 'ready', 'installing', 'error', 'disabled'] as const;
export const updateStateSchema = z.strictObject({
  status: z.enum(updateStatuses),
  /** The version being downloaded, ready or installing. */
  version: z.string().max(64).nullable(),
  percent: z.number().min(0).max(100).nullable(),
  checkedAt: isoTime.nullable(),
  message: z.string().max(500).nullable(),
});
export type UpdateState = z.infer<typeof updateStateSchema>;

export const storageLevels = ['ok', 'low', 'critical', 'unknown'] as const;
export const storageHealthSchema = z.strictObject({
  level: z.enum(storageLevels),
  /** Free and total bytes of the disk holding the app's data (shell), or the origin's quota (browser). */
  freeBytes: z.number().nonnegative().nullable(),
  totalBytes: z.number().nonnegative().nullable(),
  /** What this origin stores, per `navigator.storage.estimate()`. */
  usageBytes: z.number().nonnegative().nullable(),
  persisted: z.boolean().nullable(),
  /** A probe file could be written, flushed, read back and removed. */
  writable: z.boolean().nullable(),
  checkedAt: isoTime,
  message: z.string().max(500).nullable(),
});
export type StorageHealth = z.infer<typeof storageHealthSchema>;

export const shells = ['electron', 'web'] as const;

/** The station config as the renderer sees it: everything but the technician's PIN hash. */
export const publicConfigSchema = z.strictObject({
  shell: z.enum(shells),
  provisioned: z.boolean(),
  stationId: z.string().nullable(),
  stationName: z.string().nullable(),
  serverUrl: z.string().nullable(),
  enrolmentCode: z.string().nullable(),
  locale: localeSchema,
  idle: idleOverridesSchema,
  features: z.record(featureSchema, z.boolean()),
  technicianPinSet: z.boolean(),
  sources: z.array(z.enum(configSources)),
  problems: z.array(z.string().max(500)).max(20),
});
export type PublicConfig = z.infer<typeof publicConfigSchema>;

export const credentialProtections = ['os-keystore', 'basic-text', 'plain-file', 'browser', 'none'] as const;
export const credentialProtectionSchema = z.enum(credentialProtections);
export type CredentialProtection = z.infer<typeof credentialProtectionSchema>;

export const diagnosticsSchema = z.strictObject({
  shell: z.enum(shells),
  appVersion: z.string().max(64),
  /** electron / chrome / node in the shell; the user agent in the browser. */
  versions: z.record(z.string(), z.string().max(300)),
  platform: z.string().max(64),
  arch: z.string().max(64),
  uptimeSeconds: z.number().nonnegative(),
  kioskMode: z.boolean(),
  stationId: z.string().nullable(),
  storage: storageHealthSchema,
  credential: credentialProtectionSchema,
  update: updateStateSchema,
  configProblems: z.array(z.string().max(500)).max(20),
  recentLog: z.array(z.string().max(2000)).max(500),
});
export type Diagnostics = z.infer<typeof diagnosticsSchema>;

export const unlockResultSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), expiresAt: isoTime }),
  z.strictObject({
    ok: z.literal(false),
    reason: z.enum(['wrong-pin', 'locked-out', 'not-configured']),
    attemptsLeft: z.number().int().nonnegative().nullable(),
    retryAt: isoTime.nullable(),
  }),
]);
export type UnlockResponse = z.infer<typeof unlockResultSchema>;

/** The gate's answer as it crosses the bridge (times as ISO strings), the same from the shell and the web fallback. */
export const toUnlockResponse = (result: UnlockResult): UnlockResponse =>
  result.ok
    ? { ok: true, expiresAt: new Date(result.expiresAt).toISOString() }
    : {
        ok: false,
        reason: result.reason,
        attemptsLeft: result.reason === 'wrong-pin' ? result.attemptsLeft : null,
        retryAt: result.reason === 'locked-out' ? new Date(result.retryAt).toISOString() : null,
      };

export const technicianStatusSchema = z.strictObject({ unlocked: z.boolean(), expiresAt: isoTime.nullable(), lockedUntil: isoTime.nullable() });

export const exportedFileSchema = z.strictObject({
  fileName: z.string().min(1).max(200),
  /** Where the shell wrote it; null when the browser downloaded it. */
  path: z.string().max(4096).nullable(),
  bytes: z.number().int().nonnegative(),
  count: z.number().int().nonnegative(),
});
export type ExportedFile = z.infer<typeof exportedFileSchema>;

/** The outbox above the pushed high-water mark, as kept on disk before an update (and on a technician's request). */
export const unsyncedExportSchema = z.strictObject({
  format: z.literal('yizhan-unsynced-v1'),
  exportedAt: isoTime,
  stationId: z.string().nullable(),
  pushedSeq: z.number().int().nonnegative(),
  records: z.array(
    z.strictObject({
      seq: z.number().int().positive(),
      kind: z.string().min(1).max(64),
      id: z.string().min(1).max(64),
      record: z.record(z.string(), z.unknown()),
    }),
  ),
});
export type UnsyncedExport = z.infer<typeof unsyncedExportSchema>;

/** A setup written by the first-run screen: the fields a technician types in on the tablet. */
export const setupSchema = stationConfigLayerSchema
  .pick({ stationId: true, stationName: true, serverUrl: true, enrolmentCode: true, locale: true })
  .required({ stationId: true, stationName: true, serverUrl: true, enrolmentCode: true });
export type Setup = z.infer<typeof setupSchema>;

interface InvokeSpec {
  request: z.ZodType;
  response: z.ZodType;
  /** Only while a technician session is open (PIN entered). */
  technician?: true;
}

/** Renderer → shell calls: channel → request schema → response schema. */
export const invokes = {
  'config:get': { request: empty, response: publicConfigSchema },
  'diagnostics:get': { request: z.strictObject({ logLines: z.number().int().min(0).max(500).optional() }), response: diagnosticsSchema },
  'update:get': { request: empty, response: updateStateSchema },
  'update:check': { request: empty, response: updateStateSchema, technician: true },
  'technician:unlock': { request: z.strictObject({ pin: z.string().regex(PIN_PATTERN) }), response: unlockResultSchema },
  /**
   * Sets the technician PIN and opens a session with it. At first run, while the station has no PIN, anyone at
   * the tablet may (a tablet without a PIN shows only the first-run screen); after that, only within a session.
   */
  'technician:set-pin': { request: z.strictObject({ pin: z.string().regex(PIN_PATTERN) }), response: z.strictObject({ expiresAt: isoTime }) },
  'technician:lock': { request: empty, response: done },
  'technician:status': { request: empty, response: technicianStatusSchema },
  'kiosk:restart': { request: empty, response: done, technician: true },
  'kiosk:leave': { request: empty, response: done, technician: true },
  'logs:export': { request: empty, response: exportedFileSchema, technician: true },
  'logs:write': { request: z.strictObject({ level: z.enum(['info', 'warn', 'error']), message: z.string().min(1).max(2000) }), response: done },
  'records:export-unsynced': { request: empty, response: exportedFileSchema, technician: true },
  /** The renderer says whether a resident is using it (false) or it sits between residents (true). */
  'activity:report': { request: z.strictObject({ idle: z.boolean() }), response: done },
  /** The renderer passes on the opening hours from the synced station settings. */
  'schedule:report': { request: z.strictObject({ schedule: openingScheduleSchema }), response: done },
  'credential:get': { request: empty, response: z.strictObject({ token: z.string().nullable(), protection: credentialProtectionSchema }) },
  'credential:set': { request: z.strictObject({ token: z.string().min(16).max(4096) }), response: z.strictObject({ protection: credentialProtectionSchema }) },
  'credential:clear': { request: empty, response: done, technician: true },
  'setup:save': { request: setupSchema, response: publicConfigSchema, technician: true },
  /** The renderer's answer to an `export:request` event. */
  'export:deliver': { request: z.strictObject({ requestId: z.uuid(), export: unsyncedExportSchema }), response: done },
} as const satisfies Record<string, InvokeSpec>;

/** Shell → renderer events: channel → payload schema. */
export const events = {
  'update:state': updateStateSchema,
  'storage:warning': storageHealthSchema,
  /** The technician's keyboard combination was pressed: open the PIN pad. */
  'technician:requested': empty,
  /** Answer with `export:deliver` (same requestId) carrying the unsynced records. */
  'export:request': z.strictObject({ requestId: z.uuid() }),
  'config:changed': publicConfigSchema,
} as const satisfies Record<string, z.ZodType>;

export type InvokeChannel = keyof typeof invokes;
export type EventChannel = keyof typeof events;
export type RequestOf<C extends InvokeChannel> = z.input<(typeof invokes)[C]['request']>;
export type ParsedRequestOf<C extends InvokeChannel> = z.output<(typeof invokes)[C]['request']>;
export type ResponseOf<C extends InvokeChannel> = z.output<(typeof invokes)[C]['response']>;
export type PayloadOf<E extends EventChannel> = z.output<(typeof events)[E]>;
/** A channel whose request is empty may be called without one. */
export type RequestArgs<C extends InvokeChannel> = Record<string, never> extends RequestOf<C> ? [request?: RequestOf<C>] : [request: RequestOf<C>];

export const isInvokeChannel = (value: unknown): value is InvokeChannel => typeof value === 'string' && Object.hasOwn(invokes, value);
export const isEventChannel = (value: unknown): value is EventChannel => typeof value === 'string' && Object.hasOwn(events, value);
export const needsTechnician = (channel: InvokeChannel): boolean => 'technician' in invokes[channel];

export const bridgeErrorCodes = ['unknown-channel', 'invalid-request', 'invalid-response', 'forbidden-sender', 'technician-required', 'unavailable', 'failed'] as const;
export type BridgeErrorCode = (typeof bridgeErrorCodes)[number];

/** Every answer crosses the boundary as an envelope, so an error keeps its code (thrown errors lose it in IPC). */
export const envelopeSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), value: z.unknown() }),
  z.strictObject({ ok: z.literal(false), code: z.enum(bridgeErrorCodes), message: z.string().max(2000) }),
]);
export type Envelope<T> = { ok: true; value: T } | { ok: false; code: BridgeErrorCode; message: string };

export class BridgeError extends Error {
  constructor(
    readonly code: BridgeErrorCode,
    message: string = code,
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}

export const failure = (code: BridgeErrorCode, message: string = code): Envelope<never> => ({ ok: false, code, message: message.slice(0, 2000) });

/** What `window.kiosk` is: the preload's object in the shell, the web fallback's in a browser. */
export interface KioskApi {
  invoke<C extends InvokeChannel>(channel: C, request?: RequestOf<C>): Promise<Envelope<ResponseOf<C>>>;
  /** Subscribes to a shell event; returns the unsubscribe function. */
  on<E extends EventChannel>(event: E, listener: (payload: PayloadOf<E>) => void): () => void;
}

/** Handlers for every invoke channel, on the serving side (main process or web fallback). */
export type BridgeHandlers = { [C in InvokeChannel]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C> };

/** The serving half, shared by the main process and the web fallback: validate, gate, call, validate again. */
export const serveBridge = async (
  handlers: BridgeHandlers,
  channel: unknown,
  raw: unknown,
  gate: { technicianUnlocked(): boolean },
): Promise<Envelope<unknown>> => {
  if (!isInvokeChannel(channel)) return failure('unknown-channel', `no such channel: ${String(channel).slice(0, 64)}`);
  const spec: InvokeSpec = invokes[channel];
  const request = spec.request.safeParse(raw ?? {});
  if (!request.success) return failure('invalid-request', z.prettifyError(request.error));
  if (spec.technician && !gate.technicianUnlocked()) return failure('technician-required', `${channel} needs the technician's PIN`);
  try {
    const handler = handlers[channel] as (r: unknown) => unknown;
    const response = spec.response.safeParse(await handler(request.data));
    if (!response.success) return failure('invalid-response', z.prettifyError(response.error));
    return { ok: true, value: response.data };
  } catch (error) {
    return error instanceof BridgeError ? failure(error.code, error.message) : failure('failed', error instanceof Error ? error.message : String(error));
  }
};

/** Checks an envelope that came back over the boundary, and the value inside it against the channel's schema. */
export const checkEnvelope = <C extends InvokeChannel>(channel: C, raw: unknown): Envelope<ResponseOf<C>> => {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return failure('invalid-response', 'malformed envelope');
  if (!envelope.data.ok) return envelope.data;
  const value = invokes[channel].response.safeParse(envelope.data.value);
  return value.success ? { ok: true, value: value.data as ResponseOf<C> } : failure('invalid-response', z.prettifyError(value.error));
};

/** The calling half's request check (the preload, and the web fallback before it serves). */
export const checkRequest = (channel: unknown, raw: unknown): Envelope<{ channel: InvokeChannel; request: unknown }> => {
  if (!isInvokeChannel(channel)) return failure('unknown-channel', `no such channel: ${String(channel).slice(0, 64)}`);
  const request = invokes[channel].request.safeParse(raw ?? {});
  return request.success ? { ok: true, value: { channel, request: request.data } } : failure('invalid-request', z.prettifyError(request.error));
};

export const checkEvent = <E extends EventChannel>(event: E, raw: unknown): PayloadOf<E> | null => {
  const payload = events[event].safeParse(raw);
  return payload.success ? (payload.data as PayloadOf<E>) : null;
};

/** What the renderer's code uses: typed calls that return the value or throw a BridgeError with its code. */
export interface KioskBridge {
  readonly shell: (typeof shells)[number];
  call<C extends InvokeChannel>(channel: C, ...request: RequestArgs<C>): Promise<ResponseOf<C>>;
  on<E extends EventChannel>(event: E, listener: (payload: PayloadOf<E>) => void): () => void;
}

export const bridgeClient = (api: KioskApi, shell: KioskBridge['shell']): KioskBridge => ({
  shell,
  async call(channel, ...args) {
    const envelope = checkEnvelope(channel, await api.invoke(channel, args[0]));
    if (!envelope.ok) throw new BridgeError(envelope.code, envelope.message);
    return envelope.value;
  },
  on(event, listener) {
    return api.on(event, (payload) => {
      const checked = checkEvent(event, payload);
      if (checked !== null) listener(checked);
    });
  },
});
