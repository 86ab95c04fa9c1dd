import { z } from 'zod';

// Mainland mobile numbers (11 digits starting 13–19) and landlines with area code (0 + 2–3 digits + 7–8 digits).
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}\d{7,8}$/;

export const phoneSchema = z
  .string()
  .regex(/^\d+$/, { message: 'phone.digits' })
  .refine((v) => MOBILE.test(v) || LANDLINE.test(v), { message: 'phone.invalid' });

/** Utility account numbers vary by provider; digits only, 6 to 20 of them. */
export const accountNumberSchema = z
  .string()
  .regex(/^\d+$/, { message: 'account.digits' })
  .min(6, { message: 'account.short' })
  .max(20, { message: 'account.long' });

export const personNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'name.empty' })
  .max(20, { message: 'name.long' })
  .regex(/^[\p{L}\p{M}·.\s'-]+$/u, { message: 'name.invalid' });

/** A validation failure as an i18n key under `validation.`, so every screen shows it in the user's language. */
export const firstIssueKey = (error: z.ZodError): string => `validation.${error.issues[0]?.message ?? 'invalid'}`;
