import { dayKey } from '@protocol/time.ts';
import { growthPerDay, type StorageReading, type StorageSample } from '../../../sync/client/storage-trend.ts';
import type { YizhanDb } from './db.ts';

const KEY = 'storage.samples';
const KEEP_MS = 30 * 86_400_000;

const storedSamples = async (db: YizhanDb): Promise<StorageSample[]> => {
  const value = (await db.meta.get(KEY))?.value;
  return Array.isArray(value) ? (value as StorageSample[]) : [];
};

/**
 * Keeps the day's first reading of the storage used (one small write a day, not one a sync round) for 30 days,
 * and answers the reading with its trend: from the oldest sample kept to this reading.
 */
export const withStorageTrend = async (db: YizhanDb, reading: StorageReading, now: Date): Promise<StorageReading> => {
  if (reading.used === null) return { ...reading, growthPerDay: null };
  const used = reading.used;
  const samples = await db.transaction('rw', db.meta, async () => {
    const kept = (await storedSamples(db)).filter((sample) => now.getTime() - Date.parse(sample.at) < KEEP_MS);
    if (kept.some((sample) => dayKey(new Date(sample.at)) === dayKey(now))) return kept;
    const samples = [...kept, { at: now.toISOString(), used }];
    await db.meta.put({ key: KEY, value: samples });
    return samples;
  });
  return { ...reading, growthPerDay: growthPerDay([...samples, { at: now.toISOString(), used }]) };
};
