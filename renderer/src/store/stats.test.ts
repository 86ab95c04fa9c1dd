import { afterEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../../tests/support/render-screen.tsx';
import { commitRecord } from './commit.ts';
import type { YizhanDb } from './db.ts';
import { visitStats } from './stats.ts';

let db: YizhanDb;
afterEach(async () => {
  await db?.delete();
});

describe('visitStats', () => {
  it('counts today, this month and this month per purpose, ignoring other months', async () => {
    db = await freshDb();
    const at = (iso: string, purpose: string) => commitRecord(db, 'visit', 's', () => ({ kind: 'visit', who: 'resident', purpose }), new Date(iso));
    await at('2026-11-27T09:00:00', 'health');
    await at('2026-11-27T10:00:00', 'seniors');
    await at('2026-11-03T10:00:00', 'health');
    await at('2026-10-31T10:00:00', 'health');
    await at('2026-12-01T10:00:00', 'health');
    const stats = await visitStats(db, ['health', 'seniors', 'law'], new Date('2026-11-27T12:00:00'));
    expect(stats).toEqual({ today: 2, month: 3, monthByPurpose: { health: 2, seniors: 1, law: 0 } });
  });
});
