import { type Catalogue, catalogueSchema } from '@protocol/catalogue.ts';
import { demoCredentialsSchema, demoMemberCredentials } from '@protocol/demo-credentials.ts';
import { centreTables, type YizhanDb } from './db.ts';

/** The demo data is written around this day; its events are moved so they stay in the near future. */
const DEMO_ANCHOR = Date.UTC(2026, 10, 27);
const DAY_MS = 86_400_000;

const shiftDate = (local: string, days: number): string => {
  const [date, time] = local.split('T') as [string, string];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(y, m - 1, d) + days * DAY_MS);
  return `${shifted.toISOString().slice(0, 10)}T${time}`;
};

export const rebaseDemoDates = (catalogue: Catalogue, now: Date): Catalogue => {
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  const days = Math.round((today - DEMO_ANCHOR) / DAY_MS);
  return {
    ...catalogue,
    notices: catalogue.notices.map((n) => (n.startsAt ? { ...n, startsAt: shiftDate(n.startsAt, days) } : n)),
  };
};

/** Replaces every centre-born collection in one transaction, so the kiosk never shows half a catalogue. */
export const replaceCentreData = async (db: YizhanDb, input: unknown): Promise<void> => {
  await writeCatalogue(db, catalogueSchema.parse(input));
};

type MemberCredentials = ReturnType<typeof demoMemberCredentials>;

const writeCatalogue = async (db: YizhanDb, c: Catalogue, { onlyIfEmpty = false, credentials = null as MemberCredentials | null } = {}): Promise<void> => {
  await db.transaction('rw', [...centreTables(db), db.memberCredentials], async () => {
    if (onlyIfEmpty && (await db.settings.count()) > 0) return;
    await Promise.all(centreTables(db).map((t) => t.clear()));
    if (credentials) await db.memberCredentials.bulkPut(credentials);
    await db.settings.put(c.station);
    await db.categories.bulkPut(c.categories);
    await db.services.bulkPut(c.services);
    await db.bills.bulkPut(c.bills);
    await db.units.bulkPut(c.units);
    await db.members.bulkPut(c.members);
    await db.shifts.bulkPut(c.shifts);
    await db.notices.bulkPut(c.notices);
    await db.amenities.bulkPut(c.amenities);
  });
};

/** The demo members' PIN and QR hashes, so a volunteer can try signing in on a kiosk without a centre. */
export const writeDemoCredentials = async (db: YizhanDb): Promise<void> => {
  const { default: file } = await import('@assets/demo/member-credentials.json');
  await db.memberCredentials.bulkPut(demoMemberCredentials(demoCredentialsSchema.parse(file)));
};

/**
 * First start without a central server: load the shipped demo data (a lazily loaded chunk). Whether the store
 * is empty is asked inside the writing transaction: a catalogue pulled while the demo was being validated wins.
 */
export const seedDemoIfEmpty = async (db: YizhanDb, now: Date = new Date()): Promise<void> => {
  if ((await db.settings.count()) > 0) return;
  const [{ default: demo }, { default: file }] = await Promise.all([import('@assets/demo/catalogue.json'), import('@assets/demo/member-credentials.json')]);
  // Validated once here; rebasing only moves dates, so the result needs no second parse. The members' sign-in
  // hashes go in the same transaction: a start cut short (a reload, the power) must not leave the demo's
  // members without them, since a later start sees a station and seeds nothing. They sign in only where the demo
  // is meant: a tablet provisioned as a station refuses them (volunteers/demo-sign-in.ts).
  const credentials = demoMemberCredentials(demoCredentialsSchema.parse(file));
  await writeCatalogue(db, rebaseDemoDates(catalogueSchema.parse(demo), now), { onlyIfEmpty: true, credentials });
};
