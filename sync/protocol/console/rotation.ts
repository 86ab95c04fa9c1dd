import { z } from 'zod';
import { dayKeySchema, type Shift, shiftKinds, shiftSchema } from '../catalogue.ts';
import { addDays, weekdayOf } from '../roster.ts';
import { stationIdSchema } from '../wire.ts';
import { instantSchema, monthSchema, slugSchema } from './common.ts';

/**
 * The roster in the console: a station's shifts (weekly rotations and dated shifts, catalogue.ts), viewed by week
 * or month, and a rotation template that turns partner units' turns into a month of dated shifts (the source has
 * 13 units on rotation). The generator is pure, so the console previews exactly what the server will publish.
 */

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const rotationSlotSchema = z.object({
  /** The weekdays (0 = Sunday) this slot is staffed; an evening hour on weekdays, a red weekend on Saturday… */
  weekdays: z.array(z.number().int().min(0).max(6)).min(1).max(7),
  start: clock,
  end: clock,
  kind: z.enum(shiftKinds),
});
export type RotationSlot = z.infer<typeof rotationSlotSchema>;

export const rotationTemplateSchema = z.object({
  /** Units take turns in this order; each turn, the listed members of the unit on turn staff every slot. */
  units: z
    .array(z.object({ unitId: slugSchema, memberIds: z.array(slugSchema).min(1).max(10) }))
    .min(1)
    .max(60),
  /** A turn lasts a day or a week (weeks start on Monday). */
  turn: z.enum(['day', 'week']),
  /** A day on which the first unit is on turn: the rotation runs on from it across months without restarting. */
  anchor: dayKeySchema,
  slots: z.array(rotationSlotSchema).min(1).max(8),
});
export type RotationTemplate = z.infer<typeof rotationTemplateSchema>;

/** Generated shifts carry this prefix and their month, so generating a month again replaces exactly them. */
export const ROTATION_ID_PREFIX = 'rot-';
export const rotationIdPrefix = (month: string): string => `${ROTATION_ID_PREFIX}${month}-`;

const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const mondayOf = (day: string): string => addDays(day, -((weekdayOf(day) + 6) % 7));
const mod = (n: number, m: number): number => ((n % m) + m) % m;

/** The index (into template.units) of the unit on turn on a day. */
export const unitOnTurn = (template: RotationTemplate, day: string): number => {
  const turns = template.turn === 'day' ? daysBetween(template.anchor, day) : Math.floor(daysBetween(mondayOf(template.anchor), mondayOf(day)) / 7);
  return mod(turns, template.units.length);
};

export const daysOfMonth = (month: string): string[] => {
  const days: string[] = [];
  for (let day = `${month}-01`; day.startsWith(month); day = addDays(day, 1)) days.push(day);
  return days;
};

/** A month of dated shifts from the template, in day order; ids `rot-<yyyy-mm>-<dd>-<slot>-<member>`. */
export const generateRotation = (template: RotationTemplate, month: string): Shift[] => {
  const shifts: Shift[] = [];
  for (const day of daysOfMonth(month)) {
    const unit = template.units[unitOnTurn(template, day)]!;
    template.slots.forEach((slot, slotIndex) => {
      if (!slot.weekdays.includes(weekdayOf(day))) return;
      unit.memberIds.forEach((memberId, memberIndex) => {
        shifts.push({ id: `${rotationIdPrefix(month)}${day.slice(8)}-${slotIndex}-${memberIndex}`, memberId, date: day, start: slot.start, end: slot.end, kind: slot.kind });
      });
    });
  }
  return shifts;
};

// ---------------------------------------------------------------------------------------------- messages

/** A station's saved template (one per station), versioned like a published item. */
export const rotationTemplateEntrySchema = z.object({
  stationId: stationIdSchema,
  template: rotationTemplateSchema,
  version: z.number().int().min(1),
  updatedAt: instantSchema,
});
export const rotationTemplateResponseSchema = z.object({ template: rotationTemplateEntrySchema.nullable() });
export const saveRotationTemplateRequestSchema = z.object({ template: rotationTemplateSchema, expectedVersion: z.number().int().min(0).nullable() });

/**
 * Publishes the month's generated shifts for the station (template: the saved one unless given), replacing the
 * shifts an earlier generation made for that month; hand-made shifts stay. Members must be published members of
 * the station's community; a unit lead may generate only a template of their own unit.
 */
export const generateRotationRequestSchema = z.object({ stationId: stationIdSchema, month: monthSchema, template: rotationTemplateSchema.optional() });
export const generateRotationResponseSchema = z.object({ put: z.number().int(), withdrawn: z.number().int(), shifts: z.array(shiftSchema) });

/** Shifts of a station and their occurrences in [from, to] (local days, at most 62): a week or a month view. */
export const rosterQuerySchema = z
  .object({ stationId: stationIdSchema, from: dayKeySchema, to: dayKeySchema })
  .refine((query) => query.from <= query.to && daysBetween(query.from, query.to) <= 62, { message: 'from ≤ to, at most 62 days', path: ['to'] });
export const rosterOccurrenceSchema = z.object({
  shiftId: slugSchema,
  memberId: slugSchema,
  day: dayKeySchema,
  start: instantSchema,
  end: instantSchema,
  kind: z.enum(shiftKinds),
});
export type RosterOccurrence = z.infer<typeof rosterOccurrenceSchema>;
export const rosterResponseSchema = z.object({
  stationId: stationIdSchema,
  /** The station's shifts as published (its own scope), with their versions for editing. */
  shifts: z.array(z.object({ shift: shiftSchema, version: z.number().int().min(1) })),
  occurrences: z.array(rosterOccurrenceSchema),
});
