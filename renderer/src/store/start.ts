import type { StationSettings } from '@protocol/catalogue.ts';
import type { YizhanDb } from './db.ts';

export interface StoreStart {
  /**
   * On the tablet's very first start (its database did not exist), the shipped demo station, to paint home
   * with while the demo catalogue is written; null on every later start, where the store has a station.
   */
  firstStation: Promise<StationSettings | null>;
  /** Settles once the store is open and holds a station (the demo seeded if it was empty), or seeding failed. */
  seeded: Promise<void>;
}

/**
 * Opens the store at start-up, before React renders, so the database (and on a first start its schema) is
 * being made while the first screen is. A first start does not wait for the demo seed to reach the first
 * paint: validating and writing the catalogue takes longer than the rest of the start (tests/bench cold).
 * A later start loads no seeding code (it brings zod) unless the store turns out to be empty.
 */
export const startStore = (db: YizhanDb): StoreStart => {
  let created = false;
  // Dexie's populate comes with the upgrade that creates the database, long before that upgrade has committed.
  const isNew = new Promise<boolean>((resolve) => {
    db.on('populate', () => {
      created = true;
      resolve(true);
    });
    db.open().then(
      () => resolve(created),
      () => resolve(false),
    );
  });
  const firstStation = isNew.then(async (fresh) => (fresh ? (await import('./demo-station.ts')).demoStation : null));
  const seeded = (async () => {
    await db.open();
    if ((await db.settings.count()) > 0) return;
    const { seedDemoIfEmpty } = await import('./seed.ts');
    await seedDemoIfEmpty(db);
  })();
  return { firstStation, seeded };
};
