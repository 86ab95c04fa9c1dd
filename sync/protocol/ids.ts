import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';

/** Ids are made on the tablet, time-ordered (UUIDv7) so a retried push is idempotent and ids sort by creation. */
export const newId = (): string => uuidv7();

export const idSchema = z.uuid({ version: 'v7' });
