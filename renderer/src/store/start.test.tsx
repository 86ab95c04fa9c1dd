import demo from '@assets/demo/catalogue.json';
import { stationSettingsSchema } from '@protocol/catalogue.ts';
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { YizhanDb } from './db.ts';
import { demoStation } from './demo-station.ts';
import { seedDemoIfEmpty } from './seed.ts';
import { startStore } from './start.ts';
import { StoreProvider, useStore } from './StoreProvider.tsx';

let count = 0;
const opened: YizhanDb[] = [];
const newDb = () => {
  const db = new YizhanDb(`start-test-${Date.now()}-${(count += 1)}`);
  opened.push(db);
  return db;
};
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

function StationName() {
  const { station } = useStore();
  return <p>{station.name['zh-CN']}</p>;
}

describe('starting the store', () => {
  it('paints with the shipped demo station as it is: the schema takes it unchanged', () => {
    expect(stationSettingsSchema.parse(demoStation)).toEqual(demoStation);
    expect(demoStation).toEqual(demo.station);
  });

  it('on a first start, hands over the demo station and writes the demo catalogue', async () => {
    const db = newDb();
    const start = startStore(db);
    expect(await start.firstStation).toEqual(demoStation);
    await start.seeded;
    expect((await db.settings.toCollection().first())?.stationId).toBe(demoStation.stationId);
    expect(await db.services.count()).toBe(demo.services.length);
  });

  it('on a later start, hands over nothing and seeds nothing more', async () => {
    const db = newDb();
    await seedDemoIfEmpty(db);
    await db.services.clear();
    db.close();
    const start = startStore(db);
    expect(await start.firstStation).toBeNull();
    await start.seeded;
    expect(await db.services.count()).toBe(0);
  });

  it('seeds a store that exists but is empty (a first start cut short), without a first station', async () => {
    const db = newDb();
    await db.open();
    db.close();
    const start = startStore(db);
    expect(await start.firstStation).toBeNull();
    await start.seeded;
    expect(await db.settings.count()).toBe(1);
  });

  it('does not overwrite a catalogue written while the demo was being prepared', async () => {
    const db = newDb();
    const seeding = seedDemoIfEmpty(db);
    await db.settings.put({ ...demoStation, stationId: 'pulled', demo: false });
    await seeding;
    expect((await db.settings.toArray()).map((s) => s.stationId)).toEqual(['pulled']);
  });

  it('shows the first station while the database cannot open yet, then follows the store', async () => {
    const db = newDb();
    // An older connection that ignores the upgrade holds the kiosk's open back, as a slow first schema does.
    const holder = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(db.name, 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error as Error);
    });
    render(
      <StoreProvider db={db} firstStation={Promise.resolve(demoStation)} fallback={<p>preparing</p>}>
        <StationName />
      </StoreProvider>,
    );
    expect(await screen.findByText(demoStation.name['zh-CN'])).toBeInTheDocument();
    expect(db.isOpen()).toBe(false);

    holder.close();
    await db.open();
    await db.settings.put({ ...demoStation, stationId: 'pulled', name: { 'zh-CN': '中心发布的驿站', en: 'Published' }, demo: false });
    expect(await screen.findByText('中心发布的驿站')).toBeInTheDocument();
  });
});
