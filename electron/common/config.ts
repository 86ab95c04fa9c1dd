import { z } from 'zod';
import { localeSchema } from '../../sync/protocol/catalogue.ts';
import { ENROLMENT_CODE_PATTERN, normalizeEnrolmentCode, serverUrlSchema, STATION_ID_PATTERN } from '../../sync/protocol/wire.ts';
import { openingScheduleSchema } from './opening-hours.ts';
import { PIN_HASH_PATTERN, parsePinHash } from './technician.ts';

/**
 * The station config: one file per tablet (one image for all), read by the shell at start. Every field is
 * optional in a layer (the shipped default, the setup screen's file, the system file, the environment); the
 * merged result is validated once more and tells whether the station is provisioned.
 */
// The languages and the server URLs a kiosk accepts are the protocol's: the centre's provisioning tool writes
// station files against the same definitions.
export { locales, localeSchema } from '../../sync/protocol/catalogue.ts';
export { serverUrlSchema } from '../../sync/protocol/wire.ts';

export const features = ['check-in', 'services', 'bills', 'requests', 'feedback', 'amenities', 'duty', 'notices', 'read-aloud', 'elderly-mode'] as const;
export const featureSchema = z.enum(features);
export type Feature = z.infer<typeof featureSchema>;

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM');

// The centre's own pattern: an id it could never have issued is caught on the tablet, not at enrolment. Case
// is forgiven (the centre's ids are lowercase), so a file written with capitals does not lose its whole layer.
export const stationIdSchema = z.string().trim().toLowerCase().regex(STATION_ID_PATTERN, 'letters, digits and dashes, not starting with a dash; at most 64');
/** As the server takes it (the wire's pattern): a code typed with spaces, as printed, is fine. */
export const enrolmentCodeSchema = z.string().trim().regex(ENROLMENT_CODE_PATTERN, '6 to 40 letters, digits, dashes or spaces');
export const pinHashSchema = z
  .string()
  .regex(PIN_HASH_PATTERN, 'pbkdf2-sha256$<iterations>$<salt>$<hash> (npm run pin-hash)')
  .refine((value) => parsePinHash(value) !== null, 'at least 100000 iterations');

export const idleOverridesSchema = z.strictObject({
  resetSeconds: z.number().int().min(20).max(600).optional(),
  elderlyResetSeconds: z.number().int().min(20).max(900).optional(),
  attractSeconds: z.number().int().min(30).max(3600).optional(),
});

/** One layer as written in a file: every key optional, unknown keys refused (a typo must not pass silently). */
export const stationConfigLayerSchema = z.strictObject({
  $schema: z.string().optional(),
  stationId: stationIdSchema.optional(),
  stationName: z.string().trim().min(1).max(64).optional(),
  serverUrl: serverUrlSchema.optional(),
  enrolmentCode: enrolmentCodeSchema.optional(),
  locale: localeSchema.optional(),
  /** Overrides of the idle timeouts the community publishes in the station settings. */
  idle: idleOverridesSchema.optional(),
  /** Feature switches; a feature not listed keeps its default (on). */
  features: z.partialRecord(featureSchema, z.boolean()).optional(),
  technician: z.strictObject({ pinHash: pinHashSchema.optional() }).optional(),
  /** Opening hours to use until the station settings have synced (the screen stays on within them). */
  openingHours: openingScheduleSchema.optional(),
  /** When the kiosk may reload itself at night (local time), if nobody is using it. */
  nightlyReload: z.strictObject({ from: clock, to: clock }).optional(),
  updates: z
    .strictObject({
      enabled: z.boolean().optional(),
      /** Where the update feed lives; defaults to `<serverUrl>/updates`. */
      url: serverUrlSchema.optional(),
      checkEveryHours: z.number().min(1).max(168).optional(),
    })
    .optional(),
});
export type StationConfigLayer = z.infer<typeof stationConfigLayerSchema>;

export const configSources = ['default', 'setup', 'system', 'env'] as const;
export type ConfigSource = (typeof configSources)[number];

/** The merged config the shell runs with. */
export const stationConfigSchema = z.strictObject({
  stationId: stationIdSchema.nullable(),
  stationName: z.string().min(1).max(64).nullable(),
  serverUrl: serverUrlSchema.nullable(),
  enrolmentCode: enrolmentCodeSchema.nullable(),
  locale: localeSchema,
  idle: idleOverridesSchema,
  features: z.record(featureSchema, z.boolean()),
  pinHash: pinHashSchema.nullable(),
  openingHours: openingScheduleSchema.nullable(),
  nightlyReload: z.strictObject({ from: clock, to: clock }),
  updates: z.strictObject({ enabled: z.boolean(), url: serverUrlSchema.nullable(), checkEveryHours: z.number() }),
});
export type StationConfig = z.infer<typeof stationConfigSchema>;

export const defaultFeatures = Object.fromEntries(features.map((f) => [f, true])) as Record<Feature, boolean>;

/** Later layers win, key by key (objects are merged one level deep). */
export const mergeLayers = (layers: StationConfigLayer[]): StationConfig => {
  const m: StationConfigLayer = {};
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer) as Array<[keyof StationConfigLayer, unknown]>) {
      if (value === undefined || key === '$schema') continue;
      const previous = m[key];
      const nested = typeof value === 'object' && value !== null && !Array.isArray(value) && key !== 'openingHours';
      (m as Record<string, unknown>)[key] = nested && typeof previous === 'object' ? { ...previous, ...value } : value;
    }
  }
  return stationConfigSchema.parse({
    stationId: m.stationId ?? null,
    stationName: m.stationName ?? null,
    serverUrl: m.serverUrl ?? null,
    enrolmentCode: m.enrolmentCode ?? null,
    locale: m.locale ?? 'zh-CN',
    idle: m.idle ?? {},
    features: { ...defaultFeatures, ...m.features },
    pinHash: m.technician?.pinHash ?? null,
    openingHours: m.openingHours ?? null,
    nightlyReload: m.nightlyReload ?? { from: '02:00', to: '05:00' },
    updates: { enabled: m.updates?.enabled ?? true, url: m.updates?.url ?? null, checkEveryHours: m.updates?.checkEveryHours ?? 4 },
  });
};

/**
 * A new server or code means joining a centre anew: the token from the old enrolment is for the old server (or
 * was replaced by the technician's intent), so the shell drops it when it saves such a setup.
 */
export const joinsAnew = (before: Pick<StationConfig, 'serverUrl' | 'enrolmentCode'>, after: Pick<StationConfig, 'serverUrl' | 'enrolmentCode'>): boolean =>
  before.serverUrl !== after.serverUrl || normalizeCode(before.enrolmentCode) !== normalizeCode(after.enrolmentCode);

/** As the server compares codes (`K7Q2 9XPM` is `k7q2-9xpm`). */
const normalizeCode = (code: string | null): string | null => (code === null ? null : normalizeEnrolmentCode(code));

/** A station can enrol and sync once it knows who it is, where its server is and how to introduce itself. */
export const isProvisioned = (config: StationConfig): boolean =>
  config.stationId !== null && config.serverUrl !== null && config.enrolmentCode !== null;

/** Where the update feed is: the configured one, else `<serverUrl>/updates`; null when updates are off. */
export const updateFeedUrl = (config: StationConfig): string | null =>
  config.updates.enabled ? (config.updates.url ?? (config.serverUrl ? `${config.serverUrl}/updates` : null)) : null;
