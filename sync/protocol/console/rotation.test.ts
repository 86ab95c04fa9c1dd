import { describe, expect, it } from 'vitest';
import { shiftSchema } from '../catalogue.ts';
import { weekdayOf } from '../roster.ts';
import { daysOfMonth, generateRotation, type RotationTemplate, rotationIdPrefix, rotationTemplateSchema, unitOnTurn } from './rotation.ts';

const template = (extra: Partial<RotationTemplate> = {}): RotationTemplate =>
  rotationTemplateSchema.parse({
    units: [
      { unitId: 'tax-office', memberIds: ['zhang-wei', 'li-na'] },
      { unitId: 'power-supply', memberIds: ['wang-qiang'] },
      { unitId: 'hospital', memberIds: ['zhao-min'] },
    ],
    turn: 'day',
    anchor: '2026-03-01',
    slots: [
      { weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '12:00', kind: 'regular' },
      { weekdays: [1, 2, 3, 4, 5], start: '19:00', end: '20:00', kind: 'evening-hour' },
      { weekdays: [6], start: '09:00', end: '17:00', kind: 'red-weekend' },
    ],
    ...extra,
  });

describe('rotation template', () => {
  it('lists the days of a month, leap years included', () => {
    expect(daysOfMonth('2026-02')).toHaveLength(28);
    expect(daysOfMonth('2028-02').at(-1)).toBe('2028-02-29');
    expect(daysOfMonth('2026-03')[0]).toBe('2026-03-01');
  });

  it('hands the turn to the next unit each day, continuing across months from the anchor', () => {
    const rotation = template();
    expect(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04'].map((day) => unitOnTurn(rotation, day))).toEqual([0, 1, 2, 0]);
    // 31 days of March later the turn has moved on by 31, not restarted.
    expect(unitOnTurn(rotation, '2026-04-01')).toBe(31 % 3);
    // Before the anchor, too.
    expect(unitOnTurn(rotation, '2026-02-28')).toBe(2);
  });

  it('turns weekly on Mondays when the turn is a week', () => {
    const rotation = template({ turn: 'week', anchor: '2026-03-04' });
    // 2026-03-02 is a Monday: the anchor's week runs 03-02 … 03-08.
    expect(unitOnTurn(rotation, '2026-03-02')).toBe(0);
    expect(unitOnTurn(rotation, '2026-03-08')).toBe(0);
    expect(unitOnTurn(rotation, '2026-03-09')).toBe(1);
    expect(unitOnTurn(rotation, '2026-03-23')).toBe(0);
  });

  it('generates a month of valid dated shifts: every member of the unit on turn in each slot of the day', () => {
    const shifts = generateRotation(template(), '2026-03');
    for (const shift of shifts) expect(shiftSchema.safeParse(shift).success, shift.id).toBe(true);
    expect(new Set(shifts.map((s) => s.id)).size).toBe(shifts.length);
    expect(shifts.every((s) => s.id.startsWith(rotationIdPrefix('2026-03')))).toBe(true);
    // Monday 2 March: power-supply's turn (index 1): one member, a regular shift and an evening hour.
    expect(shifts.filter((s) => s.date === '2026-03-02').map((s) => [s.memberId, s.kind])).toEqual([
      ['wang-qiang', 'regular'],
      ['wang-qiang', 'evening-hour'],
    ]);
    // Tuesday 3 March: hospital; Wednesday 4 March: the tax office's two members together.
    expect(shifts.filter((s) => s.date === '2026-03-04' && s.kind === 'regular').map((s) => s.memberId)).toEqual(['zhang-wei', 'li-na']);
    // Saturdays are red weekends, Sundays unstaffed.
    const saturdays = shifts.filter((s) => weekdayOf(s.date!) === 6);
    expect(saturdays.every((s) => s.kind === 'red-weekend' && s.start === '09:00' && s.end === '17:00')).toBe(true);
    expect(shifts.some((s) => weekdayOf(s.date!) === 0)).toBe(false);
  });
});
