import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt } from 'node:crypto';
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

/** A tablet's install id (a random id its database keeps for good), as storage keeps it: hashed. */
export const installHash = (installId: string): string => sha256(`install:${installId}`);

// The key is the install id's own digest, under another label than installHash: storage holds neither it nor the id.
const sealKey = (installId: string): Buffer => createHash('sha256').update(`seal:${installId}`, 'utf8').digest();

/**
 * A station token sealed (AES-256-GCM) with a key only its install id gives: what storage keeps so that the
 * same tablet, asking again after a lost answer, gets the same token back, while a copy of the database does not
 * (the token is shown once, kept only hashed, and this copy only until the token is first used).
 */
export const sealToken = (token: string, installId: string): string => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(installId), iv);
  const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
};

/** The token sealToken sealed for this install id, or null (another install, or a sealed value tampered with). */
export const unsealToken = (sealed: string, installId: string): string | null => {
  const bytes = Buffer.from(sealed, 'base64url');
  if (bytes.length <= 28) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealKey(installId), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
};
