/**
 * PIN hashes and member QR secrets, one definition for the kiosk (which verifies offline), the console (which
 * hashes in the browser, so only a hash leaves the form), the server's CLI and the shell. WebCrypto only for the
 * members' PINs: it is in every browser and in Node.
 *
 * A hash is `pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>`. The technician PIN has the same form: it is
 * written by the kiosk's first-run setup (the shell with Node's crypto, a browser kiosk with WebCrypto) and by the
 * centre's provisioning tool into a tablet's station.json, and read by the PIN gate (electron/common/technician.ts),
 * which passes its derivation in. A 4–8 digit PIN has few possibilities, so the hash alone never protects it
 * against someone who copied the tablet's storage; the slow KDF with a per-member salt makes that costly and the
 * kiosk's lockout stops guessing at the screen. See sync/protocol/README.md.
 */

export const MEMBER_PIN_PATTERN = /^\d{4,8}$/;
export const PIN_PATTERN = /^\d{4,12}$/;
export const PIN_HASH_PATTERN = /^pbkdf2-sha256\$(\d{5,7})\$([A-Za-z0-9+/]{22,}={0,2})\$([A-Za-z0-9+/]{43}=)$/;
export const MIN_PIN_ITERATIONS = 100_000;
/** What every new hash is made with (OWASP's figure for PBKDF2-HMAC-SHA256). */
export const PIN_ITERATIONS = 210_000;

/**
 * The hash of the demo PIN 24681357: the demo server offers it in its station-config.json (`npm start`), and the
 * end-to-end suite's stations use it. Everybody knows it, so both kiosks report a station using it as a problem.
 */
export const DEMO_PIN = '24681357';
export const DEMO_PIN_HASH = 'pbkdf2-sha256$210000$WWl6aGFuLWRlbW8tc2FsdA==$fvJva+1tg9xdNSv76FN3LKoI4QKVZhw4vnCyTKmr2bA=';

export interface PinHash {
  iterations: number;
  salt: Uint8Array;
  hash: Uint8Array;
}

const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const toBase64Url = (bytes: Uint8Array): string => toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export const parsePinHash = (value: string): PinHash | null => {
  const match = PIN_HASH_PATTERN.exec(value);
  if (!match) return null;
  const iterations = Number(match[1]);
  if (iterations < MIN_PIN_ITERATIONS) return null;
  return { iterations, salt: fromBase64(match[2] ?? ''), hash: fromBase64(match[3] ?? '') };
};

export const formatPinHash = ({ iterations, salt, hash }: PinHash): string =>
  `pbkdf2-sha256$${iterations}$${toBase64(salt)}$${toBase64(hash)}`;

/** PBKDF2-HMAC-SHA256 of the PIN's UTF-8 bytes: `length` bytes. */
export type DeriveKey = (pin: string, salt: Uint8Array, iterations: number, length: number) => Promise<Uint8Array>;

export const hashPin = async (pin: string, salt: Uint8Array, derive: DeriveKey, iterations = PIN_ITERATIONS): Promise<string> =>
  formatPinHash({ iterations, salt, hash: await derive(pin, salt, iterations, 32) });

/** Compares without an early exit, so the time taken does not tell how many leading bytes matched. */
export const constantTimeEqual = (a: Uint8Array, b: Uint8Array): boolean => {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
};

const derive = async (pin: string, salt: Uint8Array, iterations: number, length: number): Promise<Uint8Array> => {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, length * 8);
  return new Uint8Array(bits);
};

/** A new hash of the PIN with a fresh random salt. */
export const hashMemberPin = async (pin: string, iterations = PIN_ITERATIONS): Promise<string> => {
  if (!MEMBER_PIN_PATTERN.test(pin)) throw new Error('a PIN is 4 to 8 digits');
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return formatPinHash({ iterations, salt, hash: await derive(pin, salt, iterations, 32) });
};

/** Whether the PIN matches the hash; false for a malformed hash or PIN. */
export const verifyMemberPin = async (pin: string, encoded: string): Promise<boolean> => {
  const expected = parsePinHash(encoded);
  if (!expected || !MEMBER_PIN_PATTERN.test(pin)) return false;
  return constantTimeEqual(await derive(pin, expected.salt, expected.iterations, expected.hash.length), expected.hash);
};

// ---------------------------------------------------------------------------------------------- member QR

/**
 * A member's QR code (on their phone or badge) says `YZM1:<member id>:<secret>`; the centre keeps and publishes only
 * the SHA-256 of the secret. The secret is 128 random bits, so a fast hash is enough: nothing to brute-force.
 */
const MEMBER_QR_PATTERN = /^YZM1:([a-z0-9][a-z0-9-]{0,63}):([A-Za-z0-9_-]{22})$/;

export const newMemberQrSecret = (): string => toBase64Url(crypto.getRandomValues(new Uint8Array(16)));

export const memberQrText = (memberId: string, secret: string): string => `YZM1:${memberId}:${secret}`;

export const parseMemberQr = (text: string): { memberId: string; secret: string } | null => {
  const match = MEMBER_QR_PATTERN.exec(text.trim());
  return match ? { memberId: match[1]!, secret: match[2]! } : null;
};

/** What the centre keeps of a QR secret: base64url SHA-256. */
export const hashMemberQrSecret = async (secret: string): Promise<string> =>
  toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(secret))));

export const verifyMemberQr = async (secret: string, expectedHash: string): Promise<boolean> => {
  const actual = new TextEncoder().encode(await hashMemberQrSecret(secret));
  return constantTimeEqual(actual, new TextEncoder().encode(expectedHash));
};
