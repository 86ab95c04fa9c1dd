import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityScope } from '../../protocol/centre.ts';
import { consoleErrorBodySchema } from '../../protocol/console/common.ts';
import type { MemberCredentialsStatus, PublishedItem } from '../../protocol/console/publish.ts';
import { hashMemberPin } from '../../protocol/pin-hash.ts';
import { type Change, messages } from '../../protocol/wire.ts';
import { addStandardStaff, type ConsoleClient, type ConsoleTestServer, enrolStation, ORG, startConsoleServer } from '../testing/console.ts';
import { engines } from '../testing/fixtures.ts';

/**
 * Publishing from the console, on both engines, seen where it matters: in the pull of the stations it is for.
 * A community's publish reaches each of its stations; versions refuse a lost update; a member's PIN arrives as
 * its hash only; a rotation template becomes a month of shifts on the station's roster and in its pull.
 */
const A = ORG.a;

describe.each(engines())('console publishing on %s', (engine) => {
  let t: ConsoleTestServer;
  let staffA: ConsoleClient;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    t = await startConsoleServer(engine);
    await addStandardStaff(t);
    staffA = await t.as('staff-a');
    for (const station of [...A.stations, ...ORG.b.stations]) tokens.set(station, await enrolStation(t, station));
  });
  afterAll(async () => t?.close());

  const pull = async (stationId: string): Promise<Change[]> => {
    const changes: Change[] = [];
    let cursor = '0';
    for (;;) {
      const response = await t.call(messages.pull.path, { stationId, cursor }, tokens.get(stationId));
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json() as { changes: Change[]; cursor: string; hasMore: boolean };
      changes.push(...page.changes);
      cursor = page.cursor;
      if (!page.hasMore) return changes;
    }
  };
  const latest = (changes: Change[], collection: string, id: string) => changes.filter((c) => c.collection === collection && c.id === id).at(-1);

  const notice = (id: string, title: string) => ({
    id,
    kind: 'activity',
    title: { 'zh-CN': title, en: title },
    body: { 'zh-CN': '社区活动', en: 'A community activity' },
    startsAt: '2026-03-07T09:00',
    endsAt: '2026-03-07T11:00',
    pinned: true,
    publishedAt: t.clock.now().toISOString(),
  });

  it('publishes a community notice to every station of the community and none of another, refuses a stale version, and withdraws it', async () => {
    const scope = communityScope(A.community);
    const put = await staffA.ok<{ item: PublishedItem }>('putPublished', { body: { collection: 'notices', scope, value: notice('spring-fair', '春季义诊'), expectedVersion: null } });
    expect(put.item).toMatchObject({ collection: 'notices', scope, id: 'spring-fair' });
    for (const station of A.stations) expect(latest(await pull(station), 'notices', 'spring-fair')).toMatchObject({ op: 'put', value: { pinned: true } });
    expect(latest(await pull(ORG.b.stations[0]), 'notices', 'spring-fair')).toBeUndefined();

    const changed = await staffA.ok<{ item: PublishedItem }>('putPublished', { body: { collection: 'notices', scope, value: notice('spring-fair', '春季义诊（改期）'), expectedVersion: put.item.version } });
    const stale = await staffA.call('putPublished', { body: { collection: 'notices', scope, value: notice('spring-fair', '旧标题'), expectedVersion: put.item.version } });
    expect(stale.statusCode).toBe(409);
    expect(consoleErrorBodySchema.parse(stale.json()).error).toBe('conflict');
    const again = await staffA.call('putPublished', { body: { collection: 'notices', scope, value: notice('spring-fair', '重复'), expectedVersion: null } });
    expect(again.statusCode).toBe(409);
    expect(latest(await pull(A.stations[0]), 'notices', 'spring-fair')).toMatchObject({ value: { title: { 'zh-CN': '春季义诊（改期）' } } });

    await staffA.ok('withdrawPublished', { body: { collection: 'notices', scope, id: 'spring-fair', expectedVersion: changed.item.version } });
    expect(latest(await pull(A.stations[1]), 'notices', 'spring-fair')).toMatchObject({ op: 'delete' });
    const listed = await staffA.ok<{ items: PublishedItem[] }>('listPublished', { query: { collection: 'notices', scope } });
    expect(listed.items.map((item) => item.id)).not.toContain('spring-fair');
  });

  it('takes a member\'s PIN as its hash only, publishes it to the stations, and never answers the hash back', async () => {
    const scope = communityScope(A.community);
    const raw = await staffA.call('setMemberCredentials', { body: { scope, memberId: A.member, pinHash: '2468' } });
    expect(raw.statusCode).toBe(400);
    const pinHash = await hashMemberPin('2468', 100_000);
    const set = await staffA.ok<{ credentials: MemberCredentialsStatus }>('setMemberCredentials', { body: { scope, memberId: A.member, pinHash } });
    expect(set.credentials).toMatchObject({ memberId: A.member, hasPin: true, hasQr: false });
    const listed = await staffA.call('memberCredentials', { query: { scope } });
    expect(listed.body).not.toContain(pinHash);
    expect(latest(await pull(A.stations[0]), 'member-credentials', A.member)).toMatchObject({ op: 'put', value: expect.objectContaining({ pinHash }) });

    await staffA.ok('setMemberCredentials', { body: { scope, memberId: A.member, pinHash: null } });
    const after = await staffA.ok<{ credentials: MemberCredentialsStatus[] }>('memberCredentials', { query: { scope } });
    expect(after.credentials.find((c) => c.memberId === A.member)?.hasPin ?? false).toBe(false);
  });

  it('turns a rotation template into a month of dated shifts on the roster and in the station\'s pull', async () => {
    const station = A.stations[0];
    const template = { units: [{ unitId: A.unit, memberIds: [A.member] }], turn: 'day', anchor: '2026-04-01', slots: [{ weekdays: [1, 3], start: '18:00', end: '20:00', kind: 'evening-hour' }] };
    const saved = await staffA.ok<{ template: { version: number } }>('saveRotationTemplate', { params: { stationId: station }, body: { template, expectedVersion: null } });
    expect(saved.template.version).toBeGreaterThanOrEqual(1);
    expect((await staffA.ok<{ template: unknown }>('rotationTemplate', { params: { stationId: station } })).template).toMatchObject({ template });

    const generated = await staffA.ok<{ put: number; shifts: { id: string }[] }>('generateRotation', { body: { stationId: station, month: '2026-04' } });
    // April 2026 has 4 Mondays and 5 Wednesdays.
    expect(generated.put).toBe(9);
    const roster = await staffA.ok<{ occurrences: { day: string; memberId: string; kind: string }[] }>('roster', { query: { stationId: station, from: '2026-04-01', to: '2026-04-30' } });
    expect(roster.occurrences).toHaveLength(9);
    expect(new Set(roster.occurrences.map((o) => [o.memberId, o.kind].join()))).toEqual(new Set([`${A.member},evening-hour`]));
    const shifts = (await pull(station)).filter((c) => c.collection === 'shifts' && c.op === 'put');
    expect(shifts.map((c) => c.id)).toEqual(expect.arrayContaining(generated.shifts.map((s) => s.id)));

    // Generating again changes nothing; the other station of the community gets none of it.
    expect((await staffA.ok<{ put: number; withdrawn: number }>('generateRotation', { body: { stationId: station, month: '2026-04' } }))).toMatchObject({ put: 0, withdrawn: 0 });
    expect((await pull(A.stations[1])).some((c) => c.collection === 'shifts')).toBe(false);
  });

  it('sends a community service only to the stations that offer it: to the others it goes as withdrawn, and comes back when offered again', async () => {
    const scope = communityScope(A.community);
    const service = (stationIds?: string[]) => ({
      id: 'home-haircut',
      categoryId: 'seniors',
      name: { 'zh-CN': '上门理发', en: 'Haircut at home' },
      icon: '💈',
      summary: { 'zh-CN': '理发师上门', en: 'A barber comes to you' },
      provider: { 'zh-CN': '志愿理发队', en: 'Volunteer barbers' },
      hours: { 'zh-CN': '每月第一个周三', en: 'First Wednesday' },
      extended: [],
      bring: [],
      ways: [{ type: 'volunteer' }],
      order: 1,
      ...(stationIds ? { stationIds } : {}),
    });
    const everywhere = await staffA.ok<{ item: PublishedItem }>('putPublished', { body: { collection: 'services', scope, value: service(), expectedVersion: null } });
    for (const station of A.stations) expect(latest(await pull(station), 'services', 'home-haircut')).toMatchObject({ op: 'put' });

    const one = await staffA.ok<{ item: PublishedItem }>('putPublished', { body: { collection: 'services', scope, value: service([A.stations[0]]), expectedVersion: everywhere.item.version } });
    expect(latest(await pull(A.stations[0]), 'services', 'home-haircut')).toMatchObject({ op: 'put', value: { stationIds: [A.stations[0]] } });
    expect(latest(await pull(A.stations[1]), 'services', 'home-haircut')).toMatchObject({ op: 'delete' });

    await staffA.ok('putPublished', { body: { collection: 'services', scope, value: service(), expectedVersion: one.item.version } });
    expect(latest(await pull(A.stations[1]), 'services', 'home-haircut')).toMatchObject({ op: 'put' });
  });

  it('moves a station to another community: its next pull starts over, with the new community\'s earlier items and none of the old one\'s', async () => {
    const admin = await t.as('admin');
    await admin.ok('createStation', { body: { id: 'hp-moving', name: '和平里三号驿站', communityId: ORG.b.community } });
    tokens.set('hp-moving', await enrolStation(t, 'hp-moving'));
    await admin.ok('putPublished', { body: { collection: 'notices', scope: communityScope(A.community), value: notice('before-move-a', '搬迁前幸福里'), expectedVersion: null } });
    await admin.ok('putPublished', { body: { collection: 'notices', scope: communityScope(ORG.b.community), value: notice('before-move-b', '搬迁前和平里'), expectedVersion: null } });
    const pullFrom = async (cursor: string) => {
      const response = await t.call(messages.pull.path, { stationId: 'hp-moving', cursor }, tokens.get('hp-moving'));
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as { changes: Change[]; cursor: string; hasMore: boolean; reset: boolean };
    };
    const before = await pull('hp-moving');
    expect(latest(before, 'notices', 'before-move-b')).toMatchObject({ op: 'put' });
    expect(latest(before, 'notices', 'before-move-a')).toBeUndefined();
    let cursor = '0';
    for (let page = await pullFrom(cursor); ; page = await pullFrom(cursor)) {
      cursor = page.cursor;
      if (!page.hasMore) break;
    }

    await admin.ok('updateStation', { params: { stationId: 'hp-moving' }, body: { communityId: A.community } });
    // From where it was, the station is told to start over (the items it holds are another community's)…
    await expect(pullFrom(cursor)).resolves.toMatchObject({ reset: true, cursor: '0', changes: [] });
    await expect(pullFrom(cursor)).resolves.toMatchObject({ reset: true });
    // …and read from the start it gets the new community's notice, published before it moved, and not the old one's.
    const after = await pull('hp-moving');
    expect(latest(after, 'notices', 'before-move-a')).toMatchObject({ op: 'put' });
    expect(latest(after, 'notices', 'before-move-b')).toBeUndefined();
    const next = await pullFrom((await pullFrom('0')).cursor);
    expect(next.reset).toBe(false);

    // Renaming is not moving: no start over.
    const settled = (await pullFrom('0')).cursor;
    await admin.ok('updateStation', { params: { stationId: 'hp-moving' }, body: { name: '幸福里三号驿站' } });
    await expect(pullFrom(settled)).resolves.toMatchObject({ reset: false });
  });

  it('lets community staff make unit leads of their own community only, never an account above their own', async () => {
    const made = await staffA.call('createStaff', { body: { login: 'new-a', name: '新同事', role: { kind: 'unit-lead', communityId: A.community, unitId: A.unit }, password: 'a long enough password' } });
    expect(made.statusCode, made.body).toBe(200);
    expect((await t.login('new-a', 'a long enough password')).statusCode).toBe(200);
    const sneak = (role: unknown) => staffA.call('createStaff', { body: { login: 'sneaky', name: '越权', role, password: 'a long enough password' } });
    // A peer is refused; the district's role lies outside a community's scope, so it is not found there at all.
    expect((await sneak({ kind: 'community-staff', communityId: A.community })).statusCode).toBe(403);
    expect((await sneak({ kind: 'district-admin' })).statusCode).toBe(404);
    const other = await staffA.call('createStaff', { body: { login: 'sneaky-b', name: '越权', role: { kind: 'unit-lead', communityId: ORG.b.community, unitId: ORG.b.unit }, password: 'a long enough password' } });
    expect([403, 404]).toContain(other.statusCode);
    const logins = (await t.storage.listStaff()).map((s) => s.login);
    expect(logins).not.toContain('sneaky');
    expect(logins).not.toContain('sneaky-b');
  });
});
