import { type RotationTemplate, rotationTemplateSchema } from '@protocol/console/rotation.ts';

/**
 * The rotation template as the form edits it. A new one starts with the source's pattern: the partner units take
 * a week each, a weekday daytime shift, the evening hour on weekdays and the red weekend mornings.
 */
export const newRotationTemplate = (units: readonly { unitId: string; memberIds: string[] }[], anchor: string): RotationTemplate => ({
  units: units.filter((unit) => unit.memberIds.length > 0).map((unit) => ({ unitId: unit.unitId, memberIds: unit.memberIds.slice(0, 2) })),
  turn: 'week',
  anchor,
  slots: [
    { weekdays: [1, 2, 3, 4, 5], start: '08:30', end: '17:30', kind: 'regular' },
    { weekdays: [1, 2, 3, 4, 5], start: '17:30', end: '18:30', kind: 'evening-hour' },
    { weekdays: [0, 6], start: '09:00', end: '12:00', kind: 'red-weekend' },
  ],
});

/** Moves the unit at `index` one place up (-1) or down (1) in the turn order. */
export const moveUnit = (template: RotationTemplate, index: number, direction: -1 | 1): RotationTemplate => {
  const target = index + direction;
  if (target < 0 || target >= template.units.length) return template;
  const units = [...template.units];
  [units[index], units[target]] = [units[target]!, units[index]!];
  return { ...template, units };
};

/** What is wrong with the template, by part, for the form to say; empty when it can be saved. */
export const rotationProblems = (template: RotationTemplate): Set<'units' | 'members' | 'slots' | 'anchor'> => {
  const problems = new Set<'units' | 'members' | 'slots' | 'anchor'>();
  if (template.units.length === 0) problems.add('units');
  if (template.units.some((unit) => unit.memberIds.length === 0 || unit.memberIds.length > 10)) problems.add('members');
  if (template.slots.length === 0 || template.slots.some((slot) => slot.weekdays.length === 0)) problems.add('slots');
  const parsed = rotationTemplateSchema.safeParse(template);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const part = issue.path[0];
      if (part === 'anchor') problems.add('anchor');
      else if (part === 'slots') problems.add('slots');
      else if (part === 'units') problems.add(issue.path.includes('memberIds') ? 'members' : 'units');
    }
  }
  return problems;
};
