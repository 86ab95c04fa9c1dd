import type { FastifyBaseLogger } from 'fastify';
import { newId } from '../../protocol/ids.ts';
import type { AuditContext } from '../storage/console/types.ts';
import type { Storage } from '../storage/types.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

/** The demo's console login, printed at start and written in README.md. Only ever made on a demo database. */
export const DEMO_STAFF_LOGIN = 'demo';
export const DEMO_STAFF_PASSWORD = 'yizhan-demo-2026';
export const DEMO_SUBDISTRICT_ID = 'demo-subdistrict';
export const DEMO_COMMUNITY_ID = 'demo-community';

export interface ConsoleDemo {
  login: string;
  password: string;
  url: string;
}

/**
 * The console's part of the demo: on a database with no staff yet, a demo subdistrict and community (so the
 * console has an organisation to show; every demo station joins it, joinDemoCommunity) and a district admin with
 * a fixed password. On every start the login is printed, as long as the demo password still opens it (changed or
 * disabled: not shown).
 */
export const bootstrapConsoleDemo = async (
  storage: Storage,
  { logger, now, consoleUrl, stationPrefix }: { logger: FastifyBaseLogger; now: Date; consoleUrl: string; stationPrefix: string },
): Promise<ConsoleDemo | null> => {
  const audit: AuditContext = { staff: null, ip: null, now };
  if ((await storage.listStaff()).length === 0) {
    if (!(await storage.listSubdistricts()).some((s) => s.id === DEMO_SUBDISTRICT_ID)) {
      await storage.createSubdistrict({ id: DEMO_SUBDISTRICT_ID, name: { 'zh-CN': '示范街道', en: 'Demo subdistrict' } }, audit);
    }
    if (!(await storage.listCommunities()).some((c) => c.id === DEMO_COMMUNITY_ID)) {
      await storage.createCommunity({ id: DEMO_COMMUNITY_ID, subdistrictId: DEMO_SUBDISTRICT_ID, name: { 'zh-CN': '示范社区', en: 'Demo community' }, targetHours: 48 }, audit);
    }
    // Demo stations enrolled before the console existed join it now; later ones as they enrol.
    for (const station of await storage.listConsoleStations()) {
      if (station.id.startsWith(stationPrefix) && station.communityId === null) await joinDemoCommunity(storage, station.id, now);
    }
    await storage.createStaff(
      { id: newId(), login: DEMO_STAFF_LOGIN, name: '示范管理员', role: { kind: 'district-admin' }, passwordHash: await hashPassword(DEMO_STAFF_PASSWORD) },
      audit,
    );
  }
  const staff = await storage.getStaffByLogin(DEMO_STAFF_LOGIN);
  if (!staff || staff.disabled || !(await verifyPassword(DEMO_STAFF_PASSWORD, staff.passwordHash))) return null;
  logger.info({ console: consoleUrl, login: DEMO_STAFF_LOGIN }, `community console: ${consoleUrl} (log in as ${DEMO_STAFF_LOGIN} / ${DEMO_STAFF_PASSWORD})`);
  return { login: DEMO_STAFF_LOGIN, password: DEMO_STAFF_PASSWORD, url: consoleUrl };
};

/** A demo station joins the demo community (when there is one and the station has no community yet). */
export const joinDemoCommunity = async (storage: Storage, stationId: string, now: Date): Promise<void> => {
  if (!(await storage.listCommunities()).some((c) => c.id === DEMO_COMMUNITY_ID)) return;
  const station = (await storage.listConsoleStations()).find((s) => s.id === stationId);
  if (station && station.communityId === null) await storage.updateConsoleStation(stationId, { communityId: DEMO_COMMUNITY_ID }, { staff: null, ip: null, now });
};
