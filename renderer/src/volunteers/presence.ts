import type { Member, Shift, Unit } from '@protocol/catalogue.ts';
import type { ShiftSession } from '@protocol/hours.ts';
import { parseClock } from '@protocol/time.ts';
import { dutyFor, type OnDuty } from '../screens/duty/roster.ts';
import { stationMinuteOfDay } from './station-time.ts';

const DAY_MINUTES = 24 * 60;

/** Someone signed in at the station now. */
export interface Present {
  signInId: string;
  since: number;
  /** The rostered member; undefined for a walk-in. */
  member: Member | undefined;
  unit: Unit | undefined;
  /** A walk-in's name as they gave it. */
  walkInName: string | undefined;
  /** Their roster shift now, when the sign-in is for one. */
  shift: Shift | undefined;
  /** Signed in without a shift of the roster (a walk-in, or a member who came unplanned). */
  unscheduled: boolean;
}

export interface Presence {
  /** Signed in now, in the order they arrived. */
  here: Present[];
  /** Rostered now, past the policy's grace, and not signed in. */
  missing: OnDuty[];
  /** Still to come today: shifts not yet begun, or begun within the grace, of people not signed in. */
  later: OnDuty[];
}

/** Minutes since the shift began at `now` (an overnight shift that began yesterday counts from then). */
const minutesIntoShift = (shift: Shift, now: Date): number => {
  const into = stationMinuteOfDay(now) - parseClock(shift.start);
  return into >= 0 ? into : into + DAY_MINUTES;
};

/**
 * Who is really here, from the roster and the open sign-ins together: the people signed in (flagged when no shift
 * of theirs is on), those rostered but not here after the grace, and those still to come. Nobody appears twice:
 * a member signed in is "here", whatever the roster says.
 */
export const presenceAt = (
  input: { shifts: readonly Shift[]; members: readonly Member[]; units: readonly Unit[]; open: readonly ShiftSession[]; lateAfterMinutes: number },
  now: Date,
): Presence => {
  const memberById = new Map(input.members.map((m) => [m.id, m]));
  const unitById = new Map(input.units.map((u) => [u.id, u]));
  const shiftById = new Map(input.shifts.map((s) => [s.id, s]));
  const duty = dutyFor(input.shifts, input.members, input.units, now);
  const signedIn = new Set(input.open.flatMap((session) => (session.memberId ? [session.memberId] : [])));

  const here = [...input.open]
    .sort((a, b) => a.start - b.start)
    .map((session): Present => {
      const member = session.memberId ? memberById.get(session.memberId) : undefined;
      return {
        signInId: session.signInId,
        since: session.start,
        member,
        unit: member ? unitById.get(member.unitId) : undefined,
        walkInName: session.walkInName ?? undefined,
        shift: session.shiftId ? shiftById.get(session.shiftId) : undefined,
        unscheduled: session.scheduled === null,
      };
    });
  const absent = (person: OnDuty) => !signedIn.has(person.member.id);
  const late = (person: OnDuty) => minutesIntoShift(person.shift, now) >= input.lateAfterMinutes;
  const nowAbsent = duty.now.filter(absent);
  return {
    here,
    missing: nowAbsent.filter(late),
    later: [...nowAbsent.filter((p) => !late(p)), ...duty.later.filter(absent)],
  };
};
