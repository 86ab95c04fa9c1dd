import { createHash, randomBytes, randomInt } from 'node:crypto';
import { normalizeEnrolmentCode } from '../protocol/wire.ts';

/** Station credentials: 256 random bits, shown once, kept only as a SHA-256 hash. */
export const newStationToken = (): string => `yz1_${randomBytes(32).toString('base64url')}`;

export const sha256 = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

/** Crockford's alphabet: no I, L, O or U, so a code read aloud or copied by hand survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A one-time enrolment code, XXXX-XXXX-XXXX (60 bits): short-lived, and the enrol route is rate-limited. */
export const newEnrolmentCode = (): string => {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]!).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
};

/** Codes are compared by the hash of their normalized form (case, dashes and spaces do not matter). */
export const enrolmentCodeHash = (code: string): string => sha256(`enrol:${normalizeEnrolmentCode(code)}`);
export const tokenHash = (token: string): string => sha256(`token:${token}`);
