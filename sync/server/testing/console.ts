import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { communityScope } from '../../protocol/centre.ts';
import { CSRF_HEADER } from '../../protocol/console/common.ts';
import { type ConsoleRouteName, consolePath, consoleQueryString, consoleRoutes } from '../../protocol/console/routes.ts';
import type { Session, StaffRole } from '../../protocol/console/session.ts';
import { newId } from '../../protocol/ids.ts';
import type { ConsolePolicy } from '../console/policy.ts';
import { hashPassword } from '../console/passwords.ts';
import { SESSION_COOKIE } from '../console/session-auth.ts';
import type { AuditContext } from '../storage/console/types.ts';
import { enrolmentCodeHash, newEnrolmentCode } from '../tokens.ts';
import { type Engine, entries, pushBody, startTestServer, type TestServer } from './fixtures.ts';

/**
 * A test server with the console's organisation set up (two communities, A and B, of one subdistrict, their
 * stations and partner units, a member each) and staff to log in as. `as(login)` is a logged-in console client.
 */
export const PASSWORD = 'correct horse battery staple';
/** Cheap scrypt for tests: logins cost milliseconds, the code path is the same. */
export const TEST_PASSWORD_COST = { n: 2 ** 10, r: 8, p: 1 };

export const ORG = {
  subdistrict: 'east-sd',
  a: { community: 'xingfu', stations: ['xf-1', 'xf-2'], unit: 'tax-office', member: 'li-na' },
  b: { community: 'heping', stations: ['hp-1'], unit: 'power-supply', member: 'wang-qiang' },
} as const;

export const SYSTEM: AuditContext = { staff: null, ip: null, now: new Date('2026-03-01T00:00:00.000Z') };

export interface ConsoleCall {
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
  /** Leave out the CSRF header (or send this one instead). */
  csrf?: string | null;
  headers?: Record<string, string>;
}

export interface ConsoleClient {
  session: Session;
  cookie: string;
  call(name: ConsoleRouteName, call?: ConsoleCall): Promise<LightMyRequestResponse>;
  /** A call that must answer 200; its JSON. */
  ok<T = Record<string, unknown>>(name: ConsoleRouteName, call?: ConsoleCall): Promise<T>;
}

export interface ConsoleTestServer extends TestServer {
  /** Logs in (200 expected) and returns a client. */
  as(login: string, password?: string): Promise<ConsoleClient>;
  login(login: string, password?: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** Creates a staff account straight in storage. */
  addStaff(login: string, role: StaffRole, password?: string): Promise<string>;
  /** A raw console call with any cookie. */
  request(name: ConsoleRouteName, call: ConsoleCall & { cookie?: string | null }): Promise<LightMyRequestResponse>;
}

export const cookieOf = (response: LightMyRequestResponse): string => {
  const header = response.headers['set-cookie'];
  const line = (Array.isArray(header) ? header : [header ?? '']).find((value) => value.startsWith(`${SESSION_COOKIE}=`));
  if (!line) throw new Error(`no session cookie in ${JSON.stringify(header)}`);
  return line.split(';')[0]!;
};

/** Units and members of both communities, published the way the console does. */
const publishPeople = async (t: TestServer) => {
  for (const side of [ORG.a, ORG.b]) {
    const scope = communityScope(side.community);
    const unit = { id: side.unit, name: { 'zh-CN': `${side.unit}单位`, en: side.unit } };
    const member = { id: side.member, name: '志愿者', unitId: side.unit, role: 'unit-staff', phone: '13800000000', skills: [{ 'zh-CN': '理发', en: 'Haircuts' }] };
    await t.storage.changeCentreItems(
      {
        scope,
        changes: [
          { collection: 'units', id: unit.id, value: unit },
          { collection: 'members', id: member.id, value: member },
        ],
        clashScopes: 'others',
        action: 'publish.put',
        targetId: scope,
      },
      SYSTEM,
    );
  }
};

export const startConsoleServer = async (engine: Engine, policy: Partial<ConsolePolicy> = {}): Promise<ConsoleTestServer> => {
  const t = await startTestServer({ engine, consolePolicy: { touchEveryMs: 0, livePollMs: 50, passwordCost: TEST_PASSWORD_COST, ...policy } });
  const { storage } = t;
  await storage.createSubdistrict({ id: ORG.subdistrict, name: { 'zh-CN': '东街道', en: 'East' } }, SYSTEM);
  for (const side of [ORG.a, ORG.b]) {
    await storage.createCommunity({ id: side.community, subdistrictId: ORG.subdistrict, name: { 'zh-CN': side.community, en: side.community }, targetHours: 48 }, SYSTEM);
    for (const station of side.stations) await storage.createConsoleStation({ id: station, name: `驿站 ${station}`, communityId: side.community }, SYSTEM);
  }
  await publishPeople(t);

  const addStaff: ConsoleTestServer['addStaff'] = async (login, role, password = PASSWORD) => {
    const id = newId();
    await storage.createStaff({ id, login, name: `Staff ${login}`, role, passwordHash: await hashPassword(password, TEST_PASSWORD_COST) }, SYSTEM);
    return id;
  };

  const request: ConsoleTestServer['request'] = (name, call) => {
    const route = consoleRoutes[name];
    const url = consolePath(name, call.params) + consoleQueryString(call.query);
    return t.app.inject({
      method: route.method,
      url,
      headers: {
        ...(call.cookie ? { cookie: call.cookie } : {}),
        ...(call.csrf ? { [CSRF_HEADER]: call.csrf } : {}),
        ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...call.headers,
      },
      ...(call.body !== undefined ? { payload: JSON.stringify(call.body) } : {}),
    });
  };

  const login: ConsoleTestServer['login'] = (name, password = PASSWORD, headers = {}) =>
    t.app.inject({ method: 'POST', url: consolePath('login'), headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify({ login: name, password }) });

  const as: ConsoleTestServer['as'] = async (name, password = PASSWORD) => {
    const response = await login(name, password);
    expect(response.statusCode, response.body).toBe(200);
    const session = response.json() as Session;
    const cookie = cookieOf(response);
    const call: ConsoleClient['call'] = (route, options = {}) =>
      request(route, { ...options, cookie, csrf: options.csrf === undefined ? session.csrfToken : options.csrf });
    return {
      session,
      cookie,
      call,
      ok: async (route, options) => {
        const answer = await call(route, options);
        expect(answer.statusCode, `${route}: ${answer.body}`).toBe(200);
        return answer.json();
      },
    };
  };

  return { ...t, as, login, addStaff, request };
};

/** The staff every scope test needs: the admin, and staff and a unit lead of each community. */
export const addStandardStaff = async (t: ConsoleTestServer) => {
  await t.addStaff('admin', { kind: 'district-admin' });
  await t.addStaff('east', { kind: 'subdistrict-staff', subdistrictId: ORG.subdistrict });
  await t.addStaff('staff-a', { kind: 'community-staff', communityId: ORG.a.community });
  await t.addStaff('staff-b', { kind: 'community-staff', communityId: ORG.b.community });
  await t.addStaff('lead-a', { kind: 'unit-lead', communityId: ORG.a.community, unitId: ORG.a.unit });
  await t.addStaff('lead-b', { kind: 'unit-lead', communityId: ORG.b.community, unitId: ORG.b.unit });
};

/** Enrols a station the console created (a one-time code through /api/enrol); returns its token. */
export const enrolStation = async (t: TestServer, stationId: string): Promise<string> => {
  const code = newEnrolmentCode();
  await t.storage.createEnrolmentCode({ stationId, codeHash: enrolmentCodeHash(code), expiresAt: new Date(t.clock.now().getTime() + 3_600_000), now: t.clock.now() });
  const response = await t.call('/api/enrol', { code });
  if (response.statusCode !== 200) throw new Error(`enrol failed: ${response.statusCode} ${response.body}`);
  return (response.json() as { token: string }).token;
};

/** A station's outbox: pushes records with the next seqs of one epoch, through /api/push. */
export const stationOutbox = (t: TestServer, stationId: string, token: string) => {
  const epoch = crypto.randomUUID();
  let seq = 0;
  return {
    push: async (...records: unknown[]) => {
      const batch = entries(records, seq + 1);
      seq += records.length;
      const response = await t.call('/api/push', pushBody(stationId, epoch, batch), token);
      if (response.statusCode !== 200) throw new Error(`push failed: ${response.statusCode} ${response.body}`);
      return response.json() as { appliedSeq: number; deadLetters: { seq: number; reason: string }[] };
    },
    epoch,
  };
};

/** Kiosk records as a station makes them, at a given time. */
export const kiosk = (stationId: string, at: Date) => {
  const base = () => ({ id: newId(), stationId, at: at.toISOString(), v: 1 });
  return {
    request: (number: string, extra: Record<string, unknown> = {}) => ({ ...base(), kind: 'request', requestKind: 'wish', category: 'seniors', phrases: ['repair'], number, ...extra }),
    event: (requestId: string, type: string, actor = 'resident', extra: Record<string, unknown> = {}) => ({ ...base(), kind: 'request-event', requestId, type, actor, ...extra }),
    visit: (purpose: string, who = 'resident') => ({ ...base(), kind: 'visit', who, purpose }),
    referral: (serviceId: string, extra: Record<string, unknown> = {}) => ({ ...base(), kind: 'referral', serviceId, queueNo: 'A001', ...extra }),
    referralEvent: (referralId: string, type: string) => ({ ...base(), kind: 'referral-event', referralId, type }),
    amenity: (amenityId: string, action: string) => ({ ...base(), kind: 'amenity-use', amenityId, action }),
    feedback: (rating: number) => ({ ...base(), kind: 'feedback', rating }),
    signIn: (memberId: string, extra: Record<string, unknown> = {}) => ({ ...base(), kind: 'shift-event', type: 'sign-in', memberId, method: 'pin', ...extra }),
    signOut: (signInId: string, memberId: string) => ({ ...base(), kind: 'shift-event', type: 'sign-out', memberId, method: 'pin', signInId }),
  };
};
