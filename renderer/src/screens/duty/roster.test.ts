import type { Member, Shift, Unit } from '@protocol/catalogue.ts';
import { describe, expect, it } from 'vitest';
import { dutyFor, nextDuty } from './roster.ts';
import { beijing } from '../../../../tests/support/station-clock.ts';

const unit: Unit = { id: 'hospital', name: { 'zh-CN': '区人民医院', en: 'District Hospital' } };
const member = (id: string, name: string, unitId = 'hospital'): Member => ({ id, name, unitId, role: 'member', phone: '13812345678', skills: [] });
const shift = (id: string, memberId: string, weekdays: number[], start: string, end: string, kind: Shift['kind'] = 'regular'): Shift => ({ id, memberId, weekdays, start, end, kind });

const members = [member('wang', '王秀兰'), member('li', '李国强'), member('zhao', '赵建国', 'gone-unit'), member('chen', '陈静')];
const units = [unit];
// 2026-12-01 is a Tuesday (2); 12-05 a Saturday (6); 12-06 a Sunday (0).
const at = (day: number, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return beijing(2026, 11, day, h, m);
};
const ids = (list: { shift: Shift }[]) => list.map((d) => d.shift.id);

describe('dutyFor', () => {
  const shifts = [
    shift('wang-am', 'wang', [1, 2, 3], '08:30', '12:00'),
    shift('li-pm', 'li', [2], '13:30', '17:30'),
    shift('zhao-am', 'zhao', [2], '08:00', '12:00'),
    shift('chen-evening', 'chen', [2, 4], '17:30', '18:30', 'evening-hour'),
    shift('wang-weekend', 'wang', [6, 0], '09:00', '12:00', 'red-weekend'),
  ];

  it('splits today into now and later, each sorted by start', () => {
    const duty = dutyFor(shifts, members, units, at(1, '10:00'));
    expect(ids(duty.now)).toEqual(['zhao-am', 'wang-am']);
    expect(ids(duty.later)).toEqual(['li-pm', 'chen-evening']);
  });

  it('counts a shift as on duty from its first minute and gone at its end', () => {
    expect(ids(dutyFor(shifts, members, units, at(1, '08:29')).now)).toEqual(['zhao-am']);
    expect(ids(dutyFor(shifts, members, units, at(1, '08:29')).later)).toEqual(['wang-am', 'li-pm', 'chen-evening']);
    expect(ids(dutyFor(shifts, members, units, at(1, '08:30')).now)).toEqual(['zhao-am', 'wang-am']);
    expect(ids(dutyFor(shifts, members, units, at(1, '11:59')).now)).toEqual(['zhao-am', 'wang-am']);
    const noon = dutyFor(shifts, members, units, at(1, '12:00'));
    expect(noon.now).toEqual([]);
    expect(ids(noon.later)).toEqual(['li-pm', 'chen-evening']);
  });

  it('puts the evening hour on its weekdays only', () => {
    expect(dutyFor(shifts, members, units, at(1, '17:45')).now.map((d) => [d.shift.kind, d.member.name])).toEqual([['evening-hour', '陈静']]);
    // Wednesday has Wang's morning but no evening hour.
    expect(dutyFor(shifts, members, units, at(2, '17:45')).now).toEqual([]);
  });

  it('has Red Weekend on Saturday and Sunday and nothing from the weekday rota', () => {
    for (const day of [5, 6]) {
      const duty = dutyFor(shifts, members, units, at(day, '09:30'));
      expect(ids(duty.now)).toEqual(['wang-weekend']);
      expect(duty.later).toEqual([]);
    }
  });

  it('joins the member and their unit, and keeps a member whose unit is unknown', () => {
    const [zhao, wang] = dutyFor(shifts, members, units, at(1, '10:00')).now;
    expect(wang).toMatchObject({ member: { name: '王秀兰' }, unit: { id: 'hospital' } });
    expect(zhao?.member.name).toBe('赵建国');
    expect(zhao?.unit).toBeUndefined();
  });

  it('leaves out a shift whose member is no longer on the roster', () => {
    const stale = [...shifts, shift('ghost-am', 'ghost', [2], '09:00', '11:00')];
    expect(ids(dutyFor(stale, members, units, at(1, '10:00')).now)).toEqual(['zhao-am', 'wang-am']);
  });

  it('orders people who start together by name', () => {
    const together = [shift('s2', 'zhao', [2], '09:00', '11:00'), shift('s1', 'wang', [2], '09:00', '11:00'), shift('s3', 'chen', [2], '09:00', '11:00')];
    expect(dutyFor(together, members, units, at(1, '10:00')).now.map((d) => d.member.name)).toEqual(['陈静', '王秀兰', '赵建国']);
  });

  it('keeps an overnight shift on duty past midnight, ahead of the day shifts', () => {
    const night = [shift('night', 'li', [1], '22:00', '02:00'), shift('early', 'wang', [2], '00:30', '06:00')];
    expect(ids(dutyFor(night, members, units, beijing(2026, 10, 29, 23, 0)).now)).toEqual([]);
    expect(ids(dutyFor(night, members, units, at(1, '01:00')).now)).toEqual(['night', 'early']);
    expect(ids(dutyFor(night, members, units, at(1, '02:00')).now)).toEqual(['early']);
    // Monday (Nov 30) at 23:00: the night shift has begun and runs until tomorrow.
    expect(ids(dutyFor(night, members, units, beijing(2026, 10, 30, 23, 0)).now)).toEqual(['night']);
  });

  it('finds nobody on an empty roster', () => {
    expect(dutyFor([], members, units, at(1, '10:00'))).toEqual({ now: [], later: [] });
  });
});

describe('nextDuty', () => {
  const shifts = [
    shift('wang-am', 'wang', [2], '08:30', '12:00'),
    shift('li-am', 'li', [2], '08:30', '12:00'),
    shift('chen-pm', 'chen', [2], '13:30', '17:30'),
    shift('zhao-sat', 'zhao', [6], '09:00', '12:00', 'red-weekend'),
  ];

  it('is later today when someone is still to come', () => {
    const next = nextDuty(shifts, members, units, at(1, '12:30'));
    expect(next?.daysAhead).toBe(0);
    expect(ids(next?.people ?? [])).toEqual(['chen-pm']);
  });

  it('skips to the first day with a shift, with everyone who starts first that day', () => {
    const next = nextDuty(shifts, members, units, at(1, '18:00'));
    expect(next?.daysAhead).toBe(4);
    expect(ids(next?.people ?? [])).toEqual(['zhao-sat']);
    const monday = nextDuty(shifts, members, units, beijing(2026, 10, 30, 20, 0));
    expect(monday?.daysAhead).toBe(1);
    expect(monday?.people.map((p) => p.member.name)).toEqual(['李国强', '王秀兰']);
  });

  it('looks a full week ahead for a rota of one weekday', () => {
    const weekly = [shift('wang-am', 'wang', [2], '08:30', '12:00')];
    expect(nextDuty(weekly, members, units, at(1, '09:00'))?.daysAhead).toBe(7);
  });

  it('has nothing to say when the roster is empty', () => {
    expect(nextDuty([], members, units, at(1, '09:00'))).toBeUndefined();
  });
});
