import type { Member, Shift, Unit } from '@protocol/catalogue.ts';
import { minutesOfDay, parseClock } from '@protocol/time.ts';

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

/** A shift whose end is not after its start runs past midnight into the next day. */
const overnight = (shift: Shift): boolean => parseClock(shift.end) <= parseClock(shift.start);

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

/** Who is on duty at `now` and who comes later the same day, from the weekly rotation. */
export const dutyFor = (shifts: readonly Shift[], members: readonly Member[], units: readonly Unit[], now: Date): DutyToday => {
  const join = joiner(members, units);
  const today = now.getDay();
  const yesterday = (today + 6) % 7;
  const minute = minutesOfDay(now);
  const current: Placed[] = [];
  const later: Placed[] = [];

  for (const shift of shifts) {
    const person = join(shift);
    if (!person) continue;
    const start = parseClock(shift.start);
    const end = parseClock(shift.end);
    if (shift.weekdays.includes(today)) {
      if (minute < start) later.push({ person, start });
      else if (overnight(shift) || minute < end) current.push({ person, start });
    }
    if (overnight(shift) && shift.weekdays.includes(yesterday) && minute < end) current.push({ person, start: start - DAY_MINUTES });
  }
  return { now: inOrder(current), later: inOrder(later) };
};

/** The first shift start after `now` within the coming week, and everyone who starts then. */
export const nextDuty = (shifts: readonly Shift[], members: readonly Member[], units: readonly Unit[], now: Date): NextDuty | undefined => {
  const join = joiner(members, units);
  const minute = minutesOfDay(now);
  for (let daysAhead = 0; daysAhead <= 7; daysAhead += 1) {
    const weekday = (now.getDay() + daysAhead) % 7;
    const people = shifts
      .filter((s) => s.weekdays.includes(weekday) && (daysAhead > 0 || parseClock(s.start) > minute))
      .map(join)
      .filter((p): p is OnDuty => p !== undefined);
    if (people.length === 0) continue;
    const first = Math.min(...people.map((p) => parseClock(p.shift.start)));
    const starting = people.filter((p) => parseClock(p.shift.start) === first);
    return { daysAhead, people: inOrder(starting.map((person) => ({ person, start: first }))) };
  }
  return undefined;
};
