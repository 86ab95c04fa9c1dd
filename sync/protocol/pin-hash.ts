/**
 * The technician PIN's stored form, `pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>`: written by the
 * kiosk's first-run setup (the shell with Node's crypto, a browser kiosk with WebCrypto) and by the centre's
 * provisioning tool into a tablet's station.json, read by the PIN gate (electron/common/technician.ts).
 * The derivation is passed in, so this runs anywhere.
 */
export const PIN_HASH_PATTERN = /^pbkdf2-sha256\$(\d{5,7})\$([A-Za-z0-9+/]{22,}={0,2})\$([A-Za-z0-9+/]{43}=)$/;
export const MIN_PIN_ITERATIONS = 100_000;
/** What every new hash is made with (OWASP's figure for PBKDF2-HMAC-SHA256). */
export const PIN_ITERATIONS = 210_000;
export const PIN_PATTERN = /^\d{4,12}$/;

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

const fromBase64 = (s: string): Uint8Array => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));

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
