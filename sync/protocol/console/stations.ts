import { z } from 'zod';
import { deadLetterReasons, stationIdSchema, stationTokenSchema } from '../wire.ts';
import { flagParam, instantSchema, serverIdSchema, slugSchema } from './common.ts';
import { stationSchema } from './organisation.ts';

/**
 * Keeping stations healthy from the console: a board from heartbeats, enrolment codes (one, or a printed sheet
 * for a rollout), revoking and rotating tokens, and the dead letters a station's pushes left, reviewed and marked
 * resolved.
 */

/** A station whose last heartbeat is older than this is offline. Tablets beat every few minutes. */
export const ONLINE_WINDOW_SECONDS = 15 * 60;
/** Silent for longer than this: the board makes it stand out. */
export const SILENT_AFTER_SECONDS = 24 * 60 * 60;
/** Storage that fills within this many days at its present growth: the board makes it stand out. */
export const STORAGE_FULL_WARN_DAYS = 30;

export const stationHealthSchema = z.object({
  station: stationSchema,
  online: z.boolean(),
  /** Online: since when without a gap longer than the online window; offline: when it was last heard. */
  since: instantSchema.nullable(),
  /** Not heard from for more than SILENT_AFTER_SECONDS (or never, once enrolled). */
  silent: z.boolean(),
  heartbeat: z
    .object({
      appVersion: z.string(),
      recordsWaiting: z.number().int(),
      storageUsed: z.number().nullable(),
      storageQuota: z.number().nullable(),
      /** Quota minus used, in bytes. */
      storageLeft: z.number().nullable(),
      /** Bytes a day over the tablet's last 30 days, as it measured them; null until it has a day's span, or from older kiosks. */
      storageGrowthPerDay: z.number().nullable(),
      /** Days until storage is full at that growth; null when it does not grow or is not known. */
      storageFullInDays: z.number().nullable(),
      /**
       * Records the centre refused that still wait for a technician at the tablet, as the tablet counts them (its
       * status line says "待工作人员核对" while any do); null from kiosks that do not send it.
       */
      deadLetters: z.number().int().min(0).nullable(),
      /** The tablet's clock minus the server's, as the tablet measured it (ms). */
      clockSkewMs: z.number().int().nullable(),
      lastError: z.string().nullable(),
      sentAt: instantSchema,
      receivedAt: instantSchema,
    })
    .nullable(),
  unresolvedDeadLetters: z.number().int().min(0),
});
export type StationHealth = z.infer<typeof stationHealthSchema>;
export const stationHealthQuerySchema = z.object({ communityId: slugSchema.optional() });
export const stationHealthListSchema = z.object({ stations: z.array(stationHealthSchema), serverTime: instantSchema });

const hours = z.number().int().min(1).max(24 * 365).default(72);
export const enrolmentCodeRequestSchema = z.object({ hours });
export const enrolmentCodeSchema = z.object({ stationId: stationIdSchema, stationName: z.string(), code: z.string(), expiresAt: instantSchema });
export const enrolmentCodeResponseSchema = z.object({ code: enrolmentCodeSchema });
/**
 * Codes for many stations at once, to print as a sheet for a rollout. Enrolled or revoked stations are skipped
 * unless asked for (a code re-enrols: a tablet using it replaces the station's working one).
 */
export const enrolmentSheetRequestSchema = z.object({
  stationIds: z.array(stationIdSchema).min(1).max(500),
  hours,
  includeEnrolled: z.boolean().default(false),
});
export const enrolmentSheetResponseSchema = z.object({
  codes: z.array(enrolmentCodeSchema),
  skipped: z.array(z.object({ stationId: stationIdSchema, reason: z.enum(['enrolled', 'revoked']) })),
});

/** A new token for the station, shown once; every older token is refused from now on (re-enter it on the tablet). */
export const rotateStationTokenResponseSchema = z.object({ stationId: stationIdSchema, token: stationTokenSchema });
export const revokeStationResponseSchema = z.object({ station: stationSchema });

export const deadLetterSchema = z.object({
  stationId: stationIdSchema,
  epoch: z.string(),
  seq: z.number().int(),
  recordId: z.string().nullable(),
  kind: z.string().nullable(),
  reason: z.enum(deadLetterReasons),
  detail: z.string().nullable(),
  /** The entry as it arrived; null once retention purged it. */
  payload: z.unknown(),
  /**
   * For a content conflict: the version stored under the same record id, which the one set aside (payload)
   * differs from, for staff to compare; null for other reasons. Its personal fields go with retention.
   */
  stored: z.unknown(),
  receivedAt: instantSchema,
  resolution: z
    .object({ at: instantSchema, note: z.string(), staff: z.object({ id: serverIdSchema, name: z.string() }).nullable() })
    .nullable(),
});
export type DeadLetter = z.infer<typeof deadLetterSchema>;
export const deadLetterQuerySchema = z.object({ stationId: stationIdSchema.optional(), resolved: flagParam.optional() });
export const deadLetterListSchema = z.object({ deadLetters: z.array(deadLetterSchema) });
export const resolveDeadLetterRequestSchema = z.object({
  stationId: stationIdSchema,
  epoch: z.string().min(1).max(64),
  seq: z.number().int().min(1),
  note: z.string().trim().min(1).max(500),
});
export const resolveDeadLetterResponseSchema = z.object({ deadLetter: deadLetterSchema });
