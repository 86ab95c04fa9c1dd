import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityScope } from '../../protocol/centre.ts';
import { consoleErrorBodySchema } from '../../protocol/console/common.ts';
import type { ConsoleRouteName } from '../../protocol/console/routes.ts';
import { newId } from '../../protocol/ids.ts';
import { hashMemberPin } from '../../protocol/pin-hash.ts';
import { addStandardStaff, type ConsoleClient, type ConsoleTestServer, enrolStation, kiosk, ORG, startConsoleServer, stationOutbox, SYSTEM } from '../testing/console.ts';
import { engines } from '../testing/fixtures.ts';

/**
 * Scope: staff of community A (and A's unit lead) reach nothing of community B by any route, with B's real ids or
 * with guessed ones, and the answer to B's real id is the answer to an id that does not exist. The table below
 * has a case for every route of the contract: a route added without one does not compile.
 */
const B = ORG.b;
const A = ORG.a;

describe.each(engines())('console scope on %s', (engine) => {
  let t: ConsoleTestServer;
  let staffA: ConsoleClient;
  let leadA: ConsoleClient;
  let staffB: ConsoleClient;
  const ids = { request: '', number: '0302777', project: '', staffB: '', leadB: '', signIn: '', epoch: '', deadSeq: 0, memberVersion: 0 };

  beforeAll(async () => {
    t = await startConsoleServer(engine);
    await addStandardStaff(t);
    staffA = await t.as('staff-a');
    leadA = await t.as('lead-a');
    staffB = await t.as('staff-b');
    const staff = await t.storage.listStaff();
    ids.staffB = staff.find((s) => s.login === 'staff-b')!.id;
    ids.leadB = staff.find((s) => s.login === 'lead-b')!.id;

    // Community B's life: a station that pushes a request, visits, a referral, a shift and a bad record.
    const token = await enrolStation(t, B.stations[0]);
    const outbox = stationOutbox(t, B.stations[0], token);
    ids.epoch = outbox.epoch;
    const make = kiosk(B.stations[0], t.clock.now());
    const request = make.request(ids.number, { contact: { name: '王阿姨', phone: '13812345678', consentAt: t.clock.now().toISOString() } });
    const signIn = make.signIn(B.member);
    ids.request = request.id;
    ids.signIn = signIn.id;
    const pushed = await outbox.push(request, make.event(request.id, 'submit'), make.visit('health'), make.referral('bills'), signIn, { kind: 'nonsense' });
    ids.deadSeq = pushed.deadLetters[0]!.seq;
    await staffB.ok('requestAction', { params: { requestId: request.id }, body: { type: 'dispatch', target: { type: 'unit', unitId: B.unit } } });
    const project = await staffB.ok<{ project: { id: string } }>('createProject', { body: { communityId: B.community, title: 'B project', requestIds: [request.id] } });
    ids.project = project.project.id;
    await staffB.ok('saveRotationTemplate', {
      params: { stationId: B.stations[0] },
      body: { template: { units: [{ unitId: B.unit, memberIds: [B.member] }], turn: 'day', anchor: '2026-03-01', slots: [{ weekdays: [1], start: '09:00', end: '12:00', kind: 'regular' }] }, expectedVersion: null },
    });
    const members = await staffB.ok<{ items: { id: string; version: number }[] }>('listPublished', { query: { collection: 'members', scope: communityScope(B.community) } });
    ids.memberVersion = members.items.find((m) => m.id === B.member)!.version;
  });
  afterAll(async () => t?.close());

  const month = '2026-03';
  const range = { from: '2026-03-01', to: '2026-03-31' };
  const bMember = { id: B.member, name: '志愿者', unitId: B.unit, role: 'unit-staff', phone: '13800000000', skills: [] };

  /** B's real id and a made-up one get the same 404 body shape and code. */
  const notFoundLikeNothing = async (client: ConsoleClient, name: ConsoleRouteName, real: Parameters<ConsoleClient['call']>[1], guessed: Parameters<ConsoleClient['call']>[1]) => {
    const [a, b] = [await client.call(name, real), await client.call(name, guessed)];
    expect(a.statusCode, `${name} with B's id: ${a.body}`).toBe(404);
    expect(b.statusCode, `${name} with a guessed id: ${b.body}`).toBe(404);
    expect(consoleErrorBodySchema.parse(a.json()).error).toBe('not-found');
    expect(consoleErrorBodySchema.parse(b.json()).error).toBe('not-found');
  };
  const status = async (client: ConsoleClient, name: ConsoleRouteName, call: Parameters<ConsoleClient['call']>[1], expected: number) => {
    const response = await client.call(name, call);
    expect(response.statusCode, `${name}: ${response.body}`).toBe(expected);
    return response;
  };
  const bodyOf = (value: unknown) => JSON.stringify(value);
  const mentionsB = (value: unknown) => {
    const text = bodyOf(value);
    return [B.community, ...B.stations, B.member, B.unit, ids.request, ids.project, 'staff-b', 'lead-b'].filter((id) => text.includes(id));
  };

  const cases: Record<ConsoleRouteName, (client: ConsoleClient) => Promise<void>> = {
    login: async (client) => expect(mentionsB(client.session.scope)).toEqual([]),
    session: async (client) => expect(mentionsB(await client.ok('session'))).toEqual([]),
    logout: async () => {
      // A's logout ends A's session only: B's goes on.
      const spare = await t.as('staff-a');
      await spare.ok('logout');
      await staffB.ok('session');
    },
    logoutEverywhere: async () => {
      const spare = await t.as('east');
      await spare.ok('logoutEverywhere');
      await staffB.ok('session');
    },
    changePassword: async (client) => {
      await status(client, 'changePassword', { body: { currentPassword: 'wrong guess', newPassword: 'a new long password' } }, 401);
    },
    listStaff: async (client) => {
      const response = await client.call('listStaff', { query: { communityId: B.community, includeDisabled: 'true' } });
      if (response.statusCode === 403) return;
      expect(mentionsB(response.json())).toEqual([]);
      expect(mentionsB(await client.ok('listStaff'))).toEqual([]);
    },
    createStaff: async (client) => {
      const response = await client.call('createStaff', { body: { login: 'intruder', name: 'x', role: { kind: 'community-staff', communityId: B.community }, password: 'long enough password' } });
      expect([403, 404]).toContain(response.statusCode);
    },
    updateStaff: async (client) => {
      if (client === leadA) return void (await status(client, 'updateStaff', { params: { staffId: ids.staffB }, body: { name: 'x' } }, 403));
      await notFoundLikeNothing(client, 'updateStaff', { params: { staffId: ids.leadB }, body: { disabled: true } }, { params: { staffId: newId() }, body: { disabled: true } });
    },
    resetStaffPassword: async (client) => {
      if (client === leadA) return void (await status(client, 'resetStaffPassword', { params: { staffId: ids.leadB }, body: { password: 'long enough password' } }, 403));
      await notFoundLikeNothing(client, 'resetStaffPassword', { params: { staffId: ids.leadB }, body: { password: 'long enough password' } }, { params: { staffId: newId() }, body: { password: 'long enough password' } });
    },
    organisation: async (client) => expect(mentionsB(await client.ok('organisation'))).toEqual([]),
    createSubdistrict: async (client) => void (await status(client, 'createSubdistrict', { body: { id: 'west-sd', name: { 'zh-CN': '西', en: 'West' } } }, 403)),
    updateSubdistrict: async (client) => {
      const response = await client.call('updateSubdistrict', { params: { subdistrictId: ORG.subdistrict }, body: { name: { 'zh-CN': '改', en: 'Renamed' } } });
      expect([403, 404]).toContain(response.statusCode);
    },
    createCommunity: async (client) => void (await status(client, 'createCommunity', { body: { id: 'new-c', subdistrictId: ORG.subdistrict, name: { 'zh-CN': '新', en: 'New' } } }, 403)),
    updateCommunity: async (client) => {
      if (client === leadA) return void (await status(client, 'updateCommunity', { params: { communityId: B.community }, body: { targetHours: 1 } }, 403));
      await notFoundLikeNothing(client, 'updateCommunity', { params: { communityId: B.community }, body: { targetHours: 1 } }, { params: { communityId: 'no-such' }, body: { targetHours: 1 } });
    },
    createStation: async (client) => {
      const response = await client.call('createStation', { body: { id: 'b-new', name: 'x', communityId: B.community } });
      expect([403, 404]).toContain(response.statusCode);
    },
    updateStation: async (client) => {
      if (client === leadA) return void (await status(client, 'updateStation', { params: { stationId: B.stations[0] }, body: { name: 'x' } }, 403));
      await notFoundLikeNothing(client, 'updateStation', { params: { stationId: B.stations[0] }, body: { name: 'x' } }, { params: { stationId: 'no-such-station' }, body: { name: 'x' } });
    },
    listPublished: async (client) => {
      await notFoundLikeNothing(client, 'listPublished', { query: { collection: 'members', scope: communityScope(B.community) } }, { query: { collection: 'members', scope: 'community:no-such' } });
      await status(client, 'listPublished', { query: { collection: 'shifts', scope: B.stations[0] } }, 404);
      for (const collection of ['members', 'units', 'shifts', 'settings'] as const) expect(mentionsB(await client.ok('listPublished', { query: { collection } }))).toEqual([]);
    },
    putPublished: async (client) => {
      const put = (scope: string) => ({ body: { collection: 'members', scope, value: bMember, expectedVersion: ids.memberVersion } });
      const real = await client.call('putPublished', put(communityScope(B.community)));
      expect(real.statusCode).toBe(404);
      expect((await client.call('putPublished', put('community:no-such'))).statusCode).toBe(404);
      const notice = { id: 'b-notice', kind: 'notice', title: { 'zh-CN': '通知', en: 'Notice' }, body: { 'zh-CN': '内容', en: 'Body' }, publishedAt: t.clock.now().toISOString() };
      await status(client, 'putPublished', { body: { collection: 'notices', scope: B.stations[0], value: notice, expectedVersion: null } }, client === leadA ? 404 : 404);
    },
    withdrawPublished: async (client) => {
      await notFoundLikeNothing(
        client,
        'withdrawPublished',
        { body: { collection: 'members', scope: communityScope(B.community), id: B.member, expectedVersion: ids.memberVersion } },
        { body: { collection: 'members', scope: 'community:no-such', id: B.member, expectedVersion: 1 } },
      );
    },
    memberCredentials: async (client) => {
      await status(client, 'memberCredentials', { query: { scope: communityScope(B.community) } }, 404);
      expect(mentionsB(await client.ok('memberCredentials'))).toEqual([]);
    },
    setMemberCredentials: async (client) => {
      const pinHash = await hashMemberPin('2468', 100_000);
      await notFoundLikeNothing(client, 'setMemberCredentials', { body: { scope: communityScope(B.community), memberId: B.member, pinHash } }, { body: { scope: 'community:no-such', memberId: B.member, pinHash } });
    },
    roster: async (client) =>
      notFoundLikeNothing(client, 'roster', { query: { stationId: B.stations[0], from: '2026-03-01', to: '2026-03-07' } }, { query: { stationId: 'no-such-station', from: '2026-03-01', to: '2026-03-07' } }),
    rotationTemplate: async (client) => notFoundLikeNothing(client, 'rotationTemplate', { params: { stationId: B.stations[0] } }, { params: { stationId: 'no-such-station' } }),
    saveRotationTemplate: async (client) => {
      const body = { template: { units: [{ unitId: A.unit, memberIds: [A.member] }], turn: 'day', anchor: '2026-03-01', slots: [{ weekdays: [2], start: '09:00', end: '10:00', kind: 'regular' }] }, expectedVersion: 1 };
      if (client === leadA) return void (await status(client, 'saveRotationTemplate', { params: { stationId: B.stations[0] }, body }, 403));
      await notFoundLikeNothing(client, 'saveRotationTemplate', { params: { stationId: B.stations[0] }, body }, { params: { stationId: 'no-such-station' }, body });
    },
    generateRotation: async (client) => notFoundLikeNothing(client, 'generateRotation', { body: { stationId: B.stations[0], month } }, { body: { stationId: 'no-such-station', month } }),
    inbox: async (client) => {
      for (const query of [{}, { stationId: B.stations[0] }, { communityId: B.community }, { unitId: B.unit }, { status: 'dispatched' }]) {
        const page = await client.ok<{ requests: unknown[]; overdueCount: number }>('inbox', { query });
        expect(mentionsB(page), JSON.stringify(query)).toEqual([]);
      }
    },
    requestsByNumber: async (client) => expect((await client.ok<{ requests: unknown[] }>('requestsByNumber', { params: { number: ids.number } })).requests).toEqual([]),
    request: async (client) => notFoundLikeNothing(client, 'request', { params: { requestId: ids.request } }, { params: { requestId: newId() } }),
    requestAction: async (client) =>
      notFoundLikeNothing(client, 'requestAction', { params: { requestId: ids.request }, body: { type: 'take' } }, { params: { requestId: newId() }, body: { type: 'take' } }),
    revealContact: async (client) => notFoundLikeNothing(client, 'revealContact', { params: { requestId: ids.request } }, { params: { requestId: newId() } }),
    // The live stream's scope is pinned in dispatch.test.ts, which reads a real stream.
    live: async () => {},
    overview: async (client) => {
      const overview = await client.ok<Record<string, number>>('overview', { query: { communityId: B.community } });
      expect(Object.values(overview).every((n) => n === 0)).toBe(true);
    },
    listProjects: async (client) => {
      expect(await client.ok('listProjects', { query: { communityId: B.community } })).toEqual({ projects: [] });
      expect(mentionsB(await client.ok('listProjects'))).toEqual([]);
    },
    createProject: async (client) => {
      const response = await client.call('createProject', { body: { communityId: B.community, title: 'x' } });
      expect([403, 404]).toContain(response.statusCode);
      if (client === staffA) {
        // Nor can A's own project take in B's request.
        const theft = await client.call('createProject', { body: { communityId: A.community, title: 'x', requestIds: [ids.request] } });
        expect(theft.statusCode).toBe(400);
      }
    },
    project: async (client) => notFoundLikeNothing(client, 'project', { params: { projectId: ids.project } }, { params: { projectId: newId() } }),
    updateProject: async (client) => {
      if (client === leadA) return void (await status(client, 'updateProject', { params: { projectId: ids.project }, body: { title: 'x', expectedVersion: 1 } }, 403));
      await notFoundLikeNothing(client, 'updateProject', { params: { projectId: ids.project }, body: { title: 'mine now', expectedVersion: 1 } }, { params: { projectId: newId() }, body: { title: 'x', expectedVersion: 1 } });
    },
    stationHealth: async (client) => {
      if (client === leadA) return void (await status(client, 'stationHealth', {}, 403));
      expect(mentionsB(await client.ok('stationHealth'))).toEqual([]);
      expect(await client.ok('stationHealth', { query: { communityId: B.community } })).toMatchObject({ stations: [] });
    },
    enrolmentCode: async (client) => {
      if (client === leadA) return void (await status(client, 'enrolmentCode', { params: { stationId: B.stations[0] }, body: {} }, 403));
      await notFoundLikeNothing(client, 'enrolmentCode', { params: { stationId: B.stations[0] }, body: {} }, { params: { stationId: 'no-such-station' }, body: {} });
    },
    enrolmentSheet: async (client) => {
      if (client === leadA) return void (await status(client, 'enrolmentSheet', { body: { stationIds: [B.stations[0]] } }, 403));
      await notFoundLikeNothing(client, 'enrolmentSheet', { body: { stationIds: [A.stations[0], B.stations[0]], includeEnrolled: true } }, { body: { stationIds: ['no-such-station'] } });
    },
    revokeStation: async (client) => {
      if (client === leadA) return void (await status(client, 'revokeStation', { params: { stationId: B.stations[0] } }, 403));
      await notFoundLikeNothing(client, 'revokeStation', { params: { stationId: B.stations[0] } }, { params: { stationId: 'no-such-station' } });
    },
    rotateStationToken: async (client) => {
      if (client === leadA) return void (await status(client, 'rotateStationToken', { params: { stationId: B.stations[0] } }, 403));
      await notFoundLikeNothing(client, 'rotateStationToken', { params: { stationId: B.stations[0] } }, { params: { stationId: 'no-such-station' } });
    },
    deadLetters: async (client) => {
      if (client === leadA) return void (await status(client, 'deadLetters', {}, 403));
      await notFoundLikeNothing(client, 'deadLetters', { query: { stationId: B.stations[0] } }, { query: { stationId: 'no-such-station' } });
      expect(mentionsB(await client.ok('deadLetters'))).toEqual([]);
    },
    resolveDeadLetter: async (client) => {
      if (client === leadA) return void (await status(client, 'resolveDeadLetter', { body: { stationId: B.stations[0], epoch: ids.epoch, seq: ids.deadSeq, note: 'x' } }, 403));
      await notFoundLikeNothing(
        client,
        'resolveDeadLetter',
        { body: { stationId: B.stations[0], epoch: ids.epoch, seq: ids.deadSeq, note: 'mine' } },
        { body: { stationId: 'no-such-station', epoch: ids.epoch, seq: 1, note: 'x' } },
      );
    },
    visitsReport: async (client) => reportCase(client, 'visitsReport'),
    servicesReport: async (client) => reportCase(client, 'servicesReport'),
    referralsReport: async (client) => reportCase(client, 'referralsReport'),
    requestsReport: async (client) => reportCase(client, 'requestsReport'),
    hoursReport: async (client) => {
      await notFoundLikeNothing(client, 'hoursReport', { query: { month, communityId: B.community } }, { query: { month, communityId: 'no-such' } });
      await status(client, 'hoursReport', { query: { month, stationId: B.stations[0] } }, 404);
      expect(mentionsB(await client.ok('hoursReport', { query: { month } }))).toEqual([]);
    },
    monthlyReport: async (client) => {
      if (client === leadA) return void (await status(client, 'monthlyReport', { query: { month, communityId: B.community } }, 403));
      await notFoundLikeNothing(client, 'monthlyReport', { query: { month, communityId: B.community } }, { query: { month, communityId: 'no-such' } });
    },
    reportCsv: async (client) => {
      await status(client, 'reportCsv', { params: { report: 'hours' }, query: { month, stationId: B.stations[0] } }, 404);
      if (client === leadA) return void (await status(client, 'reportCsv', { params: { report: 'visits' }, query: range }, 404));
      for (const report of ['visits', 'visit-log', 'requests']) {
        await notFoundLikeNothing(client, 'reportCsv', { params: { report }, query: { ...range, communityId: B.community } }, { params: { report }, query: { ...range, communityId: 'no-such' } });
      }
      const all = await client.call('reportCsv', { params: { report: 'visit-log' }, query: range });
      expect(mentionsB(all.body)).toEqual([]);
    },
    hoursSessions: async (client) => {
      await status(client, 'hoursSessions', { query: { month, stationId: B.stations[0] } }, 404);
      expect(mentionsB(await client.ok('hoursSessions', { query: { month } }))).toEqual([]);
    },
    reviewHours: async (client) => {
      if (client === leadA) return void (await status(client, 'reviewHours', { body: { signInId: ids.signIn, decision: 'approve', reason: 'x' } }, 403));
      await notFoundLikeNothing(client, 'reviewHours', { body: { signInId: ids.signIn, decision: 'decline', reason: 'x' } }, { body: { signInId: newId(), decision: 'decline', reason: 'x' } });
    },
    audit: async (client) => void (await status(client, 'audit', {}, 403)),
    auditCsv: async (client) => void (await status(client, 'auditCsv', {}, 403)),
  };

  const reportCase = async (client: ConsoleClient, name: 'visitsReport' | 'servicesReport' | 'referralsReport' | 'requestsReport') => {
    if (client === leadA) return void (await status(client, name, { query: range }, 403));
    await notFoundLikeNothing(client, name, { query: { ...range, communityId: B.community } }, { query: { ...range, communityId: 'no-such' } });
    await notFoundLikeNothing(client, name, { query: { ...range, stationId: B.stations[0] } }, { query: { ...range, stationId: 'no-such-station' } });
    const mine = await client.ok(name, { query: range });
    expect(mentionsB(mine)).toEqual([]);
  };

  it.each(['staff-a', 'lead-a'])('%s reaches nothing of community B by any route, real or guessed ids', async (login) => {
    const client = login === 'staff-a' ? staffA : leadA;
    for (const [name, run] of Object.entries(cases)) {
      try {
        await run(client);
      } catch (error) {
        throw new Error(`${login} ${name}: ${(error as Error).message}`, { cause: error });
      }
    }
  });

  it('left community B as it was', async () => {
    const detail = await staffB.ok<{ request: { status: string; dispatchedTo: unknown }; projectIds: string[] }>('request', { params: { requestId: ids.request } });
    expect(detail.request).toMatchObject({ status: 'dispatched', dispatchedTo: { type: 'unit', unitId: B.unit } });
    expect(detail.projectIds).toEqual([ids.project]);
    const station = (await t.storage.listConsoleStations()).find((s) => s.id === B.stations[0])!;
    expect(station).toMatchObject({ name: `驿站 ${B.stations[0]}`, revokedAt: null, communityId: B.community });
    expect((await staffB.ok<{ items: { id: string; version: number }[] }>('listPublished', { query: { collection: 'members', scope: communityScope(B.community) } })).items).toEqual([
      expect.objectContaining({ id: B.member, version: ids.memberVersion }),
    ]);
    expect((await staffB.ok<{ deadLetters: { resolution: unknown }[] }>('deadLetters')).deadLetters.map((d) => d.resolution)).toEqual([null]);
    expect((await staffB.ok<{ project: { title: string } }>('project', { params: { projectId: ids.project } })).project.title).toBe('B project');
    const leadB = (await t.storage.getStaff(ids.leadB))!;
    expect(leadB.disabled).toBe(false);
    expect((await t.login('lead-b')).statusCode).toBe(200);
    // And A's failed attempts are not in B's timeline.
    expect((await t.storage.getRequestDetail(ids.request))!.timeline.map((e) => e.event.type)).toEqual(['submit', 'dispatch']);
    await t.storage.appendAudit({ ...SYSTEM, action: 'test.done', targetType: 'test', targetId: null, before: null, after: null });
  });
});
