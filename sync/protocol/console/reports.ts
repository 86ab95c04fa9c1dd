import { z } from 'zod';
import { visitorTypes, requestKinds } from '../records.ts';
import { stationIdSchema } from '../wire.ts';
import { dayKeySchema, dayRangeQuery, instantSchema, monthSchema, serverIdSchema, slugSchema } from './common.ts';
import { communitySchema } from './organisation.ts';

/**
 * Reports, read from counters the server keeps as records arrive (in the push transaction), never by scanning a
 * year of records. Days are the stations' local days (UTC+8). Every report has a CSV twin (UTF-8 with a byte
 * order mark, so Excel opens Chinese intact).
 */

/** Which stations a report covers: one station, one community's, or all in the staff member's scope. */
const where = { communityId: slugSchema.optional(), stationId: stationIdSchema.optional() };
export const reportQuerySchema = dayRangeQuery.and(z.object(where));
export type ReportQuery = z.input<typeof reportQuerySchema>;

const count = z.number().int().min(0);

export const visitsReportSchema = z.object({
  total: count,
  byDay: z.array(z.object({ day: dayKeySchema, visits: count })),
  byStation: z.array(z.object({ stationId: z.string(), visits: count })),
  /** Purpose: a service category id of the catalogue. */
  byPurpose: z.array(z.object({ purpose: z.string(), visits: count })),
  byVisitor: z.array(z.object({ who: z.enum(visitorTypes), visits: count })),
});
export type VisitsReport = z.infer<typeof visitsReportSchema>;

export const servicesReportSchema = z.object({
  /** Referrals made per service (事务代办 / 转介), and bill payments per utility. */
  byService: z.array(z.object({ serviceId: z.string(), referrals: count })),
  bills: z.array(z.object({ utility: z.string(), referrals: count })),
  /** Amenities used or lent (umbrellas, hot water, charging…). */
  amenities: z.array(z.object({ amenityId: z.string(), used: count, lent: count, returned: count })),
  feedback: z.object({ count, averageRating: z.number().nullable() }),
});
export type ServicesReport = z.infer<typeof servicesReportSchema>;

export const referralsReportSchema = z.object({
  total: count,
  /** Outcomes as the volunteers recorded them; a referral may still be waiting. */
  outcomes: z.object({ done: count, passedOn: count, noShow: count }),
  byService: z.array(z.object({ serviceId: z.string(), referrals: count, done: count, passedOn: count, noShow: count })),
  byDay: z.array(z.object({ day: dayKeySchema, referrals: count })),
});
export type ReferralsReport = z.infer<typeof referralsReportSchema>;

/** Hours from submission to done, in buckets. */
export const doneBuckets = ['under-1d', 'under-3d', 'under-7d', 'over-7d'] as const;
export const requestsReportSchema = z.object({
  byKind: z.array(
    z.object({
      kind: z.enum(requestKinds),
      submitted: count,
      done: count,
      /** Mean hours from submission to done of those done in the range; null when none. */
      meanHoursToDone: z.number().nullable(),
      buckets: z.record(z.enum(doneBuckets), count),
      ratings: count,
      averageRating: z.number().nullable(),
    }),
  ),
  byDay: z.array(z.object({ day: dayKeySchema, submitted: count, done: count })),
});
export type RequestsReport = z.infer<typeof requestsReportSchema>;

// ---------------------------------------------------------------------------------------------- volunteer hours

/** Hours of a month, computed with hours.ts from the shift events, the roster, the policy and the reviews. */
export const hoursQuerySchema = z.object({ month: monthSchema, ...where });
const minutes = z.number().int().min(0);
export const hoursReportSchema = z.object({
  month: monthSchema,
  byMember: z.array(z.object({ memberId: z.string(), unitId: z.string().nullable(), name: z.string().nullable(), minutes, pendingMinutes: minutes, shifts: count })),
  byUnit: z.array(z.object({ unitId: z.string(), minutes, pendingMinutes: minutes, shifts: count })),
  /** Walk-in volunteers (not on the roster), by the name they gave. */
  walkIns: z.array(z.object({ name: z.string().nullable(), minutes, pendingMinutes: minutes, shifts: count })),
  needsReview: count,
});
export type HoursReport = z.infer<typeof hoursReportSchema>;

export const sessionFlags = ['open', 'auto-closed', 'walk-in', 'unscheduled', 'signed-in-again', 'ends-before-start', 'clock-skewed', 'corrected', 'declined'] as const;
export const hoursReviewSchema = z.object({
  decision: z.enum(['approve', 'correct', 'decline']),
  start: instantSchema.nullable(),
  end: instantSchema.nullable(),
  reason: z.string(),
  at: instantSchema,
  staff: z.object({ id: serverIdSchema, name: z.string() }).nullable(),
});
export const shiftSessionSchema = z.object({
  signInId: z.string(),
  stationId: z.string(),
  memberId: z.string().nullable(),
  walkInName: z.string().nullable(),
  shiftId: z.string().nullable(),
  scheduled: z.object({ start: instantSchema, end: instantSchema }).nullable(),
  start: instantSchema,
  end: instantSchema.nullable(),
  closedBy: z.enum(['member', 'tablet', 'centre']).nullable(),
  minutes,
  flags: z.array(z.enum(sessionFlags)),
  needsReview: z.boolean(),
  review: hoursReviewSchema.nullable(),
});
export type ShiftSessionView = z.infer<typeof shiftSessionSchema>;
export const sessionsQuerySchema = z.object({
  month: monthSchema,
  ...where,
  memberId: slugSchema.optional(),
  needsReview: z.enum(['true']).optional(),
});
export const sessionsResponseSchema = z.object({ sessions: z.array(shiftSessionSchema) });

/** Staff decide about a shift (by its sign-in): approve, correct (with the real start and end), decline; always with a reason. The latest decision counts; nothing is deleted. */
export const reviewRequestSchema = z.discriminatedUnion('decision', [
  z.object({ signInId: z.uuid({ version: 'v7' }), decision: z.literal('approve'), reason: z.string().trim().min(1).max(500) }),
  z.object({ signInId: z.uuid({ version: 'v7' }), decision: z.literal('decline'), reason: z.string().trim().min(1).max(500) }),
  z
    .object({ signInId: z.uuid({ version: 'v7' }), decision: z.literal('correct'), start: instantSchema, end: instantSchema, reason: z.string().trim().min(1).max(500) })
    .refine((review) => Date.parse(review.start) < Date.parse(review.end), { message: 'start before end', path: ['end'] }),
]);
export const reviewResponseSchema = z.object({ session: shiftSessionSchema });

// ---------------------------------------------------------------------------------------------- monthly report and CSV

/** Everything a community's month needs on paper: the print-friendly monthly report. */
export const monthlyReportQuerySchema = z.object({ communityId: slugSchema, month: monthSchema });
export const monthlyReportSchema = z.object({
  community: communitySchema,
  month: monthSchema,
  stations: z.array(z.object({ id: z.string(), name: z.string() })),
  visits: visitsReportSchema,
  services: servicesReportSchema,
  referrals: referralsReportSchema,
  requests: requestsReportSchema,
  hours: hoursReportSchema,
  generatedAt: instantSchema,
});
export type MonthlyReport = z.infer<typeof monthlyReportSchema>;

/**
 * GET /console/api/reports/<name>/csv with the report's own query: `text/csv; charset=utf-8`, a BOM, CRLF lines,
 * a header row; Content-Disposition names the file. `visit-log` is every visit of the range, one per line (no
 * personal fields), for a month at most.
 */
export const csvReports = ['visits', 'services', 'referrals', 'requests', 'hours', 'visit-log'] as const;
export type CsvReport = (typeof csvReports)[number];
export const csvReportParams = z.object({ report: z.enum(csvReports) });
/** Query of a CSV export: the day range (hours: the month) and where. */
export const csvQuerySchema = z.object({
  from: dayKeySchema.optional(),
  to: dayKeySchema.optional(),
  month: monthSchema.optional(),
  ...where,
  /** The language of the header row (and of nothing else: ids stay ids). */
  lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
});
/** The longest range the per-visit log exports at once. */
export const MAX_VISIT_LOG_DAYS = 31;
