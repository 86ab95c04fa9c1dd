import { z } from 'zod';
import {
  amenitySchema,
  billChannelSchema,
  type Catalogue,
  memberSchema,
  noticeSchema,
  serviceCategorySchema,
  serviceSchema,
  shiftSchema,
  stationSettingsSchema,
  unitSchema,
} from './catalogue.ts';
import { idSchema } from './ids.ts';
import { PIN_HASH_PATTERN } from './pin-hash.ts';
import { requestEventSchema, requestEventTypeSchema, requestTargetSchema } from './records.ts';
import { requestStatuses } from './request-state.ts';

/**
 * Centre-born data as it travels in a pull: every entry belongs to one collection, has an id unique within that
 * collection for any one station, and is either district-wide or scoped to one station.
 */
export const DISTRICT_SCOPE = '*';
/** A community's scope: what it publishes reaches every one of its stations. Station ids cannot contain ':'. */
export const communityScope = (communityId: string): string => `community:${communityId}`;
/** The scopes a station reads, widest first: the district's, its community's (if it has one), its own. */
export const scopesOfStation = (stationId: string, communityId: string | null): string[] =>
  communityId === null ? [DISTRICT_SCOPE, stationId] : [DISTRICT_SCOPE, communityScope(communityId), stationId];

/** The server's view of a request's status, computed by the shared state machine in the server's order. */
export const requestStatusSchema = z.object({
  requestId: idSchema,
  stationId: z.string().min(1).max(64),
  status: z.enum(requestStatuses),
  /** The event that led to this status. */
  event: requestEventTypeSchema,
  at: z.iso.datetime({ offset: true }),
  /** Where the centre sent it and who has it (request-state.ts assignAfter); absent on entries of older servers. */
  dispatchedTo: requestTargetSchema.nullable().optional(),
  takenBy: requestTargetSchema.nullable().optional(),
});
export type RequestStatusEntry = z.infer<typeof requestStatusSchema>;

/**
 * What the kiosk needs to let a member sign in offline: hashes only (pin-hash.ts), never a PIN or a QR secret.
 * Published in the same scope as the member; the id is the member's.
 */
export const memberCredentialsSchema = z.object({
  memberId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
  pinHash: z.string().regex(PIN_HASH_PATTERN).nullable(),
  /** base64url SHA-256 of the member's QR secret; null: no QR code issued (or it was withdrawn). */
  qrHash: z.string().regex(/^[A-Za-z0-9_-]{43}$/).nullable(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type MemberCredentials = z.infer<typeof memberCredentialsSchema>;

export const centreValueSchemas = {
  settings: stationSettingsSchema,
  categories: serviceCategorySchema,
  services: serviceSchema,
  bills: billChannelSchema,
  units: unitSchema,
  members: memberSchema,
  'member-credentials': memberCredentialsSchema,
  shifts: shiftSchema,
  notices: noticeSchema,
  amenities: amenitySchema,
  /** Request events made by the centre or a member (dispatch, take, complete, …) for this station's requests. */
  'request-events': requestEventSchema,
  'request-status': requestStatusSchema,
} as const;

export type CentreCollection = keyof typeof centreValueSchemas;
export const centreCollections = Object.keys(centreValueSchemas) as CentreCollection[];
export const centreCollectionSchema = z.enum(centreCollections as [CentreCollection, ...CentreCollection[]]);
export const isCentreCollection = (name: string): name is CentreCollection => (centreCollections as readonly string[]).includes(name);
export type CentreValue<C extends CentreCollection> = z.infer<(typeof centreValueSchemas)[C]>;

/** The id of an entry within its collection. */
export const centreIdOf = <C extends CentreCollection>(collection: C, value: CentreValue<C>): string => {
  if (collection === 'bills') return (value as CentreValue<'bills'>).utility;
  if (collection === 'settings') return (value as CentreValue<'settings'>).stationId;
  if (collection === 'request-status') return (value as CentreValue<'request-status'>).requestId;
  if (collection === 'member-credentials') return (value as CentreValue<'member-credentials'>).memberId;
  return (value as { id: string }).id;
};

export interface CentreItem {
  id: string;
  value: unknown;
}

/** The catalogue collections a publish replaces (request events and statuses are appended, never published). */
export const catalogueCollections = [
  'settings',
  'categories',
  'services',
  'bills',
  'units',
  'members',
  'shifts',
  'notices',
  'amenities',
] as const satisfies readonly CentreCollection[];
export type CatalogueCollection = (typeof catalogueCollections)[number];

/** A parsed catalogue as collections of entries, ready to publish. */
export const catalogueEntries = (catalogue: Catalogue): Record<CatalogueCollection, CentreItem[]> => {
  const items = <C extends CatalogueCollection>(collection: C, values: readonly CentreValue<C>[]): CentreItem[] =>
    values.map((value) => ({ id: centreIdOf(collection, value), value }));
  return {
    settings: items('settings', [catalogue.station]),
    categories: items('categories', catalogue.categories),
    services: items('services', catalogue.services),
    bills: items('bills', catalogue.bills),
    units: items('units', catalogue.units),
    members: items('members', catalogue.members),
    shifts: items('shifts', catalogue.shifts),
    notices: items('notices', catalogue.notices),
    amenities: items('amenities', catalogue.amenities),
  };
};

/** Validates a pulled value against its collection's schema (the client does this before writing it). */
export const parseCentreValue = <C extends CentreCollection>(collection: C, value: unknown) =>
  centreValueSchemas[collection].safeParse(value) as z.ZodSafeParseResult<CentreValue<C>>;
