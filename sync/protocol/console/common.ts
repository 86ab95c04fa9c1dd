import { z } from 'zod';
import { dayKeySchema, localizedSchema } from '../catalogue.ts';
import { requestStatuses, type TransitionRefusal } from '../request-state.ts';
import { requestEventTypes } from '../records.ts';

/**
 * What every console message shares: where the API lives, the headers, the error body, ids, pages, periods.
 * The console is a browser app served by the central server at /console; its API is JSON under /console/api,
 * authenticated by a session cookie, every change guarded by a CSRF token. See README.md in this folder.
 */

export const CONSOLE_PATH = '/console';
export const CONSOLE_API_PREFIX = '/console/api';
/** Sent with every request that changes something: the session's token from login or GET /session. */
export const CSRF_HEADER = 'x-csrf-token';

// ---------------------------------------------------------------------------------------------- errors

export const consoleErrorCodes = [
  'bad-request',
  /** No session, or it ended (expired, logged out, logged out everywhere, the account disabled). */
  'unauthorized',
  /** Login refused: wrong login or password (one answer for both). */
  'invalid-credentials',
  /** Too many failed logins for this login name: refused until retryAfterSeconds have passed, whatever the password. */
  'account-locked',
  /** The role may not use this route (an object outside the staff member's scope answers 404, not 403). */
  'forbidden',
  /** A change without the session's CSRF token in the header, or from a foreign Origin. */
  'csrf-failed',
  'not-found',
  /** The item changed since it was read (expectedVersion), or an id is taken. */
  'conflict',
  /** The shared request state machine refused the step: `refusal` says why, in words the console shows. */
  'refused',
  'payload-too-large',
  'unsupported-media-type',
  'rate-limited',
  'unavailable',
  'internal',
] as const;
export const consoleErrorCodeSchema = z.enum(consoleErrorCodes);
export type ConsoleErrorCode = z.infer<typeof consoleErrorCodeSchema>;

const transitionRefusals = ['not-yet-submitted', 'already-submitted', 'wrong-state', 'not-allowed-for-actor'] as const satisfies readonly TransitionRefusal[];

/** Every non-2xx answer of the console API has this body. `message` is English for logs; the UI shows `error`. */
export const consoleErrorBodySchema = z.object({
  error: consoleErrorCodeSchema,
  message: z.string(),
  /** With 400: what was wrong, field by field. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** With 409 refused: the state machine's reason (an i18n key under requestState.), the status and the step. */
  refusal: z
    .object({ reason: z.enum(transitionRefusals), from: z.enum(requestStatuses).nullable(), event: z.enum(requestEventTypes) })
    .optional(),
  /** With 429 (rate-limited, account-locked): seconds until trying again makes sense (also in Retry-After). */
  retryAfterSeconds: z.number().int().min(0).optional(),
});
export type ConsoleErrorBody = z.infer<typeof consoleErrorBodySchema>;

// ---------------------------------------------------------------------------------------------- ids and values

/** Ids the centre issues for its own things (subdistricts, communities, units, members, shifts, …). */
export const slugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);
/** Ids the server makes (staff accounts, projects): UUIDv7. */
export const serverIdSchema = z.uuid({ version: 'v7' });
export const instantSchema = z.iso.datetime({ offset: true });
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
export { dayKeySchema, localizedSchema };

/** A query parameter given once or repeated (?status=a&status=b), always read as a list. */
export const listParam = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item)]).transform((value) => (Array.isArray(value) ? value : [value]) as z.output<T>[]);

/** A query flag: "true" / "false" (a browser's URLSearchParams writes booleans so). */
export const flagParam = z.enum(['true', 'false']).transform((value) => value === 'true');

// ---------------------------------------------------------------------------------------------- pages and periods

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  /** The `nextCursor` of the previous page; absent for the first. Opaque. */
  cursor: z.string().min(1).max(200).optional(),
};
/** A page ends with the cursor of the next one; null on the last page. */
export const nextCursorSchema = z.string().nullable();

/** At most a year and a day of days in one report. */
export const MAX_REPORT_DAYS = 366;
/** A range of local days, both ends included. */
export const dayRangeQuery = z
  .object({ from: dayKeySchema, to: dayKeySchema })
  .refine((range) => range.from <= range.to, { message: 'from is after to', path: ['from'] })
  .refine((range) => (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 < MAX_REPORT_DAYS, {
    message: `at most ${MAX_REPORT_DAYS} days`,
    path: ['to'],
  });

/** An empty answer to a change that has nothing more to say. */
export const okSchema = z.object({ ok: z.literal(true) });
