import { z } from 'zod';
import { idSchema } from './ids.ts';
import { accountNumberSchema, personNameSchema, phoneSchema } from './validation.ts';

/**
 * Kiosk-born records. Created on the tablet, immutable once written (a change is a newer record),
 * stored in IndexedDB together with their place in the outbox and pushed to the centre.
 */
export const RECORD_SCHEMA_VERSION = 1;

/** A tablet clock further than this from the server's (either way) makes its records' times doubtful. */
export const CLOCK_SKEW_FLAG_MS = 5 * 60_000;
/** A clock set anywhere from 1970 on is within this of the server's. */
const MAX_CLOCK_SKEW_MS = 200 * 365 * 86_400_000;

const base = {
  id: idSchema,
  stationId: z.string().min(1).max(64),
  /** The tablet's clock when the record was made (ISO 8601); the server keeps its own receive time too. */
  at: z.iso.datetime({ offset: true }),
  /**
   * Set only on a record made while the tablet's clock was off by more than CLOCK_SKEW_FLAG_MS at its last
   * sync: the offset measured then (tablet minus server, ms), so staff know `at` is doubtful and by about how much.
   */
  clockSkewMs: z.number().int().min(-MAX_CLOCK_SKEW_MS).max(MAX_CLOCK_SKEW_MS).optional(),
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

/**
 * The receipt number a resident holds for a request and types to look it up: unique within its station for good,
 * made on the tablet offline (README.md, "Receipt numbers"). Seven digits until 2041, eight after; older kiosks
 * wrote MMDD + a day's counter, also seven digits.
 */
export const requestNumberSchema = z.string().regex(/^\d{7,8}$/);

export const requestSchema = z.object({
  ...base,
  kind: z.literal('request'),
  requestKind: requestKindSchema,
  category: z.string().min(1).max(64),
  /** Quick-pick phrase keys the resident tapped. */
  phrases: z.array(z.string().min(1).max(64)).max(10),
  text: z.string().trim().max(500).optional(),
  number: requestNumberSchema,
  contact: contactSchema.optional(),
});
export type ResidentRequest = z.infer<typeof requestSchema>;

/**
 * What can happen to a request. `handover` puts a taken request back for the next shift, with a note; `note` adds
 * a note and changes nothing else. See request-state.ts for who may do what from which status.
 */
export const requestEventTypes = ['submit', 'dispatch', 'take', 'complete', 'rate', 'cancel', 'reopen', 'handover', 'note'] as const;
export const requestEventTypeSchema = z.enum(requestEventTypes);
export type RequestEventType = z.infer<typeof requestEventTypeSchema>;

export const actors = ['resident', 'station', 'member', 'centre'] as const;
export const actorSchema = z.enum(actors);
export type Actor = z.infer<typeof actorSchema>;

/** A roster id (member, unit) as the centre publishes it. */
const rosterIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);

/** Who the centre sends a request to (社区派单): a partner unit, or one member. */
export const requestTargetSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('unit'), unitId: rosterIdSchema }),
  z.object({ type: z.literal('member'), memberId: rosterIdSchema }),
]);
export type RequestTarget = z.infer<typeof requestTargetSchema>;

export const requestEventSchema = z.object({
  ...base,
  kind: z.literal('request-event'),
  requestId: idSchema,
  type: requestEventTypeSchema,
  actor: actorSchema,
  rating: z.number().int().min(1).max(5).optional(),
  note: z.string().trim().max(500).optional(),
  /** The signed-in member who acted at the kiosk (actor 'member'), or for whom the centre acted. */
  memberId: rosterIdSchema.optional(),
  /** The partner unit on whose behalf the centre acted (a unit lead taking a request in the console). */
  unitId: rosterIdSchema.optional(),
  /** With 'dispatch': who the request is sent to. */
  target: requestTargetSchema.optional(),
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

export const shiftEventTypes = ['sign-in', 'sign-out', 'auto-sign-out'] as const;
export const signInMethods = ['pin', 'qr', 'walk-in', 'auto'] as const;

/** A drawn signature as SVG path data only (no markup, so nothing in it can run when it is shown). */
export const signaturePathSchema = z
  .string()
  .max(24_000)
  .regex(/^[MLQCZmlqcz0-9 .,-]+$/);

/**
 * A volunteer's shift, as immutable events: hours are computed from them (hours.ts), never edited in place.
 * `sign-in` opens a shift; `sign-out` (by the member) or `auto-sign-out` (by the tablet, once a forgotten shift is
 * past its end and the policy's grace) closes the sign-in named by `signInId`. A rostered member is `memberId`; a
 * walk-in volunteer not on the roster gives a name and phone with consent (`contact`) and is flagged for staff.
 */
export const shiftEventSchema = z
  .object({
    ...base,
    kind: z.literal('shift-event'),
    type: z.enum(shiftEventTypes),
    memberId: rosterIdSchema.optional(),
    contact: contactSchema.optional(),
    method: z.enum(signInMethods),
    /** With sign-out and auto-sign-out: the sign-in (its record id) this closes. */
    signInId: idSchema.optional(),
    /** With sign-in: the roster shift it is for, when there is one (roster.ts shiftForSignIn). */
    shiftId: rosterIdSchema.optional(),
    /** With sign-in, when the station asks for one: the drawn signature, SVG path data in a 0 0 600 200 box. */
    signature: signaturePathSchema.optional(),
    /** With auto-sign-out: the end the policy credits (the scheduled end, or the sign-in time for none). */
    creditedEnd: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((event) => event.type !== 'sign-in' || (event.memberId === undefined) !== (event.contact === undefined), {
    message: 'a sign-in names a rostered member or a consented walk-in, not both',
    path: ['memberId'],
  })
  .refine((event) => event.type === 'sign-in' || event.signInId !== undefined, { message: 'a sign-out names its sign-in', path: ['signInId'] })
  .refine((event) => event.type !== 'auto-sign-out' || event.creditedEnd !== undefined, { message: 'an automatic sign-out says what it credits', path: ['creditedEnd'] });
export type ShiftEvent = z.infer<typeof shiftEventSchema>;

export const referralEventTypes = ['call', 'serve', 'done', 'pass-on', 'no-show'] as const;
export const referralEventTypeSchema = z.enum(referralEventTypes);
export type ReferralEventType = z.infer<typeof referralEventTypeSchema>;

/**
 * A volunteer working the station's queue of referrals (referral-state.ts): call a number to the desk, serve,
 * done, passed on to an office (with where, in `note`), or not there when called.
 */
export const referralEventSchema = z.object({
  ...base,
  kind: z.literal('referral-event'),
  referralId: idSchema,
  type: referralEventTypeSchema,
  memberId: rosterIdSchema.optional(),
  note: z.string().trim().max(200).optional(),
});
export type ReferralEvent = z.infer<typeof referralEventSchema>;

/**
 * A signed-in volunteer saw a resident's phone number in full (the resident consented to be called back). One
 * record per reveal: who, and whose; the number itself is not repeated here.
 */
export const contactRevealSchema = z.object({
  ...base,
  kind: z.literal('contact-reveal'),
  memberId: rosterIdSchema,
  subject: z.object({ kind: z.enum(['request', 'referral', 'visit']), id: idSchema }),
});
export type ContactReveal = z.infer<typeof contactRevealSchema>;

/** What the next shift needs to know, left by a member signing out; shown to whoever signs in next. */
export const handoverNoteSchema = z.object({
  ...base,
  kind: z.literal('handover-note'),
  memberId: rosterIdSchema,
  text: z.string().trim().min(1).max(500),
});
export type HandoverNote = z.infer<typeof handoverNoteSchema>;

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
  referralEventSchema,
  contactRevealSchema,
  handoverNoteSchema,
]);
export type KioskRecord = z.infer<typeof kioskRecordSchema>;
export type KioskRecordKind = KioskRecord['kind'];
