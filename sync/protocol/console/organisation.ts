import { z } from 'zod';
import { stationIdSchema } from '../wire.ts';
import { instantSchema, localizedSchema, slugSchema } from './common.ts';

/**
 * The organisation tree: subdistricts (街道) → communities (社区) → stations (红色驿站). A station belongs to at
 * most one community (none: only the district admin sees it, e.g. before a rollout assigns it). What a community
 * publishes (scope `community:<id>`) reaches each of its stations on their next pull.
 */

export const DEFAULT_TARGET_HOURS = 72;

export const subdistrictSchema = z.object({ id: slugSchema, name: localizedSchema, createdAt: instantSchema });
export type Subdistrict = z.infer<typeof subdistrictSchema>;

export const communitySchema = z.object({
  id: slugSchema,
  subdistrictId: slugSchema,
  name: localizedSchema,
  /** Hours from a request's submission to done before it counts as overdue in the inbox. */
  targetHours: z.number().int().min(1).max(24 * 60),
  createdAt: instantSchema,
});
export type Community = z.infer<typeof communitySchema>;

export const stationSchema = z.object({
  id: stationIdSchema,
  name: z.string(),
  communityId: slugSchema.nullable(),
  /** A tablet has enrolled (a token was issued). */
  enrolled: z.boolean(),
  revokedAt: instantSchema.nullable(),
  createdAt: instantSchema,
});
export type ConsoleStation = z.infer<typeof stationSchema>;

export const organisationSchema = z.object({
  subdistricts: z.array(subdistrictSchema),
  communities: z.array(communitySchema),
  stations: z.array(stationSchema),
});
export type Organisation = z.infer<typeof organisationSchema>;

const stationNameSchema = z.string().trim().min(1).max(64);

export const createSubdistrictRequestSchema = z.object({ id: slugSchema, name: localizedSchema });
export const updateSubdistrictRequestSchema = z.object({ name: localizedSchema });
export const createCommunityRequestSchema = z.object({
  id: slugSchema,
  subdistrictId: slugSchema,
  name: localizedSchema,
  targetHours: z.number().int().min(1).max(24 * 60).default(DEFAULT_TARGET_HOURS),
});
export const updateCommunityRequestSchema = z
  .object({ name: localizedSchema.optional(), targetHours: z.number().int().min(1).max(24 * 60).optional() })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to change' });
export const createStationRequestSchema = z.object({ id: stationIdSchema, name: stationNameSchema, communityId: slugSchema });
/** Moving a station to another community (communityId) is the district admin's. */
export const updateStationRequestSchema = z
  .object({ name: stationNameSchema.optional(), communityId: slugSchema.optional() })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to change' });

export const subdistrictParams = z.object({ subdistrictId: slugSchema });
export const communityParams = z.object({ communityId: slugSchema });
export const stationParams = z.object({ stationId: stationIdSchema });
