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
import { requestEventSchema, requestEventTypeSchema } from './records.ts';
import { requestStatuses } from './request-state.ts';

/**
 * Centre-born data as it travels in a pull: every entry belongs to one collection, has an id unique within that
 * collection for any one station, and is either district-wide or scoped to one station.
 */
export const DISTRICT_SCOPE = '*';

/** The server's view of a request's status, computed by the shared state machine in the server's order. */
export const requestStatusSchema = z.object({
  requestId: idSchema,
  stationId: z.string().min(1).max(64),
  status: z.enum(requestStatuses),
  /** The event that led to this status. */
  event: requestEventTypeSchema,
  at: z.iso.datetime({ offset: true }),
});
export type RequestStatusEntry = z.infer<typeof requestStatusSchema>;

export const centreValueSchemas = {
  settings: stationSettingsSchema,
  categories: serviceCategorySchema,
  services: serviceSchema,
  bills: billChannelSchema,
  units: unitSchema,
  members: memberSchema,
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
export type CentreValue<C extends CentreCollection> = z.infer<(typeof centreValueSchemas)[C]>;

/** The id of an entry within its collection. */
export const centreIdOf = <C extends CentreCollection>(collection: C, value: CentreValue<C>): string => {
  if (collection === 'bills') return (value as CentreValue<'bills'>).utility;
  if (collection === 'settings') return (value as CentreValue<'settings'>).stationId;
  if (collection === 'request-status') return (value as CentreValue<'request-status'>).requestId;
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
