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
/** A tablet's localStorage of its own for each start, as startStore's hints. */
const hintsOf = (entries: Record<string, string> = {}): Storage => {
  const map = new Map(Object.entries(entries));
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (index) => [...map.keys()][index] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, value),
  };
};
const STARTED = { 'yizhan.store.started': '1' };

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

  it('on a first start, hands over the demo station and writes the demo catalogue after the first screen', async () => {
    const db = newDb();
    const hints = hintsOf();
    let shown = (): void => undefined;
    const start = startStore(db, new Promise((resolve) => (shown = resolve)), hints);
    expect(await start.firstStation).toEqual(demoStation);
    // Nothing is written while home is being painted from the demo station.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await db.settings.count()).toBe(0);
    shown();
    await start.seeded;
    expect((await db.settings.toCollection().first())?.stationId).toBe(demoStation.stationId);
    expect(await db.services.count()).toBe(demo.services.length);
    expect(hints.getItem('yizhan.store.started')).toBe('1');
  });

  it('on a tablet that never started, hands over the demo station before the database is even open', async () => {
    const db = newDb();
    let settled = false;
    const start = startStore(db, Promise.resolve(), hintsOf());
    void start.firstStation.then(() => (settled = true));
    await Promise.resolve();
    await Promise.resolve();
    expect(settled).toBe(true);
    expect(start.firstStationAtOnce).toEqual(demoStation);
    expect(db.isOpen()).toBe(false);
    await start.seeded;
  });

  it('on a later start, hands over nothing and seeds nothing more', async () => {
    const db = newDb();
    await seedDemoIfEmpty(db);
    await db.services.clear();
    db.close();
    const start = startStore(db, Promise.resolve(), hintsOf(STARTED));
    expect(start.firstStationAtOnce).toBeNull();
    expect(await start.firstStation).toBeNull();
    await start.seeded;
    expect(await db.services.count()).toBe(0);
  });

  it('hands over the demo station when the store was wiped but the hint stayed', async () => {
    const db = newDb();
    const start = startStore(db, Promise.resolve(), hintsOf(STARTED));
    expect(await start.firstStation).toEqual(demoStation);
    await start.seeded;
    expect(await db.settings.count()).toBe(1);
  });

  it('seeds a store that exists but is empty (a first start cut short), without waiting for a screen', async () => {
    const db = newDb();
    await db.open();
    db.close();
    const start = startStore(db, new Promise<void>(() => undefined), hintsOf(STARTED));
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

  it('renders the station known at once in its very first render: no preparing screen comes before home', () => {
    const db = newDb();
    render(
      <StoreProvider db={db} firstStation={new Promise(() => undefined)} firstStationAtOnce={demoStation} fallback={<p>preparing</p>}>
        <StationName />
      </StoreProvider>,
    );
    expect(screen.getByText(demoStation.name['zh-CN'])).toBeInTheDocument();
    expect(screen.queryByText('preparing')).toBeNull();
  });
});
