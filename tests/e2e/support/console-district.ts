import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { communityScope } from '../../../sync/protocol/centre.ts';
import type { StaffRole } from '../../../sync/protocol/console/session.ts';
import { newId } from '../../../sync/protocol/ids.ts';
import { hashPassword } from '../../../sync/server/console/passwords.ts';
import { type ConsoleSession, openConsole } from './console.ts';
import { enrolledStation, startDemoServer, waitSynced } from './demo-server.ts';
import { type Kiosk, openKiosk } from './kiosk.ts';

/**
 * A district as the console's month-long tests find it on one real server (npm start's demo mode): a subdistrict,
 * two communities (幸福里 with its partner units, 和平里), the kiosks placed in them under names of their own, and
 * the accounts an administrator made. Each test file builds one and shares it across its tests.
 */
export const PASSWORD = 'e2e console password 2026';

export const COMMUNITY_A = { id: 'xingfuli', name: { 'zh-CN': '幸福里社区', en: 'Xingfuli' } } as const;
export const COMMUNITY_B = { id: 'heping', name: { 'zh-CN': '和平里社区', en: 'Heping' } } as const;

export const UNITS = [
  { id: 'water-co', name: { 'zh-CN': '自来水公司', en: 'Water company' } },
  { id: 'power-co', name: { 'zh-CN': '供电所', en: 'Power station' } },
] as const;

export interface PlacedKiosk {
  kiosk: Kiosk;
  stationId: string;
  /** The name the console lists it under (demo stations all start with the demo catalogue's one). */
  name: string;
}

export interface District {
  url: string;
  db: Awaited<ReturnType<typeof startDemoServer>>['db'];
  /** Kiosks by the name the test gave them, each enrolled, placed in its community, and synced since. */
  kiosks: PlacedKiosk[];
}

/** The audit context of the setup: nobody signed in, as the CLI does it. */
const setupAudit = () => ({ staff: null, ip: null, now: new Date() });

/**
 * The server, the kiosks (one per entry of `stations`: its community and name), the organisation and accounts.
 * Kiosks open in `browser` and reload once placed, so their first screen already shows their community's items.
 */
export const openDistrict = async (
  browser: Browser,
  cleanup: (() => Promise<void>)[],
  stations: { name: string; communityId: string }[],
  accounts: { login: string; name: string; role: StaffRole }[],
): Promise<District> => {
  const { url, db } = await startDemoServer(cleanup);
  const { storage } = db;
  await storage.createSubdistrict({ id: 'dongjie', name: { 'zh-CN': '东街街道', en: 'Dongjie' } }, setupAudit());
  for (const community of [COMMUNITY_A, COMMUNITY_B]) await storage.createCommunity({ ...community, subdistrictId: 'dongjie', targetHours: 48 }, setupAudit());
  for (const unit of UNITS) {
    const published = await storage.changeCentreItems(
      { scope: communityScope(COMMUNITY_A.id), changes: [{ collection: 'units', id: unit.id, value: unit }], clashScopes: 'others', action: 'publish.put', targetId: unit.id },
      setupAudit(),
    );
    expect(published.ok).toBe(true);
  }
  for (const account of accounts) await storage.createStaff({ id: newId(), ...account, passwordHash: await hashPassword(PASSWORD) }, setupAudit());

  const kiosks: PlacedKiosk[] = [];
  for (const station of stations) {
    const kiosk = await openKiosk(browser, 'landscape', { url });
    cleanup.push(() => kiosk.close());
    await waitSynced(kiosk.page);
    const stationId = await enrolledStation(kiosk);
    await storage.updateConsoleStation(stationId, { name: station.name, communityId: station.communityId }, setupAudit());
    kiosks.push({ kiosk, stationId, name: station.name });
  }
  return { url, db, kiosks };
};

/** A staff member signed in to the console in a browser context of their own. */
export const signedIn = async (browser: Browser, url: string, cleanup: (() => Promise<void>)[], login: string): Promise<ConsoleSession> => {
  const session = await openConsole(browser, url);
  cleanup.push(() => session.context.close());
  await session.signIn(login, PASSWORD);
  return session;
};

/** One page of the console by its entry in the main navigation. */
export const goTo = async (page: Page, name: string) => {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name, exact: true }).click();
  await page.locator('main h1').first().waitFor();
};

/** The kiosk's next pull, as after a restart: it reloads and waits until it says it is synced. */
export const pull = async (kiosk: Kiosk) => {
  await kiosk.page.reload();
  await kiosk.page.locator('#main h1').first().waitFor();
  await waitSynced(kiosk.page);
};

/** Today's date at the stations (Asia/Shanghai), yyyy-mm-dd. */
export const stationToday = (now = new Date()): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);

/** A resident's complaint about a leak, sent from the kiosk; its receipt number as printed (2475-740 → 2475740). */
export const askAtKiosk = async (kiosk: Kiosk): Promise<string> => {
  await kiosk.tap(/^微心愿/);
  await kiosk.tap(/微诉求/, 'radio');
  await kiosk.tap(/家居维修/, 'radio');
  await kiosk.tap(/水管漏水/);
  await kiosk.page.getByLabel(/补充说明/).fill('5号楼1单元，厨房水槽下面');
  await kiosk.tap('提交微诉求');
  await kiosk.page.getByRole('heading', { name: '已收到您的微诉求' }).waitFor();
  return ((await kiosk.page.locator('.big-number').textContent()) ?? '').replace('-', '');
};

/** A receipt number as the console prints it: 0302001 → 0302-001. */
export const printed = (number: string) => `${number.slice(0, 4)}-${number.slice(4)}`;
