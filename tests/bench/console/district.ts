import { communityScope } from '../../../sync/protocol/centre.ts';
import type { StaffRole } from '../../../sync/protocol/console/session.ts';
import { newId } from '../../../sync/protocol/ids.ts';
import { createAdmin } from '../../../sync/server/console/create-admin.ts';
import { hashPassword } from '../../../sync/server/console/passwords.ts';
import type { AuditContext } from '../../../sync/server/storage/console/types.ts';
import type { Storage } from '../../../sync/server/storage/types.ts';
import { random } from '../sync/support/records.ts';
import type { StationPlan } from './year.ts';

/**
 * The organisation tree of the benchmark's district, made through the storage calls the console's own routes
 * make: 2 subdistricts (街道), 10 communities of 10 stations, each community with 4 partner units of 6 members
 * published to it, and staff: the district admin (made as the CLI makes it) and one community's staff.
 */
export const STATIONS_PER_COMMUNITY = 10;
const UNITS_PER_COMMUNITY = 4;
const MEMBERS_PER_UNIT = 6;
export const PASSWORD = 'bench password 0123456789';

export interface District {
  stations: StationPlan[];
  communities: { id: string; stationIds: string[] }[];
  adminLogin: string;
  communityStaffLogin: string;
  /** The community the community staff work in. */
  staffCommunity: string;
}

export const makeDistrict = async (storage: Storage, stationCount: number, now: Date): Promise<District> => {
  const audit: AuditContext = { staff: null, ip: null, now };
  const rnd = random(7);
  const communityCount = Math.ceil(stationCount / STATIONS_PER_COMMUNITY);
  const stations: StationPlan[] = [];
  const communities: District['communities'] = [];
  for (const sd of ['sd-east', 'sd-west']) await storage.createSubdistrict({ id: sd, name: { 'zh-CN': sd === 'sd-east' ? '东街道' : '西街道', en: sd } }, audit);
  for (let c = 0; c < communityCount; c++) {
    const communityId = `c${String(c + 1).padStart(2, '0')}`;
    await storage.createCommunity({ id: communityId, subdistrictId: c % 2 ? 'sd-west' : 'sd-east', name: { 'zh-CN': `第${c + 1}社区`, en: `Community ${c + 1}` }, targetHours: 48 }, audit);
    const units = Array.from({ length: UNITS_PER_COMMUNITY }, (_, u) => `${communityId}-unit-${u + 1}`);
    const members = units.flatMap((unit) => Array.from({ length: MEMBERS_PER_UNIT }, (_, m) => `${unit}-m${m + 1}`));
    await storage.changeCentreItems(
      {
        scope: communityScope(communityId),
        changes: [
          ...units.map((id, u) => ({ collection: 'units' as const, id, value: { id, name: { 'zh-CN': `共建单位${u + 1}`, en: `Unit ${u + 1}` } } })),
          ...members.map((id, m) => ({
            collection: 'members' as const,
            id,
            value: { id, name: `志愿者${m + 1}`, unitId: units[Math.floor(m / MEMBERS_PER_UNIT)]!, role: 'member', phone: '13800000000', skills: [{ 'zh-CN': '维修', en: 'Repairs' }] },
          })),
        ],
        clashScopes: 'others',
        action: 'publish.put',
        targetId: communityScope(communityId),
      },
      audit,
    );
    const stationIds: string[] = [];
    for (let s = 0; s < STATIONS_PER_COMMUNITY && stations.length < stationCount; s++) {
      const id = `${communityId}-s${String(s + 1).padStart(2, '0')}`;
      await storage.createConsoleStation({ id, name: `第${c + 1}社区${s + 1}号驿站`, communityId }, audit);
      stations.push({ id, size: 0.5 + rnd(), members, units });
      stationIds.push(id);
    }
    communities.push({ id: communityId, stationIds });
  }
  const admin = await createAdmin(storage, { login: 'district-admin', password: PASSWORD, now });
  if (!admin.ok) throw new Error(admin.reason);
  const staffCommunity = communities[0]!.id;
  const role: StaffRole = { kind: 'community-staff', communityId: staffCommunity };
  await storage.createStaff({ id: newId(), login: 'community-staff', name: '社区工作人员', role, passwordHash: await hashPassword(PASSWORD) }, audit);
  return { stations, communities, adminLogin: 'district-admin', communityStaffLogin: 'community-staff', staffCommunity };
};

/** Every station's latest heartbeat, for the health board: most online, some silent for days, some with errors. */
export const saveHeartbeats = async (storage: Storage, stations: readonly StationPlan[], now: number): Promise<void> => {
  const rnd = random(11);
  for (const station of stations) {
    const silent = rnd() < 0.08;
    const receivedAt = new Date(now - (silent ? (1 + rnd() * 5) * 86_400_000 : rnd() * 60_000));
    await storage.saveHeartbeat({
      stationId: station.id,
      appVersion: rnd() < 0.9 ? '1.4.0' : '1.3.2',
      recordsWaiting: silent ? Math.floor(rnd() * 400) : Math.floor(rnd() * 3),
      storageUsed: Math.floor(rnd() * 200_000_000),
      storageQuota: 2_000_000_000,
      storageGrowthPerDay: Math.floor(rnd() * 2_000_000),
      deadLetters: rnd() < 0.03 ? 1 : 0,
      lastError: rnd() < 0.05 ? 'push: network timeout' : null,
      clockOffsetMs: Math.round((rnd() - 0.5) * 4000),
      sentAt: receivedAt.toISOString(),
      receivedAt,
    });
  }
};
