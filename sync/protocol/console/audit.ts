import { z } from 'zod';
import { instantSchema, nextCursorSchema, pageQuery, serverIdSchema } from './common.ts';

/**
 * The audit log: every change made through the console (and the CLI), and every login, logout and lockout —
 * who, when, what, before and after. Append-only; the district admin reads and exports it.
 */

/** What was done, `<object>.<verb>`: staff.create, publish.put, request.dispatch, session.login-failed, … */
export const auditActionSchema = z.string().regex(/^[a-z-]+\.[a-z-]+$/);

export const auditEntrySchema = z.object({
  id: z.string(),
  at: instantSchema,
  /** null: the CLI, or a failed login of an unknown name. */
  staff: z.object({ id: serverIdSchema, login: z.string(), name: z.string() }).nullable(),
  action: auditActionSchema,
  /** The kind of thing changed and its id: station demo-1, publish services/community:xfl/water, request <uuid>. */
  targetType: z.string(),
  targetId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  /** The client's address as the server saw it. */
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z.object({
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  staffId: serverIdSchema.optional(),
  action: auditActionSchema.optional(),
  targetType: z.string().min(1).max(64).optional(),
  targetId: z.string().min(1).max(200).optional(),
  ...pageQuery,
});
/** The CSV export takes the same filters and a header language. */
export const auditCsvQuerySchema = auditQuerySchema.extend({ lang: z.enum(['zh-CN', 'en']).default('zh-CN') });
export const auditListSchema = z.object({ entries: z.array(auditEntrySchema), nextCursor: nextCursorSchema });
