import { maskPhone } from '@protocol/masking.ts';
import type { Contact } from '@protocol/records.ts';
import { firstIssueKey, personNameSchema, phoneSchema } from '@protocol/validation.ts';

export interface ContactDraft {
  consent: boolean;
  name: string;
  phone: string;
}

export const emptyContact: ContactDraft = { consent: false, name: '', phone: '' };

export interface ContactErrors {
  name?: string;
  phone?: string;
  contact?: string;
}

/** Checks a consented contact; without consent there is nothing to check (and nothing will be stored). */
export const validateContact = (draft: ContactDraft, required: 'phone' | 'any' = 'any'): ContactErrors => {
  if (!draft.consent) return {};
  const errors: ContactErrors = {};
  if (draft.name.trim()) {
    const r = personNameSchema.safeParse(draft.name);
    if (!r.success) errors.name = firstIssueKey(r.error);
  }
  if (draft.phone) {
    const r = phoneSchema.safeParse(draft.phone);
    if (!r.success) errors.phone = firstIssueKey(r.error);
  } else if (required === 'phone') errors.phone = 'validation.phone.required';
  if (!draft.name.trim() && !draft.phone) errors.contact = 'validation.contact.empty';
  return errors;
};

export const hasErrors = (errors: object): boolean => Object.keys(errors).length > 0;

/** The contact to store: only with consent, only the fields given, with the time consent was given. */
export const toContact = (draft: ContactDraft, now: Date): Contact | undefined => {
  if (!draft.consent || (!draft.name.trim() && !draft.phone)) return undefined;
  return {
    ...(draft.name.trim() ? { name: draft.name.trim() } : {}),
    ...(draft.phone ? { phone: draft.phone } : {}),
    consentAt: now.toISOString(),
  };
};

/** While typing the resident sees the digits; a complete number is masked, as everywhere on screen. */
export const phoneDisplay = (phone: string): string => (phoneSchema.safeParse(phone).success ? maskPhone(phone) : phone);
