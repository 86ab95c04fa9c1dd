import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';

/** Ids are made on the tablet, time-ordered (UUIDv7) so a retried push is idempotent and ids sort by creation. */
export const newId = (): string => uuidv7();

export const idSchema = z.uuid({ version: 'v7' });

/** A tablet's install id (installIdSchema, wire.ts): 128 random bits, base64url, made once with its database. */
export const newInstallId = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
