import { z } from 'zod';
import { actors, requestEventTypes, requestKinds, requestNumberSchema, requestTargetSchema } from '../records.ts';
import { requestStatuses } from '../request-state.ts';
import { stationIdSchema } from '../wire.ts';
import { instantSchema, listParam, nextCursorSchema, pageQuery, serverIdSchema, slugSchema } from './common.ts';

/**
 * The request loop at the centre (群众点单 → 社区派单 → 单位接单): an inbox of the requests of the stations in
 * scope, a request's detail with its timeline, and the steps staff take, each through the shared state machine
 * (request-state.ts). A refused step answers 409 `refused` with the machine's reason.
 */

const requestIdSchema = z.uuid({ version: 'v7' });

export const requestSummarySchema = z.object({
  id: requestIdSchema,
  stationId: z.string(),
  communityId: z.string().nullable(),
  /** The resident's receipt number as printed (7 or 8 digits, records.ts requestNumberSchema). */
  number: z.string(),
  kind: z.enum(requestKinds),
  category: z.string(),
  /** null until its submit event arrived (a request and its submit travel in one push as a rule). */
  status: z.enum(requestStatuses).nullable(),
  /** The tablet's time of the request. */
  submittedAt: instantSchema,
  /** When the server changed it last. */
  updatedAt: instantSchema,
  dispatchedTo: requestTargetSchema.nullable(),
  takenBy: requestTargetSchema.nullable(),
  /** The resident's rating (1–5) once rated. */
  rating: z.number().int().min(1).max(5).nullable(),
  doneAt: instantSchema.nullable(),
  /** submittedAt + the community's target hours. */
  dueAt: instantSchema.nullable(),
  /** Still open (submitted, dispatched, taken, reopened) past dueAt. */
  overdue: z.boolean(),
});
export type RequestSummary = z.infer<typeof requestSummarySchema>;

export const openStatuses = ['submitted', 'dispatched', 'taken', 'reopened'] as const;

export const inboxQuerySchema = z.object({
  status: listParam(z.enum(requestStatuses)).optional(),
  stationId: listParam(stationIdSchema).optional(),
  kind: listParam(z.enum(requestKinds)).optional(),
  communityId: slugSchema.optional(),
  /** Only requests submitted at least this many hours ago. */
  minAgeHours: z.coerce.number().int().min(0).max(24 * 366).optional(),
  /** Only requests submitted at most this many hours ago. */
  maxAgeHours: z.coerce.number().int().min(0).max(24 * 366).optional(),
  overdue: z.enum(['true']).optional(),
  /** A unit lead's inbox is always their unit's; staff may ask for one unit's. */
  unitId: slugSchema.optional(),
  /** newest (default) or oldest submitted first. */
  sort: z.enum(['newest', 'oldest']).default('newest'),
  ...pageQuery,
});
export type InboxQuery = z.input<typeof inboxQuerySchema>;
export const inboxResponseSchema = z.object({
  requests: z.array(requestSummarySchema),
  nextCursor: nextCursorSchema,
  /** Open requests past their due time in scope (whatever the filter): the inbox's alarm count. */
  overdueCount: z.number().int().min(0),
});

/** Every request in scope with this receipt number, newest first (numbers repeat across stations and years). */
export const byNumberParams = z.object({ number: requestNumberSchema });
export const byNumberResponseSchema = z.object({ requests: z.array(requestSummarySchema) });

export const timelineEntrySchema = z.object({
  id: z.string(),
  type: z.enum(requestEventTypes),
  actor: z.enum(actors),
  /** The tablet's time for kiosk events, the server's for the centre's. */
  at: instantSchema,
  /** When the centre received it: beside `at` because a tablet's clock can be wrong, and an offline one sends late. */
  receivedAt: instantSchema,
  /** The tablet's clock offset (ms) when it was made, if it was off enough to flag (records.ts clockSkewMs). */
  clockSkewMs: z.number().int().nullable(),
  source: z.enum(['kiosk', 'centre']),
  memberId: slugSchema.nullable(),
  unitId: slugSchema.nullable(),
  target: requestTargetSchema.nullable(),
  note: z.string().nullable(),
  rating: z.number().int().min(1).max(5).nullable(),
  /** The staff member who took a centre step; unitId when a partner unit's lead took it, not the community. */
  staff: z.object({ id: serverIdSchema, name: z.string(), unitId: slugSchema.nullable() }).nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const requestDetailSchema = z.object({
  request: requestSummarySchema,
  phrases: z.array(z.string()),
  /** What the resident typed; null when there was none or retention purged it. */
  text: z.string().nullable(),
  /** Masked (王**, 138****5678): POST …/contact shows it in full, and the audit log says who looked. */
  contact: z.object({ name: z.string().nullable(), phone: z.string().nullable() }).nullable(),
  /** Events the server applied, in its order. */
  timeline: z.array(timelineEntrySchema),
  /** Service projects the request belongs to. */
  projectIds: z.array(serverIdSchema),
  /**
   * Other requests of this station holding the same number, oldest first. A number never repeats at a station
   * while its tablets' clocks are roughly right (sync/protocol/README.md, receipt numbers); when one lagged, the
   * centre stores both and flags them here, so staff check the resident's slip before acting on either.
   */
  sameNumber: z.array(requestIdSchema),
});
export type RequestDetail = z.infer<typeof requestDetailSchema>;

export const requestParams = z.object({ requestId: requestIdSchema });
export const revealContactResponseSchema = z.object({ name: z.string().nullable(), phone: z.string().nullable() });

const note = z.string().trim().min(1).max(500);

/**
 * A step by staff. dispatch: to a partner unit or a member (派单), again to another while nobody has taken it.
 * take: for a unit or a member (`for`; a unit lead always takes for their unit). complete, handover (back to
 * the queue of the unit it was dispatched to), cancel and reopen (with a note saying why), note.
 * A unit lead may take, complete, hand over and note requests dispatched to their unit, nothing else.
 */
export const requestActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('dispatch'), target: requestTargetSchema, note: note.optional() }),
  z.object({ type: z.literal('take'), for: requestTargetSchema.optional(), note: note.optional() }),
  z.object({ type: z.literal('complete'), note: note.optional() }),
  z.object({ type: z.literal('handover'), note }),
  z.object({ type: z.literal('cancel'), note }),
  z.object({ type: z.literal('reopen'), note }),
  z.object({ type: z.literal('note'), note }),
]);
export type RequestAction = z.infer<typeof requestActionSchema>;
export const requestActionResponseSchema = requestDetailSchema;

// ---------------------------------------------------------------------------------------------- live updates

/**
 * GET /console/api/live is a server-sent event stream. Each `request` event says a request in the staff member's
 * scope changed (a station pushed, someone dispatched); the console refetches what it shows. The event id is the
 * server's change sequence: EventSource resends it as Last-Event-ID after a reconnect and nothing is missed.
 * A comment line every 20 s keeps proxies from closing the stream.
 */
export const LIVE_EVENT_REQUEST = 'request';
export const liveRequestEventSchema = z.object({
  requestId: requestIdSchema,
  stationId: z.string(),
  status: z.enum(requestStatuses).nullable(),
  at: instantSchema,
});
export type LiveRequestEvent = z.infer<typeof liveRequestEventSchema>;
