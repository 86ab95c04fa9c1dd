import type { DeriveKey } from '../technician.ts';

/** A fast stand-in for PBKDF2 with the same contract, for tests of what surrounds it (technician.test covers the real one). */
export const fastDerive: DeriveKey = async (pin, salt, _iterations, length) => {
  const out = new Uint8Array(length);
  const bytes = new TextEncoder().encode(pin);
  for (let i = 0; i < length; i += 1) out[i] = (bytes[i % bytes.length] ?? 0) ^ (salt[i % salt.length] ?? 0) ^ i;
  return out;
};
