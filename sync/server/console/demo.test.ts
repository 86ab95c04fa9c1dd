import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consolePath } from '../../protocol/console/routes.ts';
import { sessionSchema } from '../../protocol/console/session.ts';
import { bootstrapDemo, demoBanner, demoEnrolment, demoStationId, loadDemoCatalogue } from '../demo.ts';
import { engines, silentLogger, startTestServer, type TestServer } from '../testing/fixtures.ts';
import { DEMO_COMMUNITY_ID, DEMO_STAFF_LOGIN, DEMO_STAFF_PASSWORD } from './demo.ts';
import { hashPassword } from './passwords.ts';

/** `npm start`: the demo database has a console login that works, printed with the console's URL. */
describe.each(engines())('the console demo on %s', (engine) => {
  let t: TestServer;
  // The demo writes its members' QR code under dataDir: a folder of this test's, not the repository's ./data.
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'yizhan-demo-'));
    t = await startTestServer({ engine });
  });
  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const lines: string[] = [];
  const logger = () => {
    const log = silentLogger();
    log.info = ((_fields: unknown, message?: string) => void lines.push(message ?? '')) as typeof log.info;
    return log;
  };
  const login = (password = DEMO_STAFF_PASSWORD) =>
    t.app.inject({ method: 'POST', url: consolePath('login'), headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ login: DEMO_STAFF_LOGIN, password }) });

  it('makes a district admin that logs in, puts every demo station in the demo community, and prints the login with the URL', async () => {
    const enrolment = demoEnrolment(t.storage, await loadDemoCatalogue());
    // A browser that enrolled before the console's demo existed, and one after.
    await enrolment.prepare('install-before', t.clock.now());
    const demo = await bootstrapDemo(t.storage, { logger: logger(), now: t.clock.now(), dataDir, consoleUrl: 'http://127.0.0.1:8787/console/' });
    await enrolment.prepare('install-after', t.clock.now());
    expect(lines).toContain(`community console: http://127.0.0.1:8787/console/ (log in as ${DEMO_STAFF_LOGIN} / ${DEMO_STAFF_PASSWORD})`);
    expect(demoBanner({ url: 'http://127.0.0.1:8787', stations: 2, database: 'x', volunteers: demo.volunteers, console: demo.console })).toContain(`log in as ${DEMO_STAFF_LOGIN} / ${DEMO_STAFF_PASSWORD}`);
    const response = await login();
    expect(response.statusCode, response.body).toBe(200);
    expect(sessionSchema.parse(response.json()).staff.role).toEqual({ kind: 'district-admin' });
    const stations = await t.storage.listConsoleStations();
    for (const install of ['install-before', 'install-after']) expect(stations.find((s) => s.id === demoStationId(install))?.communityId).toBe(DEMO_COMMUNITY_ID);
  });

  it('makes nothing twice on later starts, and stops printing a password that no longer opens the account', async () => {
    lines.length = 0;
    await bootstrapDemo(t.storage, { logger: logger(), now: t.clock.now(), dataDir });
    expect(await t.storage.listStaff()).toHaveLength(1);
    expect(lines.some((line) => line.includes(DEMO_STAFF_PASSWORD))).toBe(true);

    const [demo] = await t.storage.listStaff();
    await t.storage.setStaffPassword({ staffId: demo!.id, passwordHash: await hashPassword('a password of their own'), keepSession: null, action: 'staff.change-password' }, { staff: null, ip: null, now: t.clock.now() });
    lines.length = 0;
    await bootstrapDemo(t.storage, { logger: logger(), now: t.clock.now(), dataDir });
    expect(lines.some((line) => line.includes(DEMO_STAFF_PASSWORD))).toBe(false);
    expect((await login()).statusCode).toBe(401);
  });
});
