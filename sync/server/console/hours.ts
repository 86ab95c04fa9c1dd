import { defaultVolunteerPolicy, type Member, type Shift, type StationSettings } from '../../protocol/catalogue.ts';
import type { HoursReport, ShiftSessionView } from '../../protocol/console/reports.ts';
import { daysOfMonth } from '../../protocol/console/rotation.ts';
import { computeSessions, type HoursReview, type ShiftSession, totalHours } from '../../protocol/hours.ts';
import { addDays, CHINA_UTC_OFFSET_MINUTES, instantOf, monthKeyAt } from '../../protocol/roster.ts';
import type { HoursReviewRow } from '../storage/console/types.ts';
import type { Storage } from '../storage/types.ts';
import type { ConsoleScope } from './scope.ts';
import { membersIn, readerScopes } from './plugins/publish.ts';

/**
 * Volunteer hours at the centre: the month's shift events (and the days after it, where a shift's sign-out may
 * fall), the shifts they name, each station's policy and the staff reviews, through hours.ts computeSessions, the
 * same code the kiosk runs. Sessions count in the month their sign-in falls in.
 */
const OFFSET = CHINA_UTC_OFFSET_MINUTES;
const DAY_MS = 86_400_000;

export interface MonthSessions {
  sessions: ShiftSession[];
  reviews: Map<string, HoursReviewRow>;
  members: Map<string, Member>;
}

const toReview = (row: HoursReviewRow): HoursReview => ({
  signInId: row.signInId,
  decision: row.decision,
  ...(row.start !== null ? { start: row.start } : {}),
  ...(row.end !== null ? { end: row.end } : {}),
  reason: row.reason,
  at: row.at,
});

export const sessionsBetween = async (storage: Storage, scope: ConsoleScope, stationIds: readonly string[], fromMs: number, toMs: number, now: Date): Promise<MonthSessions> => {
  // A shift signed into before `to` may be signed out of up to a day or two later.
  const events = await storage.shiftEventsBetween({ stationIds: [...stationIds], fromMs, toMs: toMs + 2 * DAY_MS });
  const scopes = [...new Set(stationIds.flatMap((id) => readerScopes(scope, id)))];
  const shiftIds = [...new Set(events.flatMap((e) => (e.shiftId ? [e.shiftId] : [])))];
  const shiftItems = shiftIds.length ? await storage.listCentreItems({ collection: 'shifts', scopes, ids: shiftIds }) : [];
  const settings = await storage.listCentreItems({ collection: 'settings', scopes: [...stationIds], ids: [...stationIds] });
  const policies = new Map(settings.map((item) => [item.id, (item.value as StationSettings).volunteers ?? defaultVolunteerPolicy] as const));
  const signInIds = events.filter((e) => e.type === 'sign-in').map((e) => e.id);
  const reviewRows = signInIds.length ? await storage.hoursReviews(signInIds) : [];
  const reviews = new Map(reviewRows.map((row) => [row.signInId, row] as const));

  // Asked once per sign-in: each station's roster is worked out once.
  const rosters = new Map<string, Shift[]>();
  const rosterOf = (stationId: string): Shift[] => {
    let roster = rosters.get(stationId);
    if (!roster) {
      const readable = new Set(readerScopes(scope, stationId));
      rosters.set(stationId, (roster = shiftItems.filter((item) => readable.has(item.scope)).map((item) => item.value as Shift)));
    }
    return roster;
  };
  const sessions = computeSessions({
    events,
    roster: (stationId) => rosterOf(stationId),
    policy: (stationId) => policies.get(stationId) ?? defaultVolunteerPolicy,
    reviews: reviewRows.map(toReview),
    now: now.getTime(),
    offsetMinutes: OFFSET,
  }).filter((session) => session.start >= fromMs && session.start < toMs);
  return { sessions, reviews, members: await membersIn(storage, scopes) };
};

export const monthBounds = (month: string): { fromMs: number; toMs: number } => {
  const days = daysOfMonth(month);
  return { fromMs: instantOf(days[0]!, 0, OFFSET), toMs: instantOf(addDays(days.at(-1)!, 1), 0, OFFSET) };
};

const iso = (ms: number): string => new Date(ms).toISOString();

export const toSessionView = (session: ShiftSession, reviews: ReadonlyMap<string, HoursReviewRow>): ShiftSessionView => {
  const review = reviews.get(session.signInId);
  return {
    signInId: session.signInId,
    stationId: session.stationId,
    memberId: session.memberId,
    walkInName: session.walkInName,
    shiftId: session.shiftId,
    scheduled: session.scheduled && { start: iso(session.scheduled.start), end: iso(session.scheduled.end) },
    start: iso(session.start),
    end: session.end === null ? null : iso(session.end),
    closedBy: session.closedBy,
    minutes: session.minutes,
    flags: session.flags,
    needsReview: session.needsReview,
    review: review ? { decision: review.decision, start: review.start, end: review.end, reason: review.reason, at: review.at, staff: review.staff } : null,
  };
};

/** The month's totals by member, unit and walk-in, as the certificate and the monthly report need them. */
export const hoursReport = (month: string, { sessions, members }: MonthSessions): HoursReport => {
  const byMemberTotals = totalHours(sessions, (s) => s.memberId, 'month', OFFSET);
  const byUnitTotals = totalHours(sessions, (s) => (s.memberId ? (members.get(s.memberId)?.unitId ?? null) : null), 'month', OFFSET);
  const byWalkIn = totalHours(sessions, (s) => (s.memberId === null ? (s.walkInName ?? '') : null), 'month', OFFSET);
  const pick = <K>(totals: Map<K, { period: string; minutes: number; pendingMinutes: number; shifts: number }[]>) =>
    [...totals].map(([key, periods]) => {
      const total = periods.find((p) => p.period === month) ?? { minutes: 0, pendingMinutes: 0, shifts: 0 };
      return { key, minutes: total.minutes, pendingMinutes: total.pendingMinutes, shifts: total.shifts };
    });
  return {
    month,
    byMember: pick(byMemberTotals)
      .map(({ key, ...total }) => ({ memberId: key, unitId: members.get(key)?.unitId ?? null, name: members.get(key)?.name ?? null, ...total }))
      .sort((a, b) => b.minutes - a.minutes || a.memberId.localeCompare(b.memberId)),
    byUnit: pick(byUnitTotals)
      .map(({ key, ...total }) => ({ unitId: key, ...total }))
      .sort((a, b) => b.minutes - a.minutes || a.unitId.localeCompare(b.unitId)),
    walkIns: pick(byWalkIn).map(({ key, ...total }) => ({ name: key === '' ? null : key, ...total })),
    needsReview: sessions.filter((s) => s.needsReview).length,
  };
};

/** A month key is one the sessions' months fall in (used to tell the caller the month a session counts in). */
export const monthOf = (ms: number): string => monthKeyAt(ms, OFFSET);
