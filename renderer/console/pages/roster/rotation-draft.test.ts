import { generateRotation } from '@protocol/console/rotation.ts';
import { describe, expect, it } from 'vitest';
import { moveUnit, newRotationTemplate, rotationProblems } from './rotation-draft.ts';

const units = Array.from({ length: 13 }, (_, i) => ({ unitId: `unit-${i + 1}`, memberIds: [`m-${i + 1}-a`, `m-${i + 1}-b`, `m-${i + 1}-c`] }));

describe('the rotation template form', () => {
  it('starts from the source\'s pattern: 13 units a week each, daytime, evening hour, red weekend', () => {
    const template = newRotationTemplate(units, '2026-03-02');
    expect(rotationProblems(template).size).toBe(0);
    expect(template.units).toHaveLength(13);
    expect(template.units[0]?.memberIds).toEqual(['m-1-a', 'm-1-b']);
    // March 2026: the first week is unit 1's, evening hours on weekdays, red weekend mornings.
    const shifts = generateRotation(template, '2026-03');
    expect(shifts.filter((shift) => shift.kind === 'evening-hour' && shift.date === '2026-03-02').map((shift) => shift.memberId)).toEqual(['m-1-a', 'm-1-b']);
    expect(shifts.filter((shift) => shift.date === '2026-03-09').every((shift) => shift.memberId.startsWith('m-2-'))).toBe(true);
    expect(shifts.filter((shift) => shift.kind === 'red-weekend').every((shift) => ['0', '6'].includes(String(new Date(`${shift.date}T00:00:00Z`).getUTCDay())))).toBe(true);
  });

  it('leaves out units without members', () => {
    expect(newRotationTemplate([{ unitId: 'empty', memberIds: [] }, ...units.slice(0, 1)], '2026-03-02').units.map((unit) => unit.unitId)).toEqual(['unit-1']);
  });

  it('moves a unit in the turn order, not past either end', () => {
    const template = newRotationTemplate(units.slice(0, 3), '2026-03-02');
    expect(moveUnit(template, 2, -1).units.map((unit) => unit.unitId)).toEqual(['unit-1', 'unit-3', 'unit-2']);
    expect(moveUnit(template, 0, -1)).toBe(template);
  });

  it('says which part is wrong', () => {
    const template = newRotationTemplate(units.slice(0, 2), '2026-03-02');
    expect(rotationProblems({ ...template, units: [] })).toEqual(new Set(['units']));
    expect(rotationProblems({ ...template, units: [{ unitId: 'unit-1', memberIds: [] }] })).toEqual(new Set(['members']));
    expect(rotationProblems({ ...template, slots: [{ weekdays: [], start: '09:00', end: '10:00', kind: 'regular' }] })).toEqual(new Set(['slots']));
    expect(rotationProblems({ ...template, anchor: '2026-13-01' })).toEqual(new Set(['anchor']));
  });
});
