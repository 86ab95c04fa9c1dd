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
});
export type Member = z.infer<typeof memberSchema>;

export const shiftKinds = ['regular', ...extendedHours] as const;
export const shiftSchema = z.object({
  id: slug,
  memberId: slug,
  /** Rotation: the weekdays (0 = Sunday) this shift repeats on. */
  weekdays: z.array(z.number().int().min(0).max(6)).min(1),
  start: clock,
  end: clock,
  kind: z.enum(shiftKinds),
});
export type Shift = z.infer<typeof shiftSchema>;

export const noticeKinds = ['notice', 'clinic', 'law', 'meeting', 'activity', 'class'] as const;
export const noticeSchema = z.object({
  id: slug,
  kind: z.enum(noticeKinds),
  title: localizedSchema,
  body: localizedSchema,
  place: localizedSchema.optional(),
  /** Local date and time of the event, "yyyy-mm-ddTHH:MM"; absent for a standing notice. */
  startsAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/).optional(),
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
