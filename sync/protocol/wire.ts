import { z } from 'zod';
import { centreCollectionSchema } from './centre.ts';

/**
 * The wire protocol between a kiosk and the central server: one typed map of messages (`messages` below), each
 * a JSON POST with a zod schema for its request and its response. Both ends and the tests use these schemas.
 * See README.md in this folder for the rules (sequence, epoch, versions, status codes).
 */

// ---------------------------------------------------------------------------------------------- versions

/** Sent by the client on every request in the `x-yizhan-protocol` header, and echoed by the server. */
export const PROTOCOL_VERSION = '1.0';
export const PROTOCOL_MAJOR = 1;
export const PROTOCOL_HEADER = 'x-yizhan-protocol';

export interface ProtocolVersion {
  major: number;
  minor: number;
}

export const parseProtocolVersion = (value: unknown): ProtocolVersion | null => {
  if (typeof value !== 'string') return null;
  const match = /^(\d{1,4})\.(\d{1,4})$/.exec(value.trim());
  if (!match) return null;
  return { major: Number(match[1]), minor: Number(match[2]) };
};

/** A server of this protocol understands every minor version of its own major one (minors only add fields). */
export const isSupportedProtocol = (version: ProtocolVersion): boolean => version.major === PROTOCOL_MAJOR;

// ---------------------------------------------------------------------------------------------- errors

export const errorCodes = [
  'bad-request',
  'unauthorized',
  'forbidden',
  'enrolment-refused',
  'not-found',
  'method-not-allowed',
  'payload-too-large',
  'unsupported-media-type',
  /** 426: the client's protocol major version or record schema version is too old: a technician must update it. */
  'update-required',
  /** 409: a record's schema version is newer than this server knows: keep the outbox and retry after the server is updated. */
  'schema-too-new',
  /** 409: records the server applied under this epoch differ from the ones sent: start a new epoch. */
  'outbox-diverged',
  'rate-limited',
  'unavailable',
  'internal',
] as const;
export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** Every non-2xx answer has this body. `message` is for technicians' logs, never for residents. */
export const errorBodySchema = z.object({
  error: errorCodeSchema,
  message: z.string(),
  /** With 426 and 409 schema answers: what this server accepts. */
  accepted: z
    .object({ protocol: z.string(), schemaVersions: z.object({ min: z.number().int(), max: z.number().int() }) })
    .optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

// ---------------------------------------------------------------------------------------------- shared parts

const isLoopback = (host: string) => host === '127.0.0.1' || host === 'localhost' || host === '[::1]';

/**
 * The central server a kiosk may be pointed at: https, or http only on loopback (a developer's server). No
 * credentials, query or hash; no trailing slash.
 */
export const serverUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname));
      return secure && !url.username && !url.password && !url.search && !url.hash;
    } catch {
      return false;
    }
  }, 'an https:// URL (http:// only on loopback) without credentials, query or fragment')
  .transform((value) => value.replace(/\/+$/, ''));

/** A station id as the centre issues it; the tablet's config is held to the same pattern. */
export const STATION_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const stationIdSchema = z.string().regex(STATION_ID_PATTERN);

/**
 * The outbox epoch: a random id the tablet makes when it creates its database. Sequence numbers are contiguous
 * per (station, epoch), so a wiped or re-enrolled tablet that starts its seq at 1 again is a new epoch, not a replay.
 */
export const epochSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/** A server change sequence as a decimal string ("0" before the first pull); never a timestamp. */
export const cursorSchema = z.string().regex(/^(0|[1-9]\d{0,14})$/);

export const appVersionSchema = z.string().min(1).max(64);

// ---------------------------------------------------------------------------------------------- enrolment

/** Enrolment codes are printed for a technician: letters and digits, dashes and spaces ignored. */
export const ENROLMENT_CODE_PATTERN = /^[A-Za-z0-9 -]{6,40}$/;
export const enrolmentCodeSchema = z.string().regex(ENROLMENT_CODE_PATTERN);
export const normalizeEnrolmentCode = (code: string): string => code.replace(/[\s-]/g, '').toUpperCase();

/**
 * A random id the tablet makes once, with its database, and keeps (128 bits or more, base64url). Sent with
 * enrolment, so that the same tablet asking again after a lost answer gets the same token back.
 */
export const installIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/);

export const enrolRequestSchema = z.object({ code: enrolmentCodeSchema, appVersion: appVersionSchema.optional(), installId: installIdSchema.optional() });
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;

export const stationTokenSchema = z.string().regex(/^yz1_[A-Za-z0-9_-]{43}$/);

export const enrolResponseSchema = z.object({
  stationId: stationIdSchema,
  stationName: z.string(),
  /** The station's credential: sent as `Authorization: Bearer <token>`; the server keeps only its SHA-256. */
  token: stationTokenSchema,
});
export type EnrolResponse = z.infer<typeof enrolResponseSchema>;

export const rotateTokenRequestSchema = z.object({ stationId: stationIdSchema });
export type RotateTokenRequest = z.infer<typeof rotateTokenRequestSchema>;
/** The old token keeps working until the new one is first used, so a lost answer does not lock the tablet out. */
export const rotateTokenResponseSchema = z.object({ token: stationTokenSchema });
export type RotateTokenResponse = z.infer<typeof rotateTokenResponseSchema>;

// ---------------------------------------------------------------------------------------------- push

export const MAX_PUSH_ENTRIES = 500;

/**
 * How deeply a request body may nest arrays and objects. A push nests 4 levels around a record (body, entries,
 * entry, record) and no record more than 2 inside; anything deeper is refused with 400 before it is parsed.
 */
export const MAX_JSON_DEPTH = 32;

export const pushEntrySchema = z.object({
  /** The record's place in the outbox: 1, 2, 3 … per epoch, without gaps. */
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  /** Validated record by record on the server: a record that fails goes to the dead letters, not the batch. */
  record: z.unknown(),
});
export type PushEntry = z.infer<typeof pushEntrySchema>;

export const pushRequestSchema = z
  .object({
    stationId: stationIdSchema,
    epoch: epochSchema,
    /** The record schema version the client writes (RECORD_SCHEMA_VERSION); each record carries its own `v`. */
    schemaVersion: z.number().int().min(0).max(10_000),
    entries: z.array(pushEntrySchema).min(1).max(MAX_PUSH_ENTRIES),
  })
  .refine((push) => push.entries.every((entry, i) => i === 0 || entry.seq > push.entries[i - 1]!.seq), {
    message: 'entries must be in strictly increasing seq order',
    path: ['entries'],
  });
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const deadLetterReasons = [
  /** The record fails the record schema (after upgrading). */
  'invalid-record',
  /** The record names another station than the one whose token pushed it. */
  'wrong-station',
  /** The record's id already belongs to another station's record. */
  'id-conflict',
  /** A request event names a request this station never pushed. */
  'unknown-request',
  /** A request event the state machine refuses; `detail` is the TransitionRefusal (an i18n key under requestState.). */
  'illegal-transition',
  /** The record's `v` is older than this server accepts (the client's own schemaVersion is fine). */
  'schema-too-old',
  /** The record's `v` is newer than this server knows (the client's own schemaVersion is fine). */
  'schema-too-new',
  /** This station already has a record with this id and other content: both versions are kept for staff to see. */
  'content-conflict',
] as const;
export const deadLetterReasonSchema = z.enum(deadLetterReasons);
export type DeadLetterReason = z.infer<typeof deadLetterReasonSchema>;

/**
 * Names a newer centre may send that this version does not know (a dead-letter reason, a centre collection). The
 * centre is upgraded before its tablets: an answer must not fail whole for one new name, or every kiosk of the
 * district would stop pushing or pulling until its own update. The kiosk shows an unknown reason as "other" and
 * skips a collection it has no table for.
 */
const laterName = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/);

export const ackDeadLetterSchema = z.object({
  seq: z.number().int().min(1),
  id: z.string().nullable(),
  reason: z.union([deadLetterReasonSchema, laterName]),
  detail: z.string().nullable(),
});
export type AckDeadLetter = z.infer<typeof ackDeadLetterSchema>;

/**
 * The acknowledgement. The same batch pushed twice gets the same answer.
 * `appliedSeq` is the highest seq of this epoch the server has applied (stored or dead-lettered); the client sets
 * its pushed high-water mark to it and resends from appliedSeq + 1 (after a gap, it is below the batch).
 */
export const pushResponseSchema = z.object({
  epoch: epochSchema,
  appliedSeq: z.number().int().min(0),
  /** Entries of this batch that can never be accepted: acknowledged, kept on the server with their reason. */
  deadLetters: z.array(ackDeadLetterSchema),
  /** The server's clock as it answered, so every sync measures the tablet's clock (absent from older servers). */
  serverTime: z.iso.datetime().optional(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

// ---------------------------------------------------------------------------------------------- pull

export const MAX_PULL_LIMIT = 1000;
export const DEFAULT_PULL_LIMIT = 500;

export const pullRequestSchema = z.object({
  stationId: stationIdSchema,
  cursor: cursorSchema,
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT).optional(),
  /**
   * True on every page of a full read: one that started at cursor "0" with no centre-born data held (the first
   * sync, or after a reset). The read's own cursors may be below the tombstone horizon without being stale: the
   * station holds nothing it could have missed a deletion of. Without it, such a read would be reset at page 2.
   */
  fullRead: z.boolean().optional(),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

const changeBase = { seq: cursorSchema, collection: z.union([centreCollectionSchema, laterName]), id: z.string().min(1).max(128) };
export const changeSchema = z.discriminatedUnion('op', [
  z.object({ ...changeBase, op: z.literal('put'), value: z.unknown().refine((v) => v !== undefined, 'value required') }),
  /** A tombstone: the entry was withdrawn. */
  z.object({ ...changeBase, op: z.literal('delete') }),
]);
export type Change = z.infer<typeof changeSchema>;

/**
 * Changes in server order. `cursor` is where the next pull starts. With `reset`, the station's cursor was older
 * than the tombstone horizon (or unknown to this server): drop every centre-born entry and read again from "0"
 * with fullRead: true until a page says hasMore: false.
 */
export const pullResponseSchema = z.object({
  changes: z.array(changeSchema),
  cursor: cursorSchema,
  hasMore: z.boolean(),
  reset: z.boolean(),
  /** The server's clock as it answered, as in the push's answer. */
  serverTime: z.iso.datetime().optional(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

// ---------------------------------------------------------------------------------------------- heartbeat

const MAX_OFFSET_MS = 200 * 365 * 86_400_000;
export const heartbeatRequestSchema = z.object({
  stationId: stationIdSchema,
  appVersion: appVersionSchema,
  /** Outbox entries above the pushed high-water mark. */
  recordsWaiting: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  /** navigator.storage.estimate(), in bytes; null where the browser does not tell. */
  storageUsed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable(),
  storageQuota: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable(),
  /** How fast storageUsed grows, bytes a day over the tablet's last 30 days; null until it has a day's span, absent from older kiosks. */
  storageGrowthPerDay: z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER).nullable().optional(),
  lastError: z.string().max(500).nullable(),
  /** The tablet's clock minus the server's, as the client last measured it (ms); null before the first answer. */
  clockOffsetMs: z.number().int().min(-MAX_OFFSET_MS).max(MAX_OFFSET_MS).nullable(),
  /**
   * Records the centre refused (dead letters) that no technician at the tablet has acknowledged yet; absent from
   * older kiosks.
   */
  deadLetters: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  /** The tablet's clock when it sent this. */
  sentAt: z.iso.datetime({ offset: true }),
});
export type HeartbeatRequest = z.infer<typeof heartbeatRequestSchema>;

/** The server's clock, so the client can measure its offset. */
export const heartbeatResponseSchema = z.object({ serverTime: z.iso.datetime() });
export type HeartbeatResponse = z.infer<typeof heartbeatResponseSchema>;

// ---------------------------------------------------------------------------------------------- the map

/** Every message, by name: both ends derive their calls from this map, so neither can name one that does not exist. */
export const messages = {
  enrol: { path: '/api/enrol', auth: false, request: enrolRequestSchema, response: enrolResponseSchema },
  rotateToken: { path: '/api/rotate-token', auth: true, request: rotateTokenRequestSchema, response: rotateTokenResponseSchema },
  push: { path: '/api/push', auth: true, request: pushRequestSchema, response: pushResponseSchema },
  pull: { path: '/api/pull', auth: true, request: pullRequestSchema, response: pullResponseSchema },
  heartbeat: { path: '/api/heartbeat', auth: true, request: heartbeatRequestSchema, response: heartbeatResponseSchema },
} as const;
export type MessageName = keyof typeof messages;
export type MessageRequest<K extends MessageName> = z.input<(typeof messages)[K]['request']>;
export type MessageResponse<K extends MessageName> = z.output<(typeof messages)[K]['response']>;

/** Seconds a client should wait after 429 or 503 when the answer carries no Retry-After. */
export const DEFAULT_RETRY_AFTER_SECONDS = 30;
