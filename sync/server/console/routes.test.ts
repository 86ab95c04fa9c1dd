import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleErrorBodySchema } from '../../protocol/console/common.ts';
import { type RequestDetail, type RequestSummary } from '../../protocol/console/dispatch.ts';
import { consolePath } from '../../protocol/console/routes.ts';
import type { DeadLetter, StationHealth } from '../../protocol/console/stations.ts';
import { messages } from '../../protocol/wire.ts';
import { addStandardStaff, type ConsoleClient, type ConsoleTestServer, enrolStation, kiosk, ORG, startConsoleServer, stationOutbox } from '../testing/console.ts';
import { engines } from '../testing/fixtures.ts';

/**
 * The console's routes doing their work, on both engines: the request loop at the centre from a kiosk's push to
 * the resident's rating, the live stream, stations kept healthy, reports from the push's counters, and the
 * audit log of every change. (Who may call what is auth.test.ts and scope.test.ts.)
 */
const A = ORG.a;
const HOUR = 3_600_000;

describe.each(engines())('console routes on %s', (engine) => {
  let t: ConsoleTestServer;
  let admin: ConsoleClient;
  let staffA: ConsoleClient;
  let leadA: ConsoleClient;
  let token: string;
  let outbox: ReturnType<typeof stationOutbox>;
  const station = A.stations[0];

  beforeAll(async () => {
    t = await startConsoleServer(engine);
    await addStandardStaff(t);
    admin = await t.as('admin');
    staffA = await t.as('staff-a');
    leadA = await t.as('lead-a');
    token = await enrolStation(t, station);
    outbox = stationOutbox(t, station, token);
  });
  afterAll(async () => t?.close());

  const error = (response: { json(): unknown }) => consoleErrorBodySchema.parse(response.json());
  const day = () => t.clock.now().toISOString().slice(0, 10);

  it('closes the request loop: a pushed request in the inbox, found by number, dispatched, taken by the unit lead, done, rated', async () => {
    const make = kiosk(station, t.clock.now());
    const request = make.request('0302101');
    await outbox.push(request, make.event(request.id, 'submit'));

    const inbox = await staffA.ok<{ requests: RequestSummary[]; overdueCount: number }>('inbox', { query: { status: ['submitted'], stationId: [station] } });
    expect(inbox.requests.map((r) => r.id)).toContain(request.id);
    const summary = inbox.requests.find((r) => r.id === request.id)!;
    expect(summary).toMatchObject({ number: '0302101', kind: 'wish', status: 'submitted', communityId: A.community, overdue: false, dispatchedTo: null });
    expect(Date.parse(summary.dueAt!) - Date.parse(summary.submittedAt)).toBe(48 * HOUR);
    expect((await staffA.ok<{ requests: RequestSummary[] }>('requestsByNumber', { params: { number: '0302101' } })).requests.map((r) => r.id)).toEqual([request.id]);
    // Not yet the unit's: its lead does not see it.
    expect((await leadA.ok<{ requests: RequestSummary[] }>('inbox')).requests.map((r) => r.id)).not.toContain(request.id);

    const dispatched = await staffA.ok<RequestDetail>('requestAction', { params: { requestId: request.id }, body: { type: 'dispatch', target: { type: 'unit', unitId: A.unit }, note: '请周三上门' } });
    expect(dispatched.request).toMatchObject({ status: 'dispatched', dispatchedTo: { type: 'unit', unitId: A.unit } });
    expect((await leadA.ok<{ requests: RequestSummary[] }>('inbox')).requests.map((r) => r.id)).toEqual([request.id]);

    // The station learns the new status on its next pull.
    const pull = await t.call(messages.pull.path, { stationId: station, cursor: '0' }, token);
    expect((pull.json() as { changes: unknown[] }).changes).toContainEqual(expect.objectContaining({ collection: 'request-status', id: request.id, value: expect.objectContaining({ status: 'dispatched' }) }));

    await leadA.ok('requestAction', { params: { requestId: request.id }, body: { type: 'take' } });
    const done = await leadA.ok<RequestDetail>('requestAction', { params: { requestId: request.id }, body: { type: 'complete', note: '已修好' } });
    expect(done.request.status).toBe('done');
    expect(done.request.takenBy).toEqual({ type: 'unit', unitId: A.unit });

    // Rated on a tablet whose clock the last sync found an hour fast: the flag reaches staff beside the receive time.
    await outbox.push({ ...make.event(request.id, 'rate', 'resident', { rating: 5 }), clockSkewMs: 3_600_000 });
    const detail = await staffA.ok<RequestDetail>('request', { params: { requestId: request.id } });
    expect(detail.request).toMatchObject({ status: 'rated', rating: 5 });
    expect(detail.timeline.map((e) => [e.type, e.source])).toEqual([
      ['submit', 'kiosk'],
      ['dispatch', 'centre'],
      ['take', 'centre'],
      ['complete', 'centre'],
      ['rate', 'kiosk'],
    ]);
    expect(detail.timeline[1]).toMatchObject({ note: '请周三上门', staff: { name: 'Staff staff-a' }, target: { type: 'unit', unitId: A.unit } });
    expect(detail.timeline[1]!.staff?.unitId).toBeNull();
    expect(detail.timeline[2]!.staff).toMatchObject({ name: 'Staff lead-a', unitId: A.unit });
    expect(detail.timeline.map((e) => e.clockSkewMs)).toEqual([null, null, null, null, 3_600_000]);
    expect(detail.timeline[4]!.receivedAt).toBe(t.clock.now().toISOString());
  });

  it('flags a receipt number a station gave twice on both requests, and not one another station gave too', async () => {
    // A fresh tablet whose clock lagged behind the one it replaced (sync/protocol/README.md): both are stored.
    const make = kiosk(station, t.clock.now());
    const first = make.request('2900001');
    const second = make.request('2900001');
    const otherStation = A.stations[1];
    const elsewhere = kiosk(otherStation, t.clock.now()).request('2900001');
    await outbox.push(first, make.event(first.id, 'submit'), second, make.event(second.id, 'submit'));
    await stationOutbox(t, otherStation, await enrolStation(t, otherStation)).push(elsewhere);
    const detail = async (id: string) => staffA.ok<RequestDetail>('request', { params: { requestId: id } });
    expect((await detail(first.id)).sameNumber).toEqual([second.id]);
    expect((await detail(second.id)).sameNumber).toEqual([first.id]);
    expect((await detail(elsewhere.id)).sameNumber).toEqual([]);
  });

  it('refuses a step the state machine does not allow, in words, and changes nothing', async () => {
    const make = kiosk(station, t.clock.now());
    const request = make.request('0302102');
    await outbox.push(request, make.event(request.id, 'submit'));
    await staffA.ok('requestAction', { params: { requestId: request.id }, body: { type: 'cancel', note: '居民撤回' } });
    const refused = await staffA.call('requestAction', { params: { requestId: request.id }, body: { type: 'dispatch', target: { type: 'unit', unitId: A.unit } } });
    expect(refused.statusCode).toBe(409);
    const body = error(refused);
    expect(body.error).toBe('refused');
    expect(body.message.length).toBeGreaterThan(10);
    expect(body.refusal).toBeDefined();
    expect((await staffA.ok<RequestDetail>('request', { params: { requestId: request.id } })).request.status).toBe('cancelled');
    // To a unit lead, a request never dispatched to the unit does not exist; one that was, they may not dispatch on.
    expect((await leadA.call('requestAction', { params: { requestId: request.id }, body: { type: 'reopen', note: 'x' } })).statusCode).toBe(404);
    const ours = make.request('0302105');
    await outbox.push(ours, make.event(ours.id, 'submit'));
    await staffA.ok('requestAction', { params: { requestId: ours.id }, body: { type: 'dispatch', target: { type: 'unit', unitId: A.unit } } });
    const redispatch = await leadA.call('requestAction', { params: { requestId: ours.id }, body: { type: 'dispatch', target: { type: 'member', memberId: A.member } } });
    expect([redispatch.statusCode, error(redispatch).error]).toEqual([403, 'forbidden']);
  });

  it('streams request changes in scope as server-sent events, and resumes after Last-Event-ID', async () => {
    const base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const abort = new AbortController();
    try {
      const response = await fetch(`${base}${consolePath('live')}`, { headers: { cookie: staffA.cookie }, signal: abort.signal });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      const until = async (needle: string) => {
        while (!text.includes(needle)) {
          const { value, done } = await reader.read();
          if (done) throw new Error(`stream ended before ${needle}: ${text}`);
          text += value;
        }
      };
      await until(': connected');
      const make = kiosk(station, t.clock.now());
      const request = make.request('0302104');
      await outbox.push(request, make.event(request.id, 'submit'));
      await until(request.id);
      const event = /id: (\d+)\nevent: request\ndata: (.+)\n/.exec(text.slice(text.indexOf('id: ')));
      expect(JSON.parse(event![2]!)).toMatchObject({ requestId: request.id, stationId: station });
      abort.abort();

      // Reconnecting with the id before that event replays it.
      const again = new AbortController();
      const resumed = await fetch(`${base}${consolePath('live')}`, { headers: { cookie: staffA.cookie, 'last-event-id': String(Number(event![1]) - 1) }, signal: again.signal });
      const replay = resumed.body!.pipeThrough(new TextDecoderStream()).getReader();
      let replayed = '';
      while (!replayed.includes(request.id)) replayed += (await replay.read()).value ?? '';
      again.abort();
    } finally {
      abort.abort();
    }
  });

  it('shows a station\'s heartbeat on the health board (the refused records its tablet still shows among them), and its dead letters with reason and payload until resolved', async () => {
    const sentAt = t.clock.now().toISOString();
    const beat = await t.call(messages.heartbeat.path, { stationId: station, appVersion: '1.4.0', recordsWaiting: 7, storageUsed: 100, storageQuota: 1100, lastError: 'disk slow', clockOffsetMs: -1200, sentAt }, token);
    expect(beat.statusCode).toBe(200);
    const board = await staffA.ok<{ stations: StationHealth[] }>('stationHealth');
    const health = board.stations.find((s) => s.station.id === station)!;
    // A kiosk from before the storage trend and the dead-letter count: nothing to say of either.
    expect(health).toMatchObject({ online: true, silent: false, heartbeat: { appVersion: '1.4.0', recordsWaiting: 7, storageLeft: 1000, storageGrowthPerDay: null, storageFullInDays: null, deadLetters: null, clockSkewMs: -1200, lastError: 'disk slow' } });
    // The next beat, a minute on: the board shows the beat sent last, never an older one delivered late.
    t.clock.advance(60_000);
    const growing = await t.call(messages.heartbeat.path, { stationId: station, appVersion: '1.5.0', recordsWaiting: 0, storageUsed: 100, storageQuota: 1100, storageGrowthPerDay: 50, deadLetters: 3, lastError: null, clockOffsetMs: 0, sentAt: t.clock.now().toISOString() }, token);
    expect(growing.statusCode).toBe(200);
    const trend = (await staffA.ok<{ stations: StationHealth[] }>('stationHealth')).stations.find((s) => s.station.id === station)!;
    // Three records its status line shows residents as 待工作人员核对: the board says so for that station.
    expect(trend.heartbeat).toMatchObject({ storageLeft: 1000, storageGrowthPerDay: 50, storageFullInDays: 20, deadLetters: 3 });
    expect(board.stations.find((s) => s.station.id === A.stations[1])).toMatchObject({ online: false });

    const pushed = await outbox.push({ kind: 'nonsense', id: 'x' });
    const seq = pushed.deadLetters[0]!.seq;
    const open = await staffA.ok<{ deadLetters: DeadLetter[] }>('deadLetters', { query: { stationId: station, resolved: 'false' } });
    const letter = open.deadLetters.find((d) => d.seq === seq)!;
    expect(letter).toMatchObject({ reason: 'invalid-record', payload: { kind: 'nonsense' }, stored: null, resolution: null });
    const unresolved = (await staffA.ok<{ stations: StationHealth[] }>('stationHealth')).stations.find((s) => s.station.id === station)!.unresolvedDeadLetters;
    expect(unresolved).toBeGreaterThanOrEqual(1);

    const resolved = await staffA.ok<{ deadLetter: DeadLetter }>('resolveDeadLetter', { body: { stationId: station, epoch: outbox.epoch, seq, note: '旧版本的记录，已忽略' } });
    expect(resolved.deadLetter.resolution).toMatchObject({ note: '旧版本的记录，已忽略', staff: { name: 'Staff staff-a' } });
    expect((await staffA.ok<{ deadLetters: DeadLetter[] }>('deadLetters', { query: { stationId: station, resolved: 'false' } })).deadLetters.map((d) => d.seq)).not.toContain(seq);
    const after = (await staffA.ok<{ stations: StationHealth[] }>('stationHealth')).stations.find((s) => s.station.id === station)!.unresolvedDeadLetters;
    expect(after).toBe(unresolved - 1);
  });

  it('shows both versions of a content conflict: the one stored and the one set aside', async () => {
    const make = kiosk(station, t.clock.now());
    const visit = make.visit('legal-aid');
    await outbox.push(visit);
    const pushed = await outbox.push({ ...visit, purpose: 'employment' });
    expect(pushed.deadLetters).toEqual([expect.objectContaining({ reason: 'content-conflict' })]);
    const letters = await staffA.ok<{ deadLetters: DeadLetter[] }>('deadLetters', { query: { stationId: station, resolved: 'false' } });
    expect(letters.deadLetters.find((d) => d.recordId === visit.id)).toMatchObject({
      reason: 'content-conflict',
      stored: { id: visit.id, purpose: 'legal-aid' },
      payload: { id: visit.id, purpose: 'employment' },
    });
  });

  it('makes enrolment codes and a sheet that skips enrolled stations, rotates a token and revokes a station', async () => {
    const other = A.stations[1];
    const code = await staffA.ok<{ code: { code: string; stationId: string } }>('enrolmentCode', { params: { stationId: other }, body: { hours: 2 } });
    expect(code.code.stationId).toBe(other);
    const enrolled = await t.call(messages.enrol.path, { code: code.code.code });
    expect(enrolled.statusCode).toBe(200);
    const otherToken = (enrolled.json() as { token: string }).token;

    const sheet = await staffA.ok<{ codes: { stationId: string }[]; skipped: { stationId: string; reason: string }[] }>('enrolmentSheet', { body: { stationIds: [...A.stations], hours: 24 } });
    expect(sheet.codes).toEqual([]);
    expect(sheet.skipped).toEqual(expect.arrayContaining([{ stationId: other, reason: 'enrolled' }]));

    const pull = (tk: string) => t.call(messages.pull.path, { stationId: other, cursor: '0' }, tk);
    const rotated = await staffA.ok<{ token: string }>('rotateStationToken', { params: { stationId: other } });
    expect((await pull(otherToken)).statusCode).toBe(401);
    expect((await pull(rotated.token)).statusCode).toBe(200);
    const revoked = await staffA.ok<{ station: { revokedAt: string | null } }>('revokeStation', { params: { stationId: other } });
    expect(revoked.station.revokedAt).not.toBeNull();
    expect((await pull(rotated.token)).statusCode).toBe(401);
    expect((await staffA.ok<typeof sheet>('enrolmentSheet', { body: { stationIds: [other], hours: 24 } })).skipped).toEqual([{ stationId: other, reason: 'revoked' }]);
  });

  it('reports visits and referrals from the counters the push keeps, and exports them as CSV with a BOM', async () => {
    const make = kiosk(station, t.clock.now());
    const query = { from: day(), to: day(), stationId: station };
    const before = await staffA.ok<{ total: number }>('visitsReport', { query });
    await outbox.push(make.visit('health'), make.visit('health'), make.visit('elderly'), make.referral('bills'));
    const visits = await staffA.ok<{ total: number; byPurpose: { purpose: string; visits: number }[]; byDay: { day: string; visits: number }[] }>('visitsReport', { query });
    expect(visits.total - before.total).toBe(3);
    expect(visits.byPurpose).toEqual(expect.arrayContaining([{ purpose: 'health', visits: 2 }, { purpose: 'elderly', visits: 1 }]));
    const referrals = await staffA.ok<{ total: number; byService: { serviceId: string }[] }>('referralsReport', { query });
    expect(referrals.byService.map((s) => s.serviceId)).toContain('bills');

    const csv = await staffA.call('reportCsv', { params: { report: 'visits' }, query });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.headers['content-disposition']).toContain('attachment');

    // The visit log keeps the centre's receive time beside the tablet's, and says which tablet clock was off.
    const skewed = { ...make.visit('health'), at: new Date(t.clock.now().getTime() - 3 * 3_600_000).toISOString(), clockSkewMs: -3 * 3_600_000 };
    await outbox.push(skewed);
    const log = await staffA.call('reportCsv', { params: { report: 'visit-log' }, query: { ...query, lang: 'en' } });
    const lines = log.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toContain('Received by the centre,Tablet clock off by (minutes)');
    const local = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    expect(lines.find((line) => line.startsWith(skewed.id))).toMatch(new RegExp(`,${local(Date.parse(skewed.at))},.*,${local(t.clock.now().getTime())},-180$`));
    expect(lines.filter((line) => line.endsWith(','))).toHaveLength(lines.length - 2);
  });

  it('counts an amenity tap taken back as none, in the services report and its CSV, as the kiosk does', async () => {
    const make = kiosk(station, t.clock.now());
    const query = { from: day(), to: day(), stationId: station };
    const lent = make.amenity('umbrella-undo', 'lend');
    await outbox.push(lent, make.amenity('chair-undo', 'use'));
    await outbox.push({ ...make.amenity('umbrella-undo', 'lend'), undoes: lent.id });
    const services = await staffA.ok<{ amenities: { amenityId: string; used: number; lent: number; returned: number }[] }>('servicesReport', { query });
    expect(services.amenities.filter((a) => a.amenityId.endsWith('-undo'))).toEqual(
      expect.arrayContaining([
        { amenityId: 'umbrella-undo', used: 0, lent: 0, returned: 0 },
        { amenityId: 'chair-undo', used: 1, lent: 0, returned: 0 },
      ]),
    );
    const csv = await staffA.call('reportCsv', { params: { report: 'services' }, query: { ...query, lang: 'en' } });
    const rows = csv.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(rows.filter((row) => row.includes('-undo')).sort()).toEqual(['amenity,chair-undo,1,0,0', 'amenity,umbrella-undo,0,0,0']);
  });

  it('writes every change to the audit log with who, what, before and after, which the admin reads and exports', async () => {
    const updated = await staffA.ok<{ community: { targetHours: number } }>('updateCommunity', { params: { communityId: A.community }, body: { targetHours: 24 } });
    expect(updated.community.targetHours).toBe(24);
    const log = await admin.ok<{ entries: { action: string; staff: { login: string } | null; before: unknown; after: unknown; targetId: string | null }[] }>('audit', {
      query: { targetType: 'community', targetId: A.community },
    });
    const entry = log.entries.find((e) => e.action === 'community.update')!;
    expect(entry).toMatchObject({ staff: { login: 'staff-a' }, before: { targetHours: 48 }, after: { targetHours: 24 } });
    // Dispatches and logins are there too.
    const actions = new Set((await admin.ok<{ entries: { action: string }[] }>('audit', { query: { limit: 200 } })).entries.map((e) => e.action));
    expect([...actions]).toEqual(expect.arrayContaining(['session.login', 'request.dispatch', 'dead-letter.resolve', 'station.revoke']));

    const csv = await admin.call('auditCsv', { query: { targetType: 'community', lang: 'en' } });
    expect(csv.statusCode).toBe(200);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body).toContain('community.update');
  });

  it('marks a request overdue past the community\'s target time and counts it', async () => {
    const make = kiosk(station, t.clock.now());
    const request = make.request('0302103');
    await outbox.push(request, make.event(request.id, 'submit'));
    const before = await staffA.ok<{ overdueCount: number }>('inbox');
    t.clock.advance(49 * HOUR);
    // Two days on, every session has idled out: log in again.
    staffA = await t.as('staff-a');
    const after = await staffA.ok<{ requests: RequestSummary[]; overdueCount: number }>('inbox', { query: { overdue: 'true' } });
    expect(after.requests.map((r) => r.id)).toContain(request.id);
    expect(after.requests.every((r) => r.overdue)).toBe(true);
    expect(after.overdueCount).toBeGreaterThan(before.overdueCount);
  });
});
