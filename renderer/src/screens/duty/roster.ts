import type { Member, Shift, Unit } from '@protocol/catalogue.ts';
import { addDays, isOvernight, occursOn } from '@protocol/roster.ts';
import { parseClock } from '@protocol/time.ts';
import { stationDay, stationMinuteOfDay } from '../../volunteers/station-time.ts';

const DAY_MINUTES = 24 * 60;

/** One person on one shift, with the organisation they come from when the roster still knows it. */
export interface OnDuty {
  shift: Shift;
  member: Member;
  unit: Unit | undefined;
}

export interface DutyToday {
  /** On duty at this minute, in the order their shifts began. */
  now: OnDuty[];
  /** Shifts still to begin today, earliest first. */
  later: OnDuty[];
}

export interface NextDuty {
  /** 0 = later today, 1 = tomorrow, up to 7 = the same weekday next week. */
  daysAhead: number;
  /** Everyone whose shift begins at that first upcoming time. */
  people: OnDuty[];
}

const joiner = (members: readonly Member[], units: readonly Unit[]) => {
  const memberById = new Map(members.map((m) => [m.id, m]));
  const unitById = new Map(units.map((u) => [u.id, u]));
  return (shift: Shift): OnDuty | undefined => {
    const member = memberById.get(shift.memberId);
    // A shift of someone no longer on the roster is stale data: nobody would come, so it is not shown.
    return member ? { shift, member, unit: unitById.get(member.unitId) } : undefined;
  };
};

interface Placed {
  person: OnDuty;
  /** Minutes from today's midnight the shift began; negative for one that began last night. */
  start: number;
}

const inOrder = (placed: Placed[]): OnDuty[] =>
  placed
    .sort((a, b) => a.start - b.start || a.person.member.name.localeCompare(b.person.member.name, 'zh-CN') || a.person.shift.id.localeCompare(b.person.shift.id))
    .map((p) => p.person);

/** Who is on duty at `now` and who comes later the same day, from the roster (rotations and dated shifts), on the station's clock. */
export const dutyFor = (shifts: readonly Shift[], members: readonly Member[], units: readonly Unit[], now: Date): DutyToday => {
  const join = joiner(members, units);
  const today = stationDay(now);
  const yesterday = addDays(today, -1);
  const minute = stationMinuteOfDay(now);
  const current: Placed[] = [];
  const later: Placed[] = [];

  for (const shift of shifts) {
    const person = join(shift);
    if (!person) continue;
    const start = parseClock(shift.start);
    const end = parseClock(shift.end);
    if (occursOn(shift, today)) {
      if (minute < start) later.push({ person, start });
      else if (isOvernight(shift) || minute < end) current.push({ person, start });
    }
    if (isOvernight(shift) && occursOn(shift, yesterday) && minute < end) current.push({ person, start: start - DAY_MINUTES });
  }
  return { now: inOrder(current), later: inOrder(later) };
};

/** The first shift start after `now` within the coming week, and everyone who starts then. */
export const nextDuty = (shifts: readonly Shift[], members: readonly Member[], units: readonly Unit[], now: Date): NextDuty | undefined => {
  const join = joiner(members, units);
  const minute = stationMinuteOfDay(now);
  for (let daysAhead = 0; daysAhead <= 7; daysAhead += 1) {
    const day = addDays(stationDay(now), daysAhead);
    const people = shifts
      .filter((s) => occursOn(s, day) && (daysAhead > 0 || parseClock(s.start) > minute))
      .map(join)
      .filter((p): p is OnDuty => p !== undefined);
    if (people.length === 0) continue;
    const first = Math.min(...people.map((p) => parseClock(p.shift.start)));
    const starting = people.filter((p) => parseClock(p.shift.start) === first);
    return { daysAhead, people: inOrder(starting.map((person) => ({ person, start: first }))) };
  }
  return undefined;
};
