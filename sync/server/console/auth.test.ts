import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleErrorBodySchema, CSRF_HEADER } from '../../protocol/console/common.ts';
import { consolePath } from '../../protocol/console/routes.ts';
import { sessionSchema } from '../../protocol/console/session.ts';
import { addStandardStaff, type ConsoleCall, type ConsoleTestServer, cookieOf, ORG, PASSWORD, startConsoleServer } from '../testing/console.ts';
import { engines } from '../testing/fixtures.ts';
import { SESSION_COOKIE } from './session-auth.ts';

const HOUR = 3_600_000;

describe.each(engines())('console auth on %s', (engine) => {
  let t: ConsoleTestServer;
  beforeAll(async () => {
    t = await startConsoleServer(engine, { maxFailures: 3, lockWindowMs: 10 * 60_000, lockMs: 15 * 60_000, loginPerAddress: 1000 });
    await addStandardStaff(t);
  });
  afterAll(async () => t?.close());

  const error = (response: { statusCode: number; json(): unknown }) => consoleErrorBodySchema.parse(response.json());

  it('logs in with an HttpOnly, Secure, SameSite=Strict host-only cookie and answers the session with scope and CSRF token', async () => {
    const response = await t.login('staff-a');
    expect(response.statusCode).toBe(200);
    const session = sessionSchema.parse(response.json());
    expect(session.staff.login).toBe('staff-a');
    expect(session.scope).toMatchObject({ district: false, communityIds: [ORG.a.community], stationIds: [...ORG.a.stations] });
    const header = String(response.headers['set-cookie']);
    expect(header).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; Secure; SameSite=Strict$`));
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('takes the login name in any case and with spaces around it', async () => {
    expect((await t.login('  STAFF-A ')).statusCode).toBe(200);
  });

  it('refuses a wrong password and an unknown name with the same answer', async () => {
    const wrong = await t.login('staff-b', 'not the password');
    const unknown = await t.login('nobody-here', 'not the password');
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(error(wrong)).toEqual(error(unknown));
    expect(error(wrong).error).toBe('invalid-credentials');
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('locks a login name after repeated failures, even against the right password, and lets it in after the lock', async () => {
    await t.addStaff('locky', { kind: 'community-staff', communityId: ORG.a.community });
    for (let i = 0; i < 2; i += 1) expect((await t.login('locky', 'guess')).statusCode).toBe(401);
    const third = await t.login('locky', 'guess');
    expect(third.statusCode).toBe(429);
    expect(error(third)).toMatchObject({ error: 'account-locked', retryAfterSeconds: 15 * 60 });
    expect(third.headers['retry-after']).toBe(String(15 * 60));
    const right = await t.login('locky');
    expect(right.statusCode).toBe(429);
    expect(error(right).error).toBe('account-locked');
    // An unknown name locks the same way, so a lock tells nothing about whether the name exists.
    for (let i = 0; i < 3; i += 1) await t.login('ghost', 'guess');
    expect(error(await t.login('ghost', 'guess')).error).toBe('account-locked');

    t.clock.advance(15 * 60_000 + 1000);
    expect((await t.login('locky')).statusCode).toBe(200);
  });

  it('forgets old failures: failures spread wider than the window never lock', async () => {
    await t.addStaff('slowpoke', { kind: 'community-staff', communityId: ORG.a.community });
    for (let i = 0; i < 6; i += 1) {
      expect((await t.login('slowpoke', 'guess')).statusCode).toBe(401);
      if (i % 2 === 1) t.clock.advance(11 * 60_000);
    }
    expect((await t.login('slowpoke')).statusCode).toBe(200);
  });

  it('lets a disabled account in nowhere and ends its sessions at once', async () => {
    const id = await t.addStaff('leaver', { kind: 'community-staff', communityId: ORG.a.community });
    const leaver = await t.as('leaver');
    const admin = await t.as('admin');
    await admin.ok('updateStaff', { params: { staffId: id }, body: { disabled: true } });
    expect((await leaver.call('session')).statusCode).toBe(401);
    expect((await t.login('leaver')).statusCode).toBe(401);
  });

  it('answers 401 without a session, with a forged cookie, and clears a dead cookie', async () => {
    expect((await t.request('session', {})).statusCode).toBe(401);
    const forged = await t.request('session', { cookie: `${SESSION_COOKIE}=${'A'.repeat(43)}` });
    expect(forged.statusCode).toBe(401);
    expect(String(forged.headers['set-cookie'])).toContain('Max-Age=0');
    expect(error(forged).error).toBe('unauthorized');
  });

  it('ends a session after the idle time, and keeps a used one alive until its absolute end', async () => {
    const idle = await t.as('staff-a');
    t.clock.advance(8 * HOUR + 1000);
    expect((await idle.call('session')).statusCode).toBe(401);

    const busy = await t.as('staff-a');
    for (let elapsed = 0; elapsed < 7 * 24 * HOUR - 4 * HOUR; elapsed += 4 * HOUR) {
      t.clock.advance(4 * HOUR);
      expect((await busy.call('session')).statusCode, `after ${elapsed / HOUR + 4} h`).toBe(200);
    }
    t.clock.advance(4 * HOUR);
    expect((await busy.call('session')).statusCode).toBe(401);
  });

  it('logs out this session only, or every session of the account', async () => {
    const first = await t.as('staff-b');
    const second = await t.as('staff-b');
    const third = await t.as('staff-b');
    const out = await first.call('logout');
    expect(out.statusCode).toBe(200);
    expect(String(out.headers['set-cookie'])).toContain('Max-Age=0');
    expect((await first.call('session')).statusCode).toBe(401);
    expect((await second.call('session')).statusCode).toBe(200);
    const everywhere = await second.ok<{ ended: number }>('logoutEverywhere');
    expect(everywhere.ended).toBeGreaterThanOrEqual(2);
    expect((await second.call('session')).statusCode).toBe(401);
    expect((await third.call('session')).statusCode).toBe(401);
  });

  it('changes a password with the current one, ending the account\'s other sessions', async () => {
    await t.addStaff('changer', { kind: 'community-staff', communityId: ORG.a.community });
    const here = await t.as('changer');
    const elsewhere = await t.as('changer');
    const wrong = await here.call('changePassword', { body: { currentPassword: 'nope', newPassword: 'a much longer passphrase' } });
    expect(wrong.statusCode).toBe(401);
    expect((await here.call('changePassword', { body: { currentPassword: PASSWORD, newPassword: 'short' } })).statusCode).toBe(400);
    expect(await here.ok('changePassword', { body: { currentPassword: PASSWORD, newPassword: 'a much longer passphrase' } })).toEqual({ ended: 1 });
    expect((await here.call('session')).statusCode).toBe(200);
    expect((await elsewhere.call('session')).statusCode).toBe(401);
    expect((await t.login('changer')).statusCode).toBe(401);
    expect((await t.login('changer', 'a much longer passphrase')).statusCode).toBe(200);
  });

  it('refuses a change without the CSRF header, with another session\'s token, or from a foreign page', async () => {
    const staff = await t.as('staff-a');
    const other = await t.as('staff-a');
    const body = { id: 'csrf-station', name: 'CSRF', communityId: ORG.a.community };
    const attempts: ConsoleCall[] = [
      { csrf: null },
      { csrf: other.session.csrfToken },
      { headers: { origin: 'https://evil.example' } },
      { headers: { referer: 'https://evil.example/page' } },
      { headers: { 'sec-fetch-site': 'cross-site' } },
    ];
    for (const call of attempts) {
      const response = await staff.call('createStation', { body, ...call });
      expect(response.statusCode, JSON.stringify(call)).toBe(403);
      expect(error(response).error).toBe('csrf-failed');
    }
    // Reads need no token; the same change from this server's own page goes through.
    expect((await staff.call('organisation', { csrf: null })).statusCode).toBe(200);
    expect((await staff.call('createStation', { body, headers: { origin: 'http://localhost:80', 'sec-fetch-site': 'same-origin' } })).statusCode).toBe(200);
  });

  it('refuses a login posted from a foreign page', async () => {
    const response = await t.login('staff-a', PASSWORD, { origin: 'https://evil.example' });
    expect(response.statusCode).toBe(403);
    expect(error(response).error).toBe('csrf-failed');
  });

  it('forbids a route the role may not use, whatever the object', async () => {
    const lead = await t.as('lead-a');
    const staff = await t.as('staff-a');
    expect(error(await lead.call('stationHealth')).error).toBe('forbidden');
    expect((await staff.call('audit')).statusCode).toBe(403);
    expect((await lead.call('createProject', { body: { communityId: ORG.a.community, title: 'x' } })).statusCode).toBe(403);
  });

  it('answers malformed input with 400 and the field, never 5xx', async () => {
    const staff = await t.as('staff-a');
    const bad = await staff.call('createStation', { body: { id: 'Not Valid', name: '', communityId: ORG.a.community } });
    expect(bad.statusCode).toBe(400);
    expect(error(bad).issues?.map((issue) => issue.path)).toEqual(expect.arrayContaining(['id', 'name']));
    const notJson = await t.app.inject({
      method: 'POST',
      url: consolePath('createStation'),
      headers: { cookie: staff.cookie, [CSRF_HEADER]: staff.session.csrfToken, 'content-type': 'application/json' },
      payload: '{"id":',
    });
    expect(notJson.statusCode).toBe(400);
    expect((await staff.call('inbox', { query: { limit: 'lots' } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/console/api/no-such-route', headers: { cookie: staff.cookie } })).statusCode).toBe(404);
  });

  it('rate-limits logins per client address across names', async () => {
    const limited = await startConsoleServer(engine, { loginPerAddress: 3 });
    try {
      await limited.addStaff('someone', { kind: 'district-admin' });
      for (let i = 0; i < 3; i += 1) expect((await limited.login(`name-${i}`, 'x')).statusCode).toBe(401);
      const refused = await limited.login('someone');
      expect(refused.statusCode).toBe(429);
      expect(error(refused).error).toBe('rate-limited');
      limited.clock.advance(15 * 60_000);
      expect(cookieOf(await limited.login('someone'))).toContain(SESSION_COOKIE);
    } finally {
      await limited.close();
    }
  });
});
