import { afterEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../../tests/support/render-screen.tsx';
import type { YizhanDb } from './db.ts';
import { withStorageTrend } from './storage-samples.ts';

const DAY = 86_400_000;
const opened: YizhanDb[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

describe('withStorageTrend', () => {
  it('has no trend until a day apart, then gives the growth a day from the oldest sample kept', async () => {
    const db = await freshDb();
    opened.push(db);
    const start = new Date('2026-03-01T02:00:00Z');
    expect(await withStorageTrend(db, { used: 10_000_000, quota: 1e9 }, start)).toEqual({ used: 10_000_000, quota: 1e9, growthPerDay: null });
    expect((await withStorageTrend(db, { used: 10_050_000, quota: 1e9 }, new Date(start.getTime() + 3_600_000))).growthPerDay).toBeNull();
    expect((await withStorageTrend(db, { used: 10_200_000, quota: 1e9 }, new Date(start.getTime() + 2 * DAY))).growthPerDay).toBe(100_000);
    // One sample a day is kept, the day's first: a round every 30 s does not write every 30 s.
    await withStorageTrend(db, { used: 10_300_000, quota: 1e9 }, new Date(start.getTime() + 2 * DAY + 3_600_000));
    expect(((await db.meta.get('storage.samples'))?.value as unknown[]).length).toBe(2);
  });

  it('forgets samples older than 30 days, so the trend follows the last month', async () => {
    const db = await freshDb();
    opened.push(db);
    const start = new Date('2026-03-01T02:00:00Z');
    await withStorageTrend(db, { used: 1_000_000, quota: null }, start);
    await withStorageTrend(db, { used: 50_000_000, quota: null }, new Date(start.getTime() + 20 * DAY));
    const later = await withStorageTrend(db, { used: 51_000_000, quota: null }, new Date(start.getTime() + 40 * DAY));
    expect(later.growthPerDay).toBe(50_000);
  });

  it('answers a browser that cannot tell its usage without a trend, and keeps nothing', async () => {
    const db = await freshDb();
    opened.push(db);
    expect(await withStorageTrend(db, { used: null, quota: null }, new Date())).toEqual({ used: null, quota: null, growthPerDay: null });
    expect(await db.meta.get('storage.samples')).toBeUndefined();
  });
});
