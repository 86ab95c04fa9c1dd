import type { Shift, VolunteerPolicy } from './catalogue.ts';
import type { ShiftEvent } from './records.ts';
import { monthKeyAt, occurrenceOn, type ShiftOccurrence, addDays, dayKeyAt } from './roster.ts';

/**
 * Volunteer hours, computed — never stored or edited — from immutable shift events, the roster and the station's
 * policy; the kiosk (a member's own hours, unsynced ones included) and the centre (reports, certificates) run
 * this same code. Volunteer hours are official records (志愿服务记录与证明出具办法): a forgotten sign-out is closed
 * by policy and flagged, and staff approve, correct or decline a shift with a reason; nothing is deleted.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** The parts of a shift event hours depend on. */
export type ShiftEventInput = Pick<ShiftEvent, 'id' | 'stationId' | 'at' | 'type' | 'memberId' | 'signInId' | 'shiftId' | 'creditedEnd' | 'clockSkewMs'> & {
  contact?: { name?: string | undefined } | undefined;
};

export type HoursPolicy = Pick<VolunteerPolicy, 'autoSignOutAfterMinutes' | 'unscheduledMaxHours' | 'autoCredit'>;

/** A decision of staff about one shift (by its sign-in); the latest one counts. */
export interface HoursReview {
  signInId: string;
  decision: 'approve' | 'correct' | 'decline';
  /** With 'correct': the start and end the shift really had (ISO). */
  start?: string;
  end?: string;
  reason: string;
  at: string;
}

export type SessionFlag =
  /** Still signed in. */
  | 'open'
  /** Closed by policy: the tablet at the time, or the centre for a tablet that was off. */
  | 'auto-closed'
  /** Signed in by name and phone, not on the roster. */
  | 'walk-in'
  /** No shift of the roster matches the sign-in. */
  | 'unscheduled'
  /** Signed in again while this shift was open: closed at that second sign-in. */
  | 'signed-in-again'
  /** The sign-out is stamped before the sign-in (a tablet clock that jumped). */
  | 'ends-before-start'
  /** The sign-in or the member's sign-out was made on a tablet whose clock was off (records.ts clockSkewMs). */
  | 'clock-skewed'
  | 'corrected'
  | 'declined';

export interface ShiftSession {
  signInId: string;
  stationId: string;
  /** The rostered member; null for a walk-in. */
  memberId: string | null;
  /** A walk-in's name as given. */
  walkInName: string | null;
  shiftId: string | null;
  /** The scheduled occurrence the sign-in is for, when the roster still has it. */
  scheduled: { start: number; end: number } | null;
  start: number;
  /** null while open. */
  end: number | null;
  closedBy: 'member' | 'tablet' | 'centre' | null;
  /** Credited minutes (0 for a declined shift; up to now for an open one). */
  minutes: number;
  flags: SessionFlag[];
  /** Waiting for staff: closed automatically, a walk-in, a clock that went backwards or was off, and not yet reviewed. */
  needsReview: boolean;
  review: HoursReview | null;
}

export interface HoursInput {
  /** Shift events of any stations and members, in any order. */
  events: readonly ShiftEventInput[];
  /** The roster of the event's station (to find a sign-in's scheduled end). */
  roster: (stationId: string) => readonly Shift[];
  policy: (stationId: string) => HoursPolicy;
  reviews?: readonly HoursReview[];
  now: number;
  /** The stations' UTC offset (roster.ts CHINA_UTC_OFFSET_MINUTES). */
  offsetMinutes: number;
}

const time = (iso: string): number => Date.parse(iso);

/** The occurrence of the sign-in's shift that it belongs to: the one under way (or about to start) at `at`. */
const scheduledFor = (shifts: readonly Shift[], shiftId: string | undefined, at: number, offsetMinutes: number): ShiftOccurrence | null => {
  if (shiftId === undefined) return null;
  const shift = shifts.find((s) => s.id === shiftId);
  if (!shift) return null;
  const day = dayKeyAt(at, offsetMinutes);
  const candidates = [addDays(day, -1), day, addDays(day, 1)].map((d) => occurrenceOn(shift, d, offsetMinutes));
  // The nearest occurrence to the sign-in; a dated shift has just the one.
  const dated = shift.date !== undefined ? candidates.filter((o) => o.day === shift.date) : candidates;
  const pool = dated.length > 0 ? dated : [occurrenceOn(shift, shift.date ?? day, offsetMinutes)];
  return pool.sort((a, b) => distance(a, at) - distance(b, at))[0] ?? null;
};

const distance = (occurrence: ShiftOccurrence, at: number): number =>
  at < occurrence.start ? occurrence.start - at : at > occurrence.end ? at - occurrence.end : 0;

const minutesBetween = (start: number, end: number): number => Math.max(0, Math.floor((end - start) / MINUTE_MS));

/** Every shift from sign-in to sign-out, in sign-in order. */
export const computeSessions = (input: HoursInput): ShiftSession[] => {
  // Each instant parsed once: a month of a district's shifts is some 12,000 events (tests/bench/console).
  const ordered = input.events
    .map((event) => ({ event, at: time(event.at) }))
    .sort((a, b) => a.at - b.at || a.event.id.localeCompare(b.event.id))
    .map(({ event }) => event);
  const closes = new Map<string, ShiftEventInput[]>();
  for (const event of ordered) {
    if (event.type === 'sign-in' || event.signInId === undefined) continue;
    closes.set(event.signInId, [...(closes.get(event.signInId) ?? []), event]);
  }
  const latestReview = new Map<string, HoursReview>();
  for (const review of [...(input.reviews ?? [])].sort((a, b) => time(a.at) - time(b.at))) latestReview.set(review.signInId, review);

  const signIns = ordered.filter((e) => e.type === 'sign-in');
  // A person's next sign-in at the same station, so a shift left open and signed into again ends there.
  const nextSignIn = new Map<string, number>();
  const lastOf = new Map<string, ShiftEventInput>();
  for (const event of signIns) {
    const who = `${event.stationId}\u0000${event.memberId ?? `walk-in:${event.id}`}`;
    const previous = lastOf.get(who);
    if (previous) nextSignIn.set(previous.id, time(event.at));
    lastOf.set(who, event);
  }

  return signIns.map((signIn) => {
    const start = time(signIn.at);
    const policy = input.policy(signIn.stationId);
    const occurrence = scheduledFor(input.roster(signIn.stationId), signIn.shiftId, start, input.offsetMinutes);
    const flags: SessionFlag[] = [];
    if (signIn.memberId === undefined) flags.push('walk-in');
    if (!occurrence) flags.push('unscheduled');

    const ends = closes.get(signIn.id) ?? [];
    // The member's own sign-out is the best evidence, wherever it sits among automatic closes.
    const byMember = ends.find((e) => e.type === 'sign-out');
    const byTablet = ends.find((e) => e.type === 'auto-sign-out');
    const deadline = occurrence ? occurrence.end + policy.autoSignOutAfterMinutes * MINUTE_MS : start + policy.unscheduledMaxHours * HOUR_MS;
    const policyEnd = policy.autoCredit === 'scheduled-end' && occurrence ? Math.max(start, occurrence.end) : start;
    const again = nextSignIn.get(signIn.id);

    let end: number | null = null;
    let closedBy: ShiftSession['closedBy'] = null;
    if (byMember) {
      end = time(byMember.at);
      closedBy = 'member';
    } else if (byTablet?.creditedEnd !== undefined) {
      end = time(byTablet.creditedEnd);
      closedBy = 'tablet';
      flags.push('auto-closed');
    } else if (again !== undefined && again < deadline) {
      end = again;
      closedBy = 'member';
      flags.push('signed-in-again');
    } else if (input.now >= deadline) {
      end = policyEnd;
      closedBy = 'centre';
      flags.push('auto-closed');
    } else flags.push('open');
    if (end !== null && end < start) flags.push('ends-before-start');
    if (signIn.clockSkewMs !== undefined || byMember?.clockSkewMs !== undefined) flags.push('clock-skewed');

    const review = latestReview.get(signIn.id) ?? null;
    let minutes = minutesBetween(start, end ?? input.now);
    if (review?.decision === 'decline') {
      flags.push('declined');
      minutes = 0;
    } else if (review?.decision === 'correct' && review.start !== undefined && review.end !== undefined) {
      flags.push('corrected');
      minutes = minutesBetween(time(review.start), time(review.end));
    }
    const doubtful = flags.includes('auto-closed') || flags.includes('walk-in') || flags.includes('ends-before-start') || flags.includes('signed-in-again') || flags.includes('clock-skewed');
    return {
      signInId: signIn.id,
      stationId: signIn.stationId,
      memberId: signIn.memberId ?? null,
      walkInName: signIn.contact?.name ?? null,
      shiftId: signIn.shiftId ?? null,
      scheduled: occurrence ? { start: occurrence.start, end: occurrence.end } : null,
      start,
      end,
      closedBy,
      minutes,
      flags,
      needsReview: doubtful && review === null,
      review,
    };
  });
};

export interface HoursTotal {
  /** yyyy-mm, or yyyy for a year's total. */
  period: string;
  /** Credited minutes of shifts that need no review or were approved or corrected. */
  minutes: number;
  /** Credited minutes still waiting for staff to review. */
  pendingMinutes: number;
  shifts: number;
}

/**
 * Totals by a key (a member, a unit, a station) and period, the month or year the shift began in. Open shifts are
 * left out: they count once they end.
 */
export const totalHours = (
  sessions: readonly ShiftSession[],
  keyOf: (session: ShiftSession) => string | null,
  period: 'month' | 'year',
  offsetMinutes: number,
): Map<string, HoursTotal[]> => {
  const totals = new Map<string, Map<string, HoursTotal>>();
  for (const session of sessions) {
    if (session.end === null) continue;
    const key = keyOf(session);
    if (key === null) continue;
    const month = monthKeyAt(session.start, offsetMinutes);
    const name = period === 'month' ? month : month.slice(0, 4);
    const byPeriod = totals.get(key) ?? new Map<string, HoursTotal>();
    const total = byPeriod.get(name) ?? { period: name, minutes: 0, pendingMinutes: 0, shifts: 0 };
    if (session.needsReview) total.pendingMinutes += session.minutes;
    else total.minutes += session.minutes;
    total.shifts += 1;
    byPeriod.set(name, total);
    totals.set(key, byPeriod);
  }
  return new Map([...totals].map(([key, byPeriod]) => [key, [...byPeriod.values()].sort((a, b) => a.period.localeCompare(b.period))]));
};
