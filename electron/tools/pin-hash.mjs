#!/usr/bin/env node
// Prints the technician PIN hash for a station config: node electron/tools/pin-hash.mjs 13572468
// (npm run pin-hash -- 13572468). Format: pbkdf2-sha256$<iterations>$<salt>$<hash>, as electron/common/technician.ts reads it.
import { pbkdf2Sync, randomBytes } from 'node:crypto';

const pin = process.argv[2] ?? '';
if (!/^\d{4,12}$/.test(pin)) {
  console.error('usage: node electron/tools/pin-hash.mjs <PIN of 4 to 12 digits>');
  process.exit(2);
}
const iterations = 210_000;
const salt = process.env.PIN_SALT_BASE64 ? Buffer.from(process.env.PIN_SALT_BASE64, 'base64') : randomBytes(16);
const hash = pbkdf2Sync(pin, salt, iterations, 32, 'sha256');
console.log(`pbkdf2-sha256$${iterations}$${salt.toString('base64')}$${hash.toString('base64')}`);
