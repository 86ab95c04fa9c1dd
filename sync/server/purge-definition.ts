import { PERSONAL_DEFINITION, withoutPersonalFields } from '../protocol/personal.ts';
import type { PurgeDefinition } from './storage/types.ts';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A shift event as the console's hours ledger (shift_events) keeps it past retention. A walk-in volunteer's name
 * stays, with the consent it was given under: the Volunteer Service Regulations (志愿服务条例, arts. 19 and 20) have
 * the organisation keep a true record of who served and for how long and certify it when the volunteer asks, and
 * the monthly hours report and certificate credit a walk-in by that name (console/hours.ts). Neither needs the
 * phone or the drawn signature, so they go like every other personal field.
 */
export const shiftEventAfterRetention = (payload: unknown): unknown => {
  const rest = withoutPersonalFields(payload);
  if (!isObject(payload) || !isObject(rest) || !isObject(payload.contact) || typeof payload.contact.name !== 'string') return rest;
  return { ...rest, contact: { name: payload.contact.name, consentAt: payload.contact.consentAt } };
};

/** What the server's retention removes: from records, the console's request timeline and its hours ledger. */
export const purgeDefinition: PurgeDefinition = {
  version: PERSONAL_DEFINITION,
  record: withoutPersonalFields,
  requestEvent: withoutPersonalFields,
  shiftEvent: shiftEventAfterRetention,
};
