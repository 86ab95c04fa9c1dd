import { z } from 'zod';
import { idSchema } from './ids.ts';
import { accountNumberSchema, personNameSchema, phoneSchema } from './validation.ts';

/**
 * Kiosk-born records. Created on the tablet, immutable once written (a change is a newer record),
 * stored in IndexedDB together with their place in the outbox and pushed to the centre.
 */
export const RECORD_SCHEMA_VERSION = 1;

const base = {
  id: idSchema,
  stationId: z.string().min(1).max(64),
  /** The tablet's clock when the record was made (ISO 8601); the server keeps its own receive time too. */
  at: z.iso.datetime({ offset: true }),
  v: z.literal(RECORD_SCHEMA_VERSION),
};

/** Personal data is optional and only with the resident's consent, recorded with its time. */
export const contactSchema = z
  .object({
    name: personNameSchema.optional(),
    phone: phoneSchema.optional(),
    consentAt: z.iso.datetime({ offset: true }),
  })
  .refine((c) => c.name !== undefined || c.phone !== undefined, { message: 'contact.empty' });
export type Contact = z.infer<typeof contactSchema>;

export const visitorTypes = ['resident', 'nearby', 'visitor'] as const;
export const visitorTypeSchema = z.enum(visitorTypes);
export type VisitorType = z.infer<typeof visitorTypeSchema>;

export const visitSchema = z.object({
  ...base,
  kind: z.literal('visit'),
  who: visitorTypeSchema,
  /** A service category id from the catalogue. */
  purpose: z.string().min(1).max(64),
  contact: contactSchema.optional(),
});
export type Visit = z.infer<typeof visitSchema>;

export const utilities = ['water', 'electricity', 'gas', 'phone', 'tv', 'property'] as const;
export const utilitySchema = z.enum(utilities);
export type Utility = z.infer<typeof utilitySchema>;

export const referralSchema = z.object({
  ...base,
  kind: z.literal('referral'),
  serviceId: z.string().min(1).max(64),
  /** Shown large on screen and called out by the volunteer, e.g. "A007"; unique per station and day. */
  queueNo: z.string().regex(/^[A-Z]\d{3,4}$/),
  bill: z.object({ utility: utilitySchema, account: accountNumberSchema }).optional(),
  contact: contactSchema.optional(),
});
export type Referral = z.infer<typeof referralSchema>;

export const requestKinds = ['wish', 'complaint', 'dream'] as const;
export const requestKindSchema = z.enum(requestKinds);
export type RequestKind = z.infer<typeof requestKindSchema>;

export const requestSchema = z.object({
  ...base,
  kind: z.literal('request'),
  requestKind: requestKindSchema,
  category: z.string().min(1).max(64),
  /** Quick-pick phrase keys the resident tapped. */
  phrases: z.array(z.string().min(1).max(64)).max(10),
  text: z.string().trim().max(500).optional(),
  /** What a resident types to look the request up: 7 digits, MMDD + a per-day counter. */
  number: z.string().regex(/^\d{7}$/),
  contact: contactSchema.optional(),
});
export type ResidentRequest = z.infer<typeof requestSchema>;

export const requestEventTypes = ['submit', 'dispatch', 'take', 'complete', 'rate', 'cancel', 'reopen'] as const;
export const requestEventTypeSchema = z.enum(requestEventTypes);
export type RequestEventType = z.infer<typeof requestEventTypeSchema>;

export const actors = ['resident', 'station', 'member', 'centre'] as const;
export const actorSchema = z.enum(actors);
export type Actor = z.infer<typeof actorSchema>;

export const requestEventSchema = z.object({
  ...base,
  kind: z.literal('request-event'),
  requestId: idSchema,
  type: requestEventTypeSchema,
  actor: actorSchema,
  rating: z.number().int().min(1).max(5).optional(),
  note: z.string().trim().max(500).optional(),
});
export type RequestEvent = z.infer<typeof requestEventSchema>;

export const feedbackSchema = z.object({
  ...base,
  kind: z.literal('feedback'),
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(500).optional(),
});
export type Feedback = z.infer<typeof feedbackSchema>;

export const amenityActions = ['use', 'lend', 'return'] as const;
export const amenityUseSchema = z.object({
  ...base,
  kind: z.literal('amenity-use'),
  amenityId: z.string().min(1).max(64),
  action: z.enum(amenityActions),
  /**
   * Takes back an earlier tap of the same amenity and action (that record's id), tapped by mistake: the two
   * count as none. Records stay immutable; the taking back is a record of its own.
   */
  undoes: idSchema.optional(),
});
export type AmenityUse = z.infer<typeof amenityUseSchema>;

export const shiftEventSchema = z.object({
  ...base,
  kind: z.literal('shift-event'),
  memberId: z.string().min(1).max(64),
  type: z.enum(['sign-in', 'sign-out']),
  method: z.enum(['pin', 'qr']),
});
export type ShiftEvent = z.infer<typeof shiftEventSchema>;

export const deviceEventSchema = z.object({
  ...base,
  kind: z.literal('device-event'),
  type: z.string().min(1).max(64),
  detail: z.string().max(2000).optional(),
});
export type DeviceEvent = z.infer<typeof deviceEventSchema>;

export const kioskRecordSchema = z.discriminatedUnion('kind', [
  visitSchema,
  referralSchema,
  requestSchema,
  requestEventSchema,
  feedbackSchema,
  amenityUseSchema,
  shiftEventSchema,
  deviceEventSchema,
]);
export type KioskRecord = z.infer<typeof kioskRecordSchema>;
export type KioskRecordKind = KioskRecord['kind'];
