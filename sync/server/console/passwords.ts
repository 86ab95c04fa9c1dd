import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Staff passwords: scrypt from node:crypto, memory-hard (N=2^15, r=8: 32 MiB and ~60 ms a guess here), with a
 * random salt per password. Node's scrypt runs on libuv's thread pool, so hashing never blocks the event loop.
 * Why not argon2id: it would be a native dependency to build on every machine, for a gain over scrypt with these
 * parameters that does not change what an attacker with the hashes can do (OWASP lists both).
 *
 * Stored as `scrypt$<N>$<r>$<p>$<salt base64>$<hash base64>`, so the parameters can be raised later and old
 * hashes still verify. Parameters from a stored hash are bounded (a corrupted row must not ask for gigabytes).
 */
export interface PasswordCost {
  n: number;
  r: number;
  p: number;
}
/** OWASP's scrypt baseline. Tests pass a cheaper cost; a stored hash carries its own, so both verify. */
export const DEFAULT_PASSWORD_COST: PasswordCost = { n: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
// N * r * 128 bytes, plus headroom: Node refuses scrypt above its default 32 MiB maxmem.
const MAX_MEMORY = 64 * 1024 * 1024;

const derive = (password: string, salt: Buffer, cost: { n: number; r: number; p: number }, length: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, { N: cost.n, r: cost.r, p: cost.p, maxmem: MAX_MEMORY }, (error, key) => (error ? reject(error) : resolve(key)));
  });

export const hashPassword = async (password: string, cost: PasswordCost = DEFAULT_PASSWORD_COST): Promise<string> => {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost, KEY_LENGTH);
  return `scrypt$${cost.n}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
};

const HASH = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const match = HASH.exec(stored);
  if (!match) return false;
  const expected = Buffer.from(match[5]!, 'base64');
  const cost = { n: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  if (cost.n * cost.r * 128 > MAX_MEMORY / 2 || cost.p > 16 || expected.length < 16) return false;
  const key = await derive(password, Buffer.from(match[4]!, 'base64'), cost, expected.length);
  return timingSafeEqual(key, expected);
};

/** Verified against when a login names nobody, so an unknown name takes as long as a wrong password. */
export const dummyPasswordHash = (cost: PasswordCost = DEFAULT_PASSWORD_COST): string =>
  `scrypt$${cost.n}$${cost.r}$${cost.p}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(KEY_LENGTH).toString('base64')}`;

/** A password for an account made by the CLI, printed once: 20 characters of base64url (120 bits). */
export const newPassword = (): string => randomBytes(15).toString('base64url');
