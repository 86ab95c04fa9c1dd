import { z } from 'zod';

/**
 * Centre-born records: published by the community, authoritative on the server, read-only on the kiosk.
 * Until sync exists they are seeded from the demo data under assets/demo.
 */
export const localizedSchema = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) });
/** The languages the kiosk speaks: the keys of every localized text. */
export const locales = ['zh-CN', 'en'] as const;
export const localeSchema = z.enum(locales);
export type Localized = z.infer<typeof localizedSchema>;

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);
/** A local calendar day, yyyy-mm-dd, as dayKey() writes it. */
export const dayKeySchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
const weekday = z.number().int().min(0).max(6);

export const extendedHours = ['evening-hour', 'red-weekend'] as const;
export const extendedHoursSchema = z.enum(extendedHours);
export type ExtendedHours = z.infer<typeof extendedHoursSchema>;

/**
 * An icon is one emoji (a base character, with its presentation selector, skin tone or joiner where it has one).
 * The kiosk draws those it knows from SVGs it ships (renderer/src/ui/icons/twemoji.ts), never from the tablet's
 * fonts, and any other as a neutral marker: a centre picks from that list (README.md, "Icons").
 */
export const iconSchema = z.string().min(1).max(8);

export const serviceCategorySchema = z.object({
  id: slug,
  name: localizedSchema,
  icon: iconSchema,
  order: z.number().int(),
});
export type ServiceCategory = z.infer<typeof serviceCategorySchema>;

export const serviceWaySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('self'), steps: z.array(localizedSchema).min(1) }),
  z.object({ type: z.literal('volunteer') }),
  z.object({ type: z.literal('office'), office: localizedSchema, address: localizedSchema, hours: localizedSchema }),
  z.object({ type: z.literal('online'), channel: localizedSchema, url: z.url() }),
]);
export type ServiceWay = z.infer<typeof serviceWaySchema>;

export const serviceSchema = z.object({
  id: slug,
  categoryId: slug,
  name: localizedSchema,
  icon: iconSchema,
  summary: localizedSchema,
  provider: localizedSchema,
  hours: localizedSchema,
  extended: z.array(extendedHoursSchema),
  bring: z.array(localizedSchema),
  ways: z.array(serviceWaySchema).min(1),
  order: z.number().int(),
  /**
   * The stations of the publishing scope that offer it; absent: all of them. A community publishes one menu and
   * says per service where it is available.
   */
  stationIds: z.array(slug).max(500).optional(),
});
export type Service = z.infer<typeof serviceSchema>;

export const billChannelSchema = z.object({
  utility: z.enum(['water', 'electricity', 'gas', 'phone', 'tv', 'property']),
  icon: iconSchema,
  provider: localizedSchema,
  /** How to pay without help: the official app, mini-program or counter, step by step. */
  steps: z.array(localizedSchema).min(1),
  online: z.array(z.object({ channel: localizedSchema, url: z.url() })),
  office: z.object({ name: localizedSchema, address: localizedSchema, hours: localizedSchema }),
  order: z.number().int(),
});
export type BillChannel = z.infer<typeof billChannelSchema>;

export const unitSchema = z.object({ id: slug, name: localizedSchema });
export type Unit = z.infer<typeof unitSchema>;

export const memberRoles = ['member', 'grid-worker', 'unit-staff', 'staff'] as const;
export const memberSchema = z.object({
  id: slug,
  name: z.string().min(1).max(20),
  unitId: slug,
  role: z.enum(memberRoles),
  phone: z.string().regex(/^\d{7,12}$/),
  /** What the member offers to do, shown under their name. */
  skills: z.array(localizedSchema),
  /** The national volunteer system's number (志愿者编号), printed on an hours certificate. */
  volunteerNo: z.string().regex(/^[A-Za-z0-9-]{1,32}$/).optional(),
});
export type Member = z.infer<typeof memberSchema>;

export const shiftKinds = ['regular', ...extendedHours] as const;
export type ShiftKind = (typeof shiftKinds)[number];
/**
 * One member's duty at a station: either a weekly rotation (weekdays, optionally between two dates) or one dated
 * shift (what a month's roster generated from a rotation template is made of). A shift whose end is not after its
 * start runs past midnight into the next day. See roster.ts for when a shift occurs.
 */
export const shiftSchema = z
  .object({
    id: slug,
    memberId: slug,
    /** Rotation: the weekdays (0 = Sunday) this shift repeats on. */
    weekdays: z.array(weekday).min(1).optional(),
    /** A single shift on this local day. */
    date: dayKeySchema.optional(),
    /** A rotation's first and last day (inclusive); absent: open-ended. */
    from: dayKeySchema.optional(),
    until: dayKeySchema.optional(),
    start: clock,
    end: clock,
    kind: z.enum(shiftKinds),
  })
  .refine((shift) => (shift.weekdays === undefined) !== (shift.date === undefined), {
    message: 'a shift repeats on weekdays or falls on one date, not both',
  })
  .refine((shift) => shift.date === undefined || (shift.from === undefined && shift.until === undefined), {
    message: 'from and until belong to rotations',
  });
export type Shift = z.infer<typeof shiftSchema>;

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
export const noticeKinds = ['notice', 'clinic', 'law', 'meeting', 'activity', 'class'] as const;
export const noticeSchema = z.object({
  id: slug,
  kind: z.enum(noticeKinds),
  title: localizedSchema,
  body: localizedSchema,
  place: localizedSchema.optional(),
  /** Local date and time of the event, "yyyy-mm-ddTHH:MM"; absent for a standing notice. */
  startsAt: localDateTime.optional(),
  /** When the notice comes off the screens (local); absent: it stays until withdrawn, or until its event is over. */
  endsAt: localDateTime.optional(),
  /** Shown before every other notice. */
  pinned: z.boolean().optional(),
  publishedAt: z.iso.datetime({ offset: true }),
});
export type Notice = z.infer<typeof noticeSchema>;

export const amenitySchema = z.object({
  id: slug,
  icon: iconSchema,
  name: localizedSchema,
  description: localizedSchema,
  /** Lent and returned (an umbrella) rather than used on the spot (hot water). */
  lendable: z.boolean(),
  order: z.number().int(),
});
export type Amenity = z.infer<typeof amenitySchema>;

/**
 * How the station treats its volunteers' shifts (the centre sets it). Hours come from immutable sign-in and
 * sign-out events; a sign-out that never came is closed by this policy and flagged for staff to review.
 */
export const volunteerPolicySchema = z.object({
  /** Minutes after a shift's start before a member not signed in counts as "expected, not yet here". */
  lateAfterMinutes: z.number().int().min(0).max(240),
  /** Minutes after a shift's scheduled end before a forgotten sign-out is closed automatically. */
  autoSignOutAfterMinutes: z.number().int().min(0).max(720),
  /** A sign-in with no scheduled shift (a walk-in, an unplanned visit) is closed after this many hours. */
  unscheduledMaxHours: z.number().int().min(1).max(24),
  /**
   * What an automatically closed shift is credited with until staff review it: up to its scheduled end, or
   * nothing. Either way it is flagged; staff can approve, correct or decline it, never delete it.
   */
  autoCredit: z.enum(['scheduled-end', 'none']),
  /** Ask for a drawn signature on sign-in. */
  signature: z.boolean(),
  /** Seconds without a touch before an open volunteer workspace locks itself. */
  workspaceLockSeconds: z.number().int().min(30).max(900),
});
export type VolunteerPolicy = z.infer<typeof volunteerPolicySchema>;
/** In a module of its own (no zod), so the kiosk's first chunk can read it without the schemas. */
export { defaultVolunteerPolicy } from './volunteer-policy.ts';

export const stationSettingsSchema = z.object({
  stationId: z.string().min(1).max(64),
  name: localizedSchema,
  community: localizedSchema,
  address: localizedSchema,
  phone: z.string().regex(/^\d{7,12}$/),
  hours: z.object({ open: clock, close: clock }),
  eveningHour: z.object({ start: clock, end: clock }),
  redWeekend: z.object({ weekdays: z.array(z.number().int().min(0).max(6)), start: clock, end: clock }),
  /** Seconds of inactivity before the screen resets; elderly mode gets the longer one. */
  idle: z.object({ resetSeconds: z.number().int().min(20).max(600), elderlyResetSeconds: z.number().int().min(20).max(900), attractSeconds: z.number().int().min(30).max(3600) }),
  /** Days a synced record keeps its personal fields on the tablet. */
  retentionDays: z.number().int().min(0).max(365),
  /** True while the station runs on the shipped demo data rather than what its community published. */
  demo: z.boolean(),
  /** Absent in catalogues from before volunteers signed in at the kiosk: defaultVolunteerPolicy applies. */
  volunteers: volunteerPolicySchema.optional(),
});
export type StationSettings = z.infer<typeof stationSettingsSchema>;

export const catalogueSchema = z.object({
  station: stationSettingsSchema,
  categories: z.array(serviceCategorySchema),
  services: z.array(serviceSchema),
  bills: z.array(billChannelSchema),
  units: z.array(unitSchema),
  members: z.array(memberSchema),
  shifts: z.array(shiftSchema),
  notices: z.array(noticeSchema),
  amenities: z.array(amenitySchema),
});
export type Catalogue = z.infer<typeof catalogueSchema>;
