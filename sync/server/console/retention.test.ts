import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestDetail } from '../../protocol/console/dispatch.ts';
import type { ShiftSessionView } from '../../protocol/console/reports.ts';
import { runMaintenance } from '../maintenance.ts';
import { addStandardStaff, type ConsoleTestServer, enrolStation, kiosk, ORG, startConsoleServer, stationOutbox } from '../testing/console.ts';
import { engines } from '../testing/fixtures.ts';

/**
 * The console keeps its own copies of what stations push: a request's timeline (console_request_events) and the
 * hours ledger (shift_events). Retention reaches them as it reaches the records: once it has passed, staff no
 * longer see what anyone typed, nor a walk-in volunteer's phone or drawn signature. The walk-in's name stays in
 * the ledger, which certifies their hours (purge-definition.ts says why).
 */
const A = ORG.a;
const HOUR = 3_600_000;
const SIGNATURE = 'M10 20 L30 40 Q50 60 70 80';

describe.each(engines())('console copies after retention on %s', (engine) => {
  let t: ConsoleTestServer;
  const station = A.stations[0];

  beforeAll(async () => {
    t = await startConsoleServer(engine);
    await addStandardStaff(t);
  });
  afterAll(async () => t?.close());

  it('shows staff no note, text, phone or signature once retention has passed, and keeps the walk-in\'s name for the hours', async () => {
    const outbox = stationOutbox(t, station, await enrolStation(t, station));
    const start = t.clock.now();
    const month = start.toISOString().slice(0, 7);
    const make = kiosk(station, start);
    const request = make.request('0302201', { text: '3号楼501 李秀英，厨房漏水' });
    await outbox.push(request, make.event(request.id, 'submit', 'resident', { note: '李秀英下午在家' }));
    const staff = await t.as('staff-a');
    await staff.ok('requestAction', { params: { requestId: request.id }, body: { type: 'dispatch', target: { type: 'unit', unitId: A.unit }, note: '找李秀英的女儿' } });
    const walkIn = make.signIn('', { memberId: undefined, method: 'walk-in', contact: { name: '赵志愿', phone: '13900001111', consentAt: start.toISOString() }, signature: SIGNATURE });
    const signOut = { ...kiosk(station, new Date(start.getTime() + 2 * HOUR)).signOut(walkIn.id, ''), memberId: undefined, method: 'walk-in' };
    await outbox.push(walkIn, signOut);

    const before = await staff.ok<RequestDetail>('request', { params: { requestId: request.id } });
    expect(before.timeline.map((e) => e.note)).toEqual(['李秀英下午在家', '找李秀英的女儿']);

    t.clock.days(40);
    const result = await runMaintenance(t.storage, { retentionDays: 30, tombstoneDays: 90, now: t.clock.now() });
    expect(result.personal).toMatchObject({ requestEvents: 2, shiftEvents: 2 });

    const later = await t.as('staff-a');
    const detail = await later.ok<RequestDetail>('request', { params: { requestId: request.id } });
    expect(detail.timeline.map((e) => [e.type, e.source, e.note])).toEqual([
      ['submit', 'kiosk', null],
      ['dispatch', 'centre', null],
    ]);
    expect(detail.text).toBeNull();
    expect(JSON.stringify(detail)).not.toMatch(/李秀英|女儿/);

    const sessions = await later.ok<{ sessions: ShiftSessionView[] }>('hoursSessions', { query: { month } });
    const session = sessions.sessions.find((s) => s.signInId === walkIn.id);
    expect(session).toMatchObject({ walkInName: '赵志愿', memberId: null });
    const kept = JSON.stringify(await t.storage.shiftEventsBetween({ stationIds: [station], fromMs: start.getTime() - HOUR, toMs: start.getTime() + 3 * HOUR }));
    expect(kept).toContain('赵志愿');
    expect(kept).not.toContain('13900001111');
    expect(kept).not.toContain(SIGNATURE);
  });
});
