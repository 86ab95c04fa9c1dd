import { z } from 'zod';
import { instantSchema, serverIdSchema, slugSchema } from './common.ts';

/**
 * Staff accounts, their roles in the organisation tree (district → subdistrict 街道 → community 社区 → station), and
 * the session a login opens. Who may do what is in README.md ("Roles and scope").
 */

export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;
/** A login name: lower-case letters, digits, dot, dash, underscore; 3–64 characters. Compared in lower case. */
export const loginSchema = z
  .string()
  .trim()
  .transform((value) => value.toLowerCase())
  .pipe(z.string().regex(LOGIN_PATTERN));

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;
/** A new password: long rather than clever (NIST SP 800-63B); any characters. */
export const newPasswordSchema = z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH);
/** A password typed at login: not held to the rules of today (an old one may be shorter), only bounded. */
export const passwordSchema = z.string().min(1).max(MAX_PASSWORD_LENGTH);

export const staffRoleKinds = ['district-admin', 'subdistrict-staff', 'community-staff', 'unit-lead'] as const;
export type StaffRoleKind = (typeof staffRoleKinds)[number];

/**
 * A staff member's role and where in the tree it holds:
 * - district admin: everything, and the only role that reads the audit log;
 * - subdistrict staff: the communities of one subdistrict, and their stations;
 * - community staff: one community and its stations;
 * - partner-unit lead: one partner unit of one community: its members and their shifts, and the requests
 *   dispatched to the unit.
 */
export const staffRoleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('district-admin') }),
  z.object({ kind: z.literal('subdistrict-staff'), subdistrictId: slugSchema }),
  z.object({ kind: z.literal('community-staff'), communityId: slugSchema }),
  z.object({ kind: z.literal('unit-lead'), communityId: slugSchema, unitId: slugSchema }),
]);
export type StaffRole = z.infer<typeof staffRoleSchema>;

export const staffNameSchema = z.string().trim().min(1).max(40);

export const staffSchema = z.object({
  id: serverIdSchema,
  login: z.string(),
  name: z.string(),
  role: staffRoleSchema,
  /** A disabled account cannot log in; its sessions ended when it was disabled. Accounts are never deleted (audit). */
  disabled: z.boolean(),
  createdAt: instantSchema,
  lastLoginAt: instantSchema.nullable(),
  /** Set while failed logins keep the account locked. */
  lockedUntil: instantSchema.nullable(),
});
export type Staff = z.infer<typeof staffSchema>;

/** The staff member's scope, resolved: what the console may show them. */
export const staffScopeSchema = z.object({
  /** True for the district admin: every present and future subdistrict, community and station. */
  district: z.boolean(),
  subdistrictIds: z.array(z.string()),
  communityIds: z.array(z.string()),
  stationIds: z.array(z.string()),
  /** A unit lead's unit. */
  unitId: z.string().nullable(),
});
export type StaffScope = z.infer<typeof staffScopeSchema>;

export const sessionSchema = z.object({
  staff: staffSchema,
  scope: staffScopeSchema,
  /** Send it as the x-csrf-token header with every request that changes something. */
  csrfToken: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  /** The session ends at the first of these: idle (renewed by every request) and absolute (fixed at login). */
  idleExpiresAt: instantSchema,
  expiresAt: instantSchema,
});
export type Session = z.infer<typeof sessionSchema>;

// ---------------------------------------------------------------------------------------------- messages

export const loginRequestSchema = z.object({ login: loginSchema, password: passwordSchema });
export const changePasswordRequestSchema = z.object({ currentPassword: passwordSchema, newPassword: newPasswordSchema });
/** How many sessions of the account ended (log out everywhere, a password change ends all but this one). */
export const sessionsEndedSchema = z.object({ ended: z.number().int().min(0) });

export const staffListQuerySchema = z.object({ communityId: slugSchema.optional(), includeDisabled: z.enum(['true', 'false']).optional() });
export const staffListSchema = z.object({ staff: z.array(staffSchema) });
export const createStaffRequestSchema = z.object({
  login: loginSchema,
  name: staffNameSchema,
  role: staffRoleSchema,
  /** Chosen by whoever creates the account and handed over in person; the staff member changes it. */
  password: newPasswordSchema,
});
export const updateStaffRequestSchema = z
  .object({ name: staffNameSchema.optional(), role: staffRoleSchema.optional(), disabled: z.boolean().optional() })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to change' });
/** An administrator sets a new password for someone: every session of that account ends. */
export const resetPasswordRequestSchema = z.object({ password: newPasswordSchema });
export const staffParams = z.object({ staffId: serverIdSchema });
