import { z } from 'zod';
import { centreValueSchemas } from '../centre.ts';
import { PIN_HASH_PATTERN } from '../pin-hash.ts';
import { stationIdSchema } from '../wire.ts';
import { instantSchema, slugSchema } from './common.ts';

/**
 * Publishing from the console: one item of a centre collection at a time, in one scope, versioned. Stations pull
 * every change by the server's change sequence (wire.ts), so a change here reaches the tablets on their next pull.
 *
 * A scope is the district's (`*`), a community's (`community:<id>`) or one station's (its id). Each collection
 * has the scopes it may be published in (`publishScopes`); an id is unique among the scopes one station reads.
 * `version` is the server's change sequence of the item's last write: send it back as `expectedVersion` and a
 * change made by someone else meanwhile is refused with 409 conflict instead of being overwritten.
 */

export const publishScopeSchema = z.string().regex(/^(\*|community:[a-z0-9][a-z0-9-]{0,63}|[a-z0-9][a-z0-9-]{0,63})$/);
export type PublishScope = z.infer<typeof publishScopeSchema>;
export type ScopeLevel = 'district' | 'community' | 'station';
export const scopeLevel = (scope: string): ScopeLevel => (scope === '*' ? 'district' : scope.startsWith('community:') ? 'community' : 'station');

export const publishableCollections = ['settings', 'categories', 'services', 'bills', 'units', 'members', 'shifts', 'notices', 'amenities'] as const;
export type PublishableCollection = (typeof publishableCollections)[number];
export const publishableCollectionSchema = z.enum(publishableCollections);

/**
 * Where each collection may be published. Station settings belong to their station (the id is the station's);
 * a community publishes one service menu and says per service which of its stations offer it (`stationIds`);
 * members and partner units are the community's; the roster (shifts) is per station.
 */
export const publishScopes: Record<PublishableCollection, readonly ScopeLevel[]> = {
  settings: ['station'],
  categories: ['district', 'community', 'station'],
  services: ['district', 'community', 'station'],
  bills: ['district', 'community', 'station'],
  units: ['district', 'community'],
  members: ['district', 'community'],
  shifts: ['station'],
  notices: ['district', 'community', 'station'],
  amenities: ['district', 'community', 'station'],
};

const itemOf = <C extends PublishableCollection>(collection: C) =>
  z.object({
    collection: z.literal(collection),
    scope: publishScopeSchema,
    id: z.string(),
    version: z.number().int().min(1),
    updatedAt: instantSchema,
    value: centreValueSchemas[collection],
  });

/** One published item as the console lists it. */
export const publishedItemSchema = z.discriminatedUnion('collection', [
  itemOf('settings'),
  itemOf('categories'),
  itemOf('services'),
  itemOf('bills'),
  itemOf('units'),
  itemOf('members'),
  itemOf('shifts'),
  itemOf('notices'),
  itemOf('amenities'),
]);
export type PublishedItem = z.infer<typeof publishedItemSchema>;

/**
 * Items of one collection. Without `scope`: every scope the staff member may see (their communities and
 * stations, and the district's), each item saying its scope. A unit lead sees members of their unit only.
 */
export const publishListQuerySchema = z.object({ collection: publishableCollectionSchema, scope: publishScopeSchema.optional() });
export const publishListSchema = z.object({ items: z.array(publishedItemSchema) });

/** null: create (refused with 409 if the id is live in this scope); a number: the version the change is based on. */
const expectedVersionSchema = z.number().int().min(0).nullable();

const putOf = <C extends PublishableCollection>(collection: C) =>
  z.object({
    collection: z.literal(collection),
    scope: publishScopeSchema,
    value: centreValueSchemas[collection],
    expectedVersion: expectedVersionSchema,
  });

/** Creates or changes one item; its id is the value's own (centreIdOf). */
export const publishPutRequestSchema = z.discriminatedUnion('collection', [
  putOf('settings'),
  putOf('categories'),
  putOf('services'),
  putOf('bills'),
  putOf('units'),
  putOf('members'),
  putOf('shifts'),
  putOf('notices'),
  putOf('amenities'),
]);
export type PublishPutRequest = z.infer<typeof publishPutRequestSchema>;
export const publishPutResponseSchema = z.object({ item: publishedItemSchema });

/** Withdraws one item: the stations get a tombstone. A member's credentials are withdrawn with the member. */
export const publishWithdrawRequestSchema = z.object({
  collection: publishableCollectionSchema,
  scope: publishScopeSchema,
  id: z.string().min(1).max(128),
  expectedVersion: z.number().int().min(1),
});

// ---------------------------------------------------------------------------------------------- member credentials

/**
 * A member's kiosk PIN and QR code. The browser hashes the PIN (pin-hash.ts hashMemberPin) and makes the QR
 * secret (newMemberQrSecret, hashMemberQrSecret) itself: only hashes reach the server. The credentials are
 * published in the member's scope (collection `member-credentials`); the console never gets a hash back.
 */
export const memberCredentialsStatusSchema = z.object({
  memberId: slugSchema,
  scope: publishScopeSchema,
  hasPin: z.boolean(),
  hasQr: z.boolean(),
  updatedAt: instantSchema.nullable(),
});
export type MemberCredentialsStatus = z.infer<typeof memberCredentialsStatusSchema>;
export const memberCredentialsQuerySchema = z.object({ scope: publishScopeSchema.optional() });
export const memberCredentialsListSchema = z.object({ credentials: z.array(memberCredentialsStatusSchema) });

/** Absent: unchanged; null: withdrawn (the member can no longer sign in that way); a hash: set or reset. */
export const setMemberCredentialsRequestSchema = z
  .object({
    scope: publishScopeSchema,
    memberId: slugSchema,
    pinHash: z.string().regex(PIN_HASH_PATTERN).nullable().optional(),
    qrHash: z.string().regex(/^[A-Za-z0-9_-]{43}$/).nullable().optional(),
  })
  .refine((request) => request.pinHash !== undefined || request.qrHash !== undefined, { message: 'set or withdraw a PIN or a QR code' });
export const setMemberCredentialsResponseSchema = z.object({ credentials: memberCredentialsStatusSchema });

export const stationScopedQuerySchema = z.object({ stationId: stationIdSchema });
