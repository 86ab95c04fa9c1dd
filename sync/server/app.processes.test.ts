import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../protocol/wire.ts';
import { buildServer, type YizhanServer } from './app.ts';
import { defaultConfig, type ServerConfig } from './config.ts';
import type { Storage } from './storage/types.ts';
import { engines, openTestStorage, silentLogger, testClock, type TestStorage } from './testing/fixtures.ts';
import { enrolmentCodeHash, newEnrolmentCode } from './tokens.ts';

/**
 * Two servers on one database, each with its own connection and nothing else in common, as two processes
 * behind a load balancer are: whatever must hold across requests (rate limits, enrolment) holds across them.
 * tests/sync/processes.test.ts runs the real processes under faults.
 */
describe.each(engines())('two servers on one database (%s)', (engine) => {
  let db: TestStorage;
  let second: Storage;
  let servers: YizhanServer[];
  const clock = testClock();
  const config: ServerConfig = {
    ...defaultConfig,
    maintenanceIntervalMs: 0,
    rateLimit: { max: 6, windowMs: 60_000 },
    enrolRateLimit: { max: 4, windowMs: 60_000 },
    authFailureRateLimit: { max: 4, windowMs: 60_000 },
  };
  const call = (server: YizhanServer, path: string, body: unknown, options: { token?: string; remoteAddress?: string } = {}) =>
    server.app.inject({
      method: 'POST',
      url: path,
      remoteAddress: options.remoteAddress ?? '127.0.0.1',
      headers: { 'content-type': 'application/json', [PROTOCOL_HEADER]: PROTOCOL_VERSION, ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
      payload: JSON.stringify(body),
    });
  /** Each request to the other server, as a round-robin balancer sends them. */
  const alternate = (i: number) => servers[i % 2]!;
  const codeFor = async (stationId: string) => {
    await db.storage.createStation({ id: stationId, name: `驿站 ${stationId}`, now: clock.now() });
    const code = newEnrolmentCode();
    await db.storage.createEnrolmentCode({ stationId, codeHash: enrolmentCodeHash(code), expiresAt: new Date(clock.now().getTime() + 3_600_000), now: clock.now() });
    return code;
  };

  beforeAll(async () => {
    db = await openTestStorage(engine);
    second = db.connectAgain();
    servers = [
      await buildServer({ storage: db.storage, config, logger: silentLogger(), now: clock.now, checkResponses: true }),
      await buildServer({ storage: second, config, logger: silentLogger(), now: clock.now, checkResponses: true }),
    ];
  });
  afterAll(async () => {
    for (const server of servers ?? []) await server.app.close();
    await second?.close();
    await db?.close();
  });

  it('limits a station once across both, not once on each', async () => {
    const code = await codeFor('both-a');
    const { token } = messages.enrol.response.parse((await call(servers[0]!, messages.enrol.path, { code }, { remoteAddress: '10.1.0.1' })).json());
    const statuses = [];
    for (let i = 0; i < 10; i += 1) statuses.push((await call(alternate(i), messages.pull.path, { stationId: 'both-a', cursor: '0' }, { token })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429, 429, 429]);
  });

  it('limits bad tokens and enrolment attempts per address across both', async () => {
    const forged = `yz1_${'B'.repeat(43)}`;
    const refused = [];
    for (let i = 0; i < 6; i += 1) refused.push((await call(alternate(i), messages.pull.path, { stationId: 'both-a', cursor: '0' }, { token: forged, remoteAddress: '10.2.0.1' })).statusCode);
    expect(refused).toEqual([401, 401, 401, 401, 429, 429]);
    const guesses = [];
    for (let i = 0; i < 6; i += 1) guesses.push((await call(alternate(i), messages.enrol.path, { code: `GUESS-${i}000-0000` }, { remoteAddress: '10.3.0.1' })).statusCode);
    expect(guesses).toEqual([403, 403, 403, 403, 429, 429]);
  });

  it('hands a code once, and its token again only to the install that redeemed it, whichever server it asks', async () => {
    const code = await codeFor('both-b');
    const installId = 'install-both-b-0123456789abc';
    // The same tablet's request arrives at both at once (a retry racing its original).
    const answers = await Promise.all(servers.map((server, i) => call(server, messages.enrol.path, { code, installId }, { remoteAddress: `10.4.0.${i + 1}` })));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    const [first, again] = answers.map((a) => messages.enrol.response.parse(a.json()));
    expect(again).toEqual(first);
    expect((await call(servers[1]!, messages.enrol.path, { code, installId: 'install-someone-else-000000' }, { remoteAddress: '10.4.0.3' })).statusCode).toBe(403);
    expect((await call(servers[0]!, messages.pull.path, { stationId: 'both-b', cursor: '0' }, { token: first!.token, remoteAddress: '10.4.0.1' })).statusCode).toBe(200);
    // Used on one server: the other hands it out no more.
    expect((await call(servers[1]!, messages.enrol.path, { code, installId }, { remoteAddress: '10.4.0.2' })).statusCode).toBe(403);
  });
});
