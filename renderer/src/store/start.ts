import type { StationSettings } from '@protocol/catalogue.ts';
import type { YizhanDb } from './db.ts';
import { demoStation } from './demo-station.ts';
import { markStarted, startedBefore } from './started-hint.ts';

export interface StoreStart {
  /**
   * On the tablet's very first start (its database did not exist), the shipped demo station, to paint home
   * with while the demo catalogue is written; null on every later start, where the store has a station.
   */
  firstStation: Promise<StationSettings | null>;
  /** The demo station when it is known without asking the database (a tablet that never started), or null. */
  firstStationAtOnce: StationSettings | null;
  /**
   * Settles once the store is open and holds a station (the demo seeded if it was empty, after the first screen
   * was shown), or seeding failed.
   */
  seeded: Promise<void>;
}

/**
 * Opens the store at start-up, before React renders, so the database (and on a first start its schema) is
 * being made while the first screen is. A first start does not wait for the demo seed to reach the first
 * paint: validating and writing the catalogue takes longer than the rest of the start (tests/bench cold), so it
 * waits for `firstScreen` (home painted from the demo station) instead.
 * A later start loads no seeding code (it brings zod) unless the store turns out to be empty.
 */
export const startStore = (
  db: YizhanDb,
  firstScreen: Promise<void> = Promise.resolve(),
  hints: Storage | undefined = globalThis.localStorage,
): StoreStart => {
  let created = false;
  // A tablet that has never started needs no answer from the database to know it: making the database (its
  // schema) takes 300–400 ms, which a first start spent on a "preparing" screen before home.
  const neverStarted = !startedBefore(hints);
  const isNew = new Promise<boolean>((resolve) => {
    if (neverStarted) resolve(true);
    // Dexie's populate comes with the upgrade that creates the database, long before that upgrade has committed:
    // a store cleared while the hint stayed is new as well.
    db.on('populate', () => {
      created = true;
      resolve(true);
    });
    db.open().then(
      () => resolve(created),
      () => resolve(false),
    );
  });
  const firstStation = isNew.then((fresh) => (fresh ? demoStation : null));
  const seeded = (async () => {
    await db.open();
    if ((await db.settings.count()) === 0) {
      // Home is painted from the demo station first; validating and writing the catalogue beside that paint
      // would take the CPU it needs. A start that shows no first station waits for nothing.
      if (await firstStation) await firstScreen;
      const { seedDemoIfEmpty } = await import('./seed.ts');
      await seedDemoIfEmpty(db);
    }
    markStarted(hints);
  })();
  return { firstStation, firstStationAtOnce: neverStarted ? demoStation : null, seeded };
};
