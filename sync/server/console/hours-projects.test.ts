import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleErrorBodySchema } from '../../protocol/console/common.ts';
import type { Overview, Project } from '../../protocol/console/projects.ts';
import type { HoursReport, MonthlyReport, ShiftSessionView as ShiftSession } from '../../protocol/console/reports.ts';
import { addStandardStaff, type ConsoleClient, type ConsoleTestServer, enrolStation, kiosk, ORG, startConsoleServer, stationOutbox } from '../testing/console.ts';
import { engines } from '../testing/fixtures.ts';

/**
 * Volunteer hours from the shift events stations push, with staff reviews (approve, correct, decline, always
 * with a reason); service projects and the source's live counts; the monthly report — on both engines.
 */
const A = ORG.a;
const HOUR = 3_600_000;
const month = '2026-03';

describe.each(engines())('console hours, projects and the monthly report on %s', (engine) => {
  let t: ConsoleTestServer;
  let staffA: ConsoleClient;
  let leadA: ConsoleClient;
  let outbox: ReturnType<typeof stationOutbox>;
  const station = A.stations[0];

  beforeAll(async () => {
    t = await startConsoleServer(engine);
    await addStandardStaff(t);
    staffA = await t.as('staff-a');
    leadA = await t.as('lead-a');
    outbox = stationOutbox(t, station, await enrolStation(t, station));
  });
  afterAll(async () => t?.close());

  const memberHours = async (client: ConsoleClient) => (await client.ok<HoursReport>('hoursReport', { query: { month } })).byMember.find((m) => m.memberId === A.member);

  it('counts a signed-out shift\'s minutes, and takes staff reviews with a reason: correct, then decline', async () => {
    const start = t.clock.now();
    const signIn = kiosk(station, start).signIn(A.member);
    const signOut = kiosk(station, new Date(start.getTime() + 2 * HOUR)).signOut(signIn.id, A.member);
    await outbox.push(signIn, signOut);

    const counted = await memberHours(staffA);
    expect(counted).toMatchObject({ unitId: A.unit, shifts: 1 });
    expect(counted!.minutes + counted!.pendingMinutes).toBe(120);
    // The unit's lead sees their unit's hours.
    expect((await memberHours(leadA))?.memberId).toBe(A.member);

    const sessions = await staffA.ok<{ sessions: ShiftSession[] }>('hoursSessions', { query: { month, memberId: A.member } });
    expect(sessions.sessions.map((s) => s.signInId)).toEqual([signIn.id]);

    const noReason = await staffA.call('reviewHours', { body: { signInId: signIn.id, decision: 'approve', reason: ' ' } });
    expect(noReason.statusCode).toBe(400);
    const corrected = await staffA.ok<{ session: ShiftSession }>('reviewHours', {
      body: { signInId: signIn.id, decision: 'correct', start: start.toISOString(), end: new Date(start.getTime() + 90 * 60_000).toISOString(), reason: '提前离开' },
    });
    expect(corrected.session.review).toMatchObject({ decision: 'correct', reason: '提前离开', staff: { name: 'Staff staff-a' } });
    expect(corrected.session.flags).toContain('corrected');
    expect(await memberHours(staffA)).toMatchObject({ minutes: 90, pendingMinutes: 0 });

    await staffA.ok('reviewHours', { body: { signInId: signIn.id, decision: 'decline', reason: '重复签到' } });
    expect((await memberHours(staffA))?.minutes ?? 0).toBe(0);
    // A unit lead reads hours but does not review them.
    expect((await leadA.call('reviewHours', { body: { signInId: signIn.id, decision: 'approve', reason: '确认' } })).statusCode).toBe(403);

    const csv = await staffA.call('reportCsv', { params: { report: 'hours' }, query: { month, lang: 'en' } });
    expect(csv.statusCode).toBe(200);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body).toContain(A.member);
  });

  it('groups needs and members into a service project and keeps the live counts', async () => {
    const make = kiosk(station, t.clock.now());
    const request = make.request('0302201');
    await outbox.push(request, make.event(request.id, 'submit'));
    const before = await staffA.ok<Overview>('overview', { query: { communityId: A.community } });
    expect(before).toMatchObject({ members: 1, memberResources: 1 });
    expect(before.residentNeeds).toBeGreaterThanOrEqual(1);

    const made = await staffA.ok<{ project: Project }>('createProject', { body: { communityId: A.community, title: '老旧小区加装扶手', requestIds: [request.id], memberIds: [A.member] } });
    expect(made.project).toMatchObject({ status: 'open', requestIds: [request.id], memberIds: [A.member], version: 1 });
    expect((await staffA.ok<{ projectIds: string[] }>('request', { params: { requestId: request.id } })).projectIds).toEqual([made.project.id]);

    const done = await staffA.ok<{ project: Project }>('updateProject', { params: { projectId: made.project.id }, body: { status: 'completed', expectedVersion: 1 } });
    expect(done.project.completedAt).not.toBeNull();
    const stale = await staffA.call('updateProject', { params: { projectId: made.project.id }, body: { title: '旧的', expectedVersion: 1 } });
    expect([stale.statusCode, consoleErrorBodySchema.parse(stale.json()).error]).toEqual([409, 'conflict']);

    const after = await staffA.ok<Overview>('overview', { query: { communityId: A.community } });
    expect([after.serviceProjects - before.serviceProjects, after.projectsCompleted - before.projectsCompleted]).toEqual([1, 1]);
    expect((await staffA.ok<{ projects: Project[] }>('listProjects', { query: { status: 'completed' } })).projects.map((p) => p.id)).toEqual([made.project.id]);
  });

  it('puts a community\'s month on one page: its stations, visits, requests and hours', async () => {
    const make = kiosk(station, t.clock.now());
    const pushed = await outbox.push(make.visit('health'), make.visit('legal', 'nearby'));
    expect(pushed.deadLetters).toEqual([]);
    const report = await staffA.ok<MonthlyReport>('monthlyReport', { query: { communityId: A.community, month } });
    expect(report.community.id).toBe(A.community);
    expect(report.stations.map((s) => s.id).sort()).toEqual([...A.stations].sort());
    expect(report.visits.total).toBe(2);
    expect(report.visits.byVisitor).toEqual(expect.arrayContaining([{ who: 'resident', visits: 1 }, { who: 'nearby', visits: 1 }]));
    expect(report.requests).toBeDefined();
    expect(report.hours.month).toBe(month);
    expect((await staffA.call('monthlyReport', { query: { communityId: ORG.b.community, month } })).statusCode).toBe(404);
  });
});
