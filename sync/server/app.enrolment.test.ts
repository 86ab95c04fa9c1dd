import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, messages } from '../protocol/wire.ts';
import { entries, newEpoch, pushBody, startTestServer, type TestServer, visit } from './testing/fixtures.ts';
import { enrolmentCodeHash, newEnrolmentCode, newStationToken, tokenHash } from './tokens.ts';

describe('enrolment and station credentials', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ config: { enrolRateLimit: { max: 1000, windowMs: 60_000 }, authFailureRateLimit: { max: 1000, windowMs: 60_000 } } });
  });
  afterAll(async () => t?.close());

  const code = async (stationId: string, hours = 1) => {
    const value = newEnrolmentCode();
    await t.storage.createEnrolmentCode({ stationId, codeHash: enrolmentCodeHash(value), expiresAt: new Date(t.clock.now().getTime() + hours * 3_600_000), now: t.clock.now() });
    return value;
  };

  it('exchanges a code for a token once; the code is then spent', async () => {
    await t.storage.createStation({ id: 'east-gate', name: '东门驿站', now: t.clock.now() });
    const value = await code('east-gate');
    const first = await t.call(messages.enrol.path, { code: value.toLowerCase().replace(/-/g, ' '), appVersion: '0.1.0' });
    expect(first.statusCode).toBe(200);
    expect(messages.enrol.response.parse(first.json())).toMatchObject({ stationId: 'east-gate', stationName: '东门驿站' });
    const again = await t.call(messages.enrol.path, { code: value });
    expect(again.statusCode).toBe(403);
    expect(again.json()).toMatchObject({ error: 'enrolment-refused' });
  });

  it('gives the same tablet the same token again when its answer was lost, until that token is used, and no other tablet anything', async () => {
    await t.storage.createStation({ id: 'lost-answer', name: '答复丢失', now: t.clock.now() });
    const value = await code('lost-answer', 1);
    const installId = 'install-0123456789abcdefABCDEF';
    const first = await t.call(messages.enrol.path, { code: value, appVersion: '0.1.0', installId });
    expect(first.statusCode).toBe(200);
    const { token } = messages.enrol.response.parse(first.json());
    // The answer never reached the tablet: it asks again (later, past the code's expiry), and again.
    t.clock.advance(2 * 3_600_000);
    for (let i = 0; i < 2; i += 1) {
      const retry = await t.call(messages.enrol.path, { code: value, appVersion: '0.1.0', installId });
      expect(retry.statusCode).toBe(200);
      expect(messages.enrol.response.parse(retry.json())).toEqual({ stationId: 'lost-answer', stationName: '答复丢失', token });
    }
    // Another tablet, or one that does not say which it is, gets nothing for the used code.
    expect((await t.call(messages.enrol.path, { code: value, installId: 'install-someone-else-0000000' })).statusCode).toBe(403);
    expect((await t.call(messages.enrol.path, { code: value })).statusCode).toBe(403);
    expect((await t.storage.getStation('lost-answer'))?.enrolmentPending).toBe(true);
    // The tablet syncs with its token: the enrolment is done, and a replay of it is refused.
    expect((await t.call(messages.pull.path, { stationId: 'lost-answer', cursor: '0' }, token)).statusCode).toBe(200);
    expect((await t.storage.getStation('lost-answer'))?.enrolmentPending).toBe(false);
    const replay = await t.call(messages.enrol.path, { code: value, appVersion: '0.1.0', installId });
    expect(replay.statusCode).toBe(403);
    expect((await t.call(messages.pull.path, { stationId: 'lost-answer', cursor: '0' }, token)).statusCode).toBe(200);
  });

  it('refuses an install id that is not one', async () => {
    await t.storage.createStation({ id: 'bad-install', name: 'bad', now: t.clock.now() });
    const value = await code('bad-install');
    for (const installId of ['short', 'x'.repeat(65), 'has spaces in it 0123456789', 42]) {
      expect((await t.call(messages.enrol.path, { code: value, installId })).statusCode, String(installId)).toBe(400);
    }
  });

  it('refuses an expired code and an unknown one with the same answer', async () => {
    await t.storage.createStation({ id: 'west-gate', name: 'west', now: t.clock.now() });
    const value = await code('west-gate', 1);
    t.clock.advance(2 * 3_600_000);
    const expired = await t.call(messages.enrol.path, { code: value });
    const unknown = await t.call(messages.enrol.path, { code: newEnrolmentCode() });
    expect(expired.statusCode).toBe(403);
    expect(expired.json()).toEqual(unknown.json());
  });

  it('keeps tokens and codes only as hashes', async () => {
    const dir = t.dir;
    await t.storage.createStation({ id: 'north-gate', name: 'north', now: t.clock.now() });
    const value = await code('north-gate');
    // With an install id the token is also kept sealed, for a retry: sealed, not readable.
    const installId = 'install-north-gate-0123456789';
    const { token } = (await t.call(messages.enrol.path, { code: value, installId })).json() as { token: string };
    expect(token).toMatch(/^yz1_[A-Za-z0-9_-]{43}$/);
    const file = join(dir!, 'test.sqlite');
    const db = new Database(file, { readonly: true });
    const row = db.prepare('SELECT token_hash FROM stations WHERE id = ?').get('north-gate') as { token_hash: string };
    const codes = db.prepare('SELECT code_hash FROM enrolment_codes').all() as { code_hash: string }[];
    db.close();
    expect(row.token_hash).toBe(tokenHash(token));
    expect(codes.map((c) => c.code_hash)).toContain(enrolmentCodeHash(value));
    // Neither the token, the code nor the install id is anywhere in the database files.
    for (const name of await readdir(dir!)) {
      const bytes = readFileSync(join(dir!, name)).toString('latin1');
      expect(bytes.includes(token), name).toBe(false);
      expect(bytes.includes(value.replace(/-/g, '')), name).toBe(false);
      expect(bytes.includes(installId), name).toBe(false);
    }
  });

  describe('every sync call is authenticated', () => {
    let token: string;
    let other: string;
    beforeAll(async () => {
      token = await t.enrol('auth-a');
      other = await t.enrol('auth-b');
      await t.call(messages.push.path, pushBody('auth-b', newEpoch(), entries([visit('auth-b')])), other);
    });

    const calls = (stationId: string) =>
      [
        [messages.push.path, pushBody(stationId, newEpoch(), entries([visit(stationId)]))],
        [messages.pull.path, { stationId, cursor: '0' }],
        [messages.heartbeat.path, { stationId, appVersion: '1', recordsWaiting: 0, storageUsed: null, storageQuota: null, lastError: null, clockOffsetMs: null, sentAt: new Date().toISOString() }],
        [messages.rotateToken.path, { stationId }],
      ] as const;

    it('refuses no token, a malformed one, a wrong one and a revoked one alike, and tells nothing', async () => {
      await t.storage.createStation({ id: 'auth-c', name: 'c', now: t.clock.now() });
      const revoked = await t.enrol('auth-d');
      await t.storage.revokeStation({ stationId: 'auth-d', now: t.clock.now() });
      const bodies = new Set<string>();
      for (const [path, body] of calls('auth-a')) {
        for (const bad of [null, 'not-a-token', `yz1_${'x'.repeat(43)}`, newStationToken(), revoked]) {
          const response = await t.call(path, body, bad);
          expect(response.statusCode, `${path} with ${bad}`).toBe(401);
          expect(response.headers['www-authenticate']).toBe('Bearer realm="yizhan"');
          expect(errorBodySchema.parse(response.json()).error).toBe('unauthorized');
          bodies.add(response.body);
        }
        const basic = await t.call(path, body, null, { authorization: `Basic ${Buffer.from(`a:${token}`).toString('base64')}` });
        expect(basic.statusCode).toBe(401);
        bodies.add(basic.body);
      }
      expect(bodies.size).toBe(1);
      expect([...bodies][0]).not.toMatch(/auth-|revoked|expired|unknown/);
    });

    it("refuses a station's token for another station's messages", async () => {
      for (const [path, body] of calls('auth-b')) {
        const response = await t.call(path, body, token);
        expect(response.statusCode, path).toBe(403);
        expect(response.json()).toEqual({ error: 'forbidden', message: 'this token may act only for its own station' });
      }
      expect(await t.storage.listRecords('auth-b')).toHaveLength(1);
    });

    it('rotates a token: the old one works until the new one is used', async () => {
      const old = await t.enrol('rotating');
      const response = await t.call(messages.rotateToken.path, { stationId: 'rotating' }, old);
      expect(response.statusCode).toBe(200);
      const { token: fresh } = messages.rotateToken.response.parse(response.json());
      const pull = (tk: string) => t.call(messages.pull.path, { stationId: 'rotating', cursor: '0' }, tk);
      expect((await pull(old)).statusCode).toBe(200);
      expect((await pull(fresh)).statusCode).toBe(200);
      expect((await pull(old)).statusCode).toBe(401);
    });
  });
});
