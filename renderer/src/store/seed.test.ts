import demo from '@assets/demo/catalogue.json';
import credentials from '@assets/demo/member-credentials.json';
import { catalogueSchema } from '@protocol/catalogue.ts';
import { demoCredentialsSchema } from '@protocol/demo-credentials.ts';
import { verifyMemberPin, verifyMemberQr } from '@protocol/pin-hash.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { YizhanDb } from './db.ts';
import { rebaseDemoDates, replaceCentreData, seedDemoIfEmpty } from './seed.ts';

let db: YizhanDb;
afterEach(async () => {
  await db?.delete();
});

describe('demo seeding', () => {
  it('loads the demo catalogue once and marks the station as demo', async () => {
    db = new YizhanDb('seed-test');
    await seedDemoIfEmpty(db);
    const station = await db.settings.toCollection().first();
    expect(station?.demo).toBe(true);
    expect(await db.services.count()).toBe(21);
    await db.services.clear();
    await seedDemoIfEmpty(db);
    expect(await db.services.count()).toBe(0);
  });

  it('gives the demo members the demo PIN and a QR code that match the published hashes', async () => {
    db = new YizhanDb('seed-test-3');
    await seedDemoIfEmpty(db);
    const file = demoCredentialsSchema.parse(credentials);
    expect(await db.memberCredentials.count()).toBe(catalogueSchema.parse(demo).members.length);
    const wang = await db.memberCredentials.get('wang-xiulan');
    expect(wang).not.toHaveProperty('qrSecret');
    expect(await verifyMemberPin(file.pin, wang!.pinHash!)).toBe(true);
    expect(await verifyMemberPin('0000', wang!.pinHash!)).toBe(false);
    const secret = file.members.find((m) => m.memberId === 'wang-xiulan')!.qrSecret;
    expect(await verifyMemberQr(secret, wang!.qrHash!)).toBe(true);
  });

  it('moves demo events so they stay ahead of today', () => {
    const catalogue = catalogueSchema.parse(demo);
    const later = rebaseDemoDates(catalogue, new Date(2027, 0, 10));
    const first = catalogue.notices.find((n) => n.startsAt);
    const moved = later.notices.find((n) => n.id === first?.id);
    const days = (Date.parse(`${moved?.startsAt}:00Z`) - Date.parse(`${first?.startsAt}:00Z`)) / 86_400_000;
    expect(days).toBe(44);
  });

  it('refuses a malformed catalogue without touching what is there', async () => {
    db = new YizhanDb('seed-test-2');
    await seedDemoIfEmpty(db);
    await expect(replaceCentreData(db, { ...demo, services: [{ id: 'BAD ID' }] })).rejects.toThrow();
    expect(await db.services.count()).toBe(21);
  });
});
