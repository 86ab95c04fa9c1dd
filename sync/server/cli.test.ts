import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import demo from '../../assets/demo/catalogue.json';
import { demoCredentialsSchema } from '../protocol/demo-credentials.ts';
import { memberQrText, verifyMemberPin } from '../protocol/pin-hash.ts';
import { readSetupLink } from '../protocol/setup-link.ts';
import { messages } from '../protocol/wire.ts';
import { DEMO_CREDENTIALS, DEMO_QR_MEMBER } from './demo-members.ts';
import { bootstrapDemo, DEMO_ENROLMENT_CODE } from './demo.ts';
import { qrSvg } from './members.ts';
import { SYSTEM } from './testing/console.ts';
import { cliOn, entries, newEpoch, pushBody, requestEvent, residentRequest, silentLogger, startTestServer, type TestServer, visit } from './testing/fixtures.ts';

describe('the server CLI', () => {
  let t: TestServer;
  let dir: string;
  const { run: cli, last } = cliOn(() => t);

  beforeAll(async () => {
    t = await startTestServer();
    dir = await mkdtemp(join(tmpdir(), 'yizhan-cli-'));
  });
  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('creates a station and an enrolment code a kiosk can use once', async () => {
    expect(await cli('create-station', 'south-gate', '--name', '南门驿站')).toBe(0);
    expect(await cli('create-station', 'south-gate')).toBe(1);
    expect(last.err.join()).toContain('exists');
    expect(await cli('create-station', 'South Gate')).toBe(2);
    expect(await cli('enrol-code', 'south-gate', '--hours', '2')).toBe(0);
    const code = /: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})$/.exec(last.out[0]!)?.[1];
    expect(code).toBeDefined();
    // Without a centre address (--server or the config's publicUrl) there is no link to print.
    expect(last.out).toHaveLength(2);
    expect(await cli('enrol-code', 'south-gate', '--server', 'https://yizhan.example.gov.cn')).toBe(0);
    const link = readSetupLink(last.out[2]!.replace(/^setup link \(open it on the tablet, or show it as a QR code\): /, ''));
    expect(link).toEqual({ kind: 'setup', setup: { serverUrl: 'https://yizhan.example.gov.cn', stationId: 'south-gate', stationName: '南门驿站', enrolmentCode: last.out[0]!.split(': ')[1], locale: 'zh-CN' } });
    expect((await t.call(messages.enrol.path, { code })).statusCode).toBe(200);
    expect((await t.call(messages.enrol.path, { code })).statusCode).toBe(403);
    expect(await cli('enrol-code', 'no-such-station')).toBe(1);
  });

  it('rotates a token (the old one refused at once) and revokes a station', async () => {
    const old = await t.enrol('cli-rot');
    expect(await cli('rotate-token', 'cli-rot')).toBe(0);
    const fresh = last.out[1]!;
    const pull = (tk: string) => t.call(messages.pull.path, { stationId: 'cli-rot', cursor: '0' }, tk);
    expect((await pull(old)).statusCode).toBe(401);
    expect((await pull(fresh)).statusCode).toBe(200);
    expect(await cli('revoke', 'cli-rot')).toBe(0);
    expect((await pull(fresh)).statusCode).toBe(401);
    expect(await cli('rotate-token', 'cli-rot')).toBe(1);
    expect(await cli('stations')).toBe(0);
    expect(last.out.join('\n')).toMatch(/cli-rot\trevoked/);
  });

  it('validates a catalogue before publishing it', async () => {
    const good = join(dir, 'good.json');
    await writeFile(good, JSON.stringify({ ...demo, station: { ...demo.station, stationId: 'south-gate', demo: false } }));
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ ...demo, services: [{ id: 'Bad Id' }] }));
    expect(await cli('publish-catalogue', bad)).toBe(1);
    expect(last.err.join('\n')).toMatch(/services\.0/);
    expect(await cli('publish-catalogue', join(dir, 'missing.json'))).toBe(1);
    expect(await cli('publish-catalogue', good)).toBe(0);
    expect(last.out[0]).toMatch(/117 new or changed, 0 withdrawn, 0 unchanged/);
    expect(await cli('publish-catalogue', good)).toBe(0);
    expect(last.out[0]).toMatch(/0 new or changed, 0 withdrawn, 117 unchanged/);
    const orphan = join(dir, 'orphan.json');
    await writeFile(orphan, JSON.stringify({ ...demo, station: { ...demo.station, stationId: 'nobody', demo: false } }));
    expect(await cli('publish-catalogue', orphan)).toBe(1);
  });

  it('refuses a catalogue with the fix named: the demo file for a real station, a stranger station, demo data', async () => {
    const demoFile = join(dir, 'demo.json');
    await writeFile(demoFile, JSON.stringify(demo));
    expect(await cli('publish-catalogue', demoFile)).toBe(1);
    expect(last.err.join('\n')).toBe(
      `${demoFile} is the demo catalogue (station demo-station), and the centre has no station demo-station.\n` +
        'For a real station, make its own from the default: catalogue-template <station-id> (then edit and publish that file).',
    );
    const stranger = join(dir, 'stranger.json');
    await writeFile(stranger, JSON.stringify({ ...demo, station: { ...demo.station, stationId: 'west-gate', demo: false } }));
    expect(await cli('publish-catalogue', stranger)).toBe(1);
    expect(last.err[1]).toBe('If the file is meant for another station, set "stationId" in its "station" part to that station\'s id; if west-gate is a new station, create-station west-gate first.');
    const dressed = join(dir, 'dressed.json');
    await writeFile(dressed, JSON.stringify({ ...demo, station: { ...demo.station, stationId: 'south-gate' } }));
    expect(await cli('publish-catalogue', dressed)).toBe(1);
    expect(last.err[0]).toContain('"demo": true');
  });

  it("makes a station's catalogue from the default, refused until its marked fields are written", async () => {
    expect(await cli('create-station', 'north-gate', '--name', '北门社区红色驿站')).toBe(0);
    const file = join(dir, 'north-gate.catalogue.json');
    expect(await cli('catalogue-template', 'north-gate', '--out', file)).toBe(0);
    expect(last.out[1]).toBe(`write station.community, station.address, station.phone in it, then: publish-catalogue ${file}`);
    const made = JSON.parse(await readFile(file, 'utf8')) as typeof demo;
    expect(made.station).toMatchObject({ stationId: 'north-gate', name: { 'zh-CN': '北门社区红色驿站' }, demo: false });
    expect(made.services.length).toBe(demo.services.length);
    expect([made.members, made.shifts, made.notices, made.units]).toEqual([[], [], [], []]);
    // Nothing is overwritten: the file may hold the technician's edits.
    expect(await cli('catalogue-template', 'north-gate', '--out', file)).toBe(1);
    expect(last.err[0]).toContain('exists');

    expect(await cli('publish-catalogue', file)).toBe(1);
    expect(last.err.slice(1)).toEqual([
      "  station.community.zh-CN: the community's name (社区名称)",
      "  station.community.en: the community's name (社区名称)",
      "  station.address.zh-CN: the station's address (本站地址)",
      "  station.address.en: the station's address (本站地址)",
      "  station.phone: the station's phone number, 7 to 12 digits",
    ]);
    made.station.community = { 'zh-CN': '和平街道北门社区', en: 'Beimen Community' };
    made.station.address = { 'zh-CN': '北门小区3号楼', en: 'Building 3, Beimen Estate' };
    made.station.phone = '87650000';
    await writeFile(file, JSON.stringify(made));
    expect(await cli('publish-catalogue', file)).toBe(0);

    // Said at once, it is publishable as made.
    const ready = join(dir, 'ready.json');
    expect(await cli('catalogue-template', 'north-gate', '--out', ready, '--community', '北门社区', '--address', '北门小区3号楼', '--phone', '87650000')).toBe(0);
    expect(last.out[1]).toBe(`publish it: publish-catalogue ${ready}`);
    expect(await cli('publish-catalogue', ready)).toBe(0);
    expect(await cli('catalogue-template', 'no-such-station', '--out', join(dir, 'x.json'))).toBe(1);
    expect(last.err[0]).toContain('create-station no-such-station --name <name> (or provision) first');
    expect(await cli('catalogue-template', 'north-gate', '--phone', '12-34')).toBe(2);
  });

  it("makes every station of a community its catalogue, the community's name written in, the rest each station's own", async () => {
    await t.storage.createSubdistrict({ id: 'heping-sd', name: { 'zh-CN': '和平街道', en: 'Heping' } }, SYSTEM);
    await t.storage.createCommunity({ id: 'anle', subdistrictId: 'heping-sd', name: { 'zh-CN': '安乐社区', en: 'Anle Community' }, targetHours: 48 }, SYSTEM);
    for (const [id, name] of [['anle-1', '安乐一站'], ['anle-2', '安乐二站'], ['anle-3', '安乐三站']] as const) {
      await t.storage.createConsoleStation({ id, name, communityId: 'anle' }, SYSTEM);
    }
    // A revoked station gets no catalogue; a station of another community is not touched.
    expect(await cli('revoke', 'anle-3')).toBe(0);
    // The folder is made if it is not there yet.
    const folder = join(await mkdtemp(join(dir, 'anle-')), 'catalogues');
    expect(await cli('catalogue-template', 'anle', '--out', folder)).toBe(0);
    expect(last.out).toEqual([
      `wrote ${join(folder, 'anle-1.catalogue.json')}: the default service menu, bills and amenities for anle-1 (安乐一站); no roster or notices yet`,
      `write station.address, station.phone in it, then: publish-catalogue ${join(folder, 'anle-1.catalogue.json')}`,
      `wrote ${join(folder, 'anle-2.catalogue.json')}: the default service menu, bills and amenities for anle-2 (安乐二站); no roster or notices yet`,
      `write station.address, station.phone in it, then: publish-catalogue ${join(folder, 'anle-2.catalogue.json')}`,
    ]);
    const made = JSON.parse(await readFile(join(folder, 'anle-2.catalogue.json'), 'utf8')) as typeof demo;
    expect(made.station).toMatchObject({ stationId: 'anle-2', name: { 'zh-CN': '安乐二站' }, community: { 'zh-CN': '安乐社区', en: 'Anle Community' }, demo: false });
    expect(made.services.length).toBe(demo.services.length);

    // Again: nothing overwritten, each file named.
    expect(await cli('catalogue-template', 'anle', '--out', folder)).toBe(1);
    expect(last.err).toEqual([join(folder, 'anle-1.catalogue.json'), join(folder, 'anle-2.catalogue.json')].map((file) => `${file} exists: it may hold your edits. Publish it, or name another file with --out`));
    // A community's address or phone would be every station's: refused, with the station's own command.
    expect(await cli('catalogue-template', 'anle', '--phone', '87650000')).toBe(2);
    expect(last.err[0]).toContain('catalogue-template <station-id>');
    await t.storage.createCommunity({ id: 'empty-c', subdistrictId: 'heping-sd', name: { 'zh-CN': '空社区', en: 'Empty' }, targetHours: 48 }, SYSTEM);
    expect(await cli('catalogue-template', 'empty-c')).toBe(1);
    expect(last.err[0]).toContain('community empty-c has no stations yet');
    expect(await cli('catalogue-template', 'no-such-thing')).toBe(1);
    expect(last.err[0]).toContain('no station or community no-such-thing');
  });

  it("dispatches and updates a station's request through the state machine", async () => {
    const token = await t.enrol('cli-req');
    const request = residentRequest('cli-req');
    await t.call(messages.push.path, pushBody('cli-req', newEpoch(), entries([request, requestEvent('cli-req', request.id, 'submit')])), token);
    expect(await cli('update-request', request.id, 'complete')).toBe(1);
    expect(last.err[0]).toBe('refused: wrong-state');
    expect(await cli('dispatch-request', request.id, '--note', '物业王师傅')).toBe(0);
    expect(last.out[0]).toContain('is now dispatched');
    expect(await cli('update-request', request.id, 'take', '--actor', 'member')).toBe(0);
    expect(await cli('update-request', request.id, 'complete', '--actor', 'member')).toBe(0);
    expect((await t.storage.getRequestStatus(request.id))?.status).toBe('done');
    expect(await cli('update-request', request.id, 'rate')).toBe(2);
    expect(await cli('update-request', 'not-an-id', 'take')).toBe(2);
    expect(await cli('update-request', request.id, 'cancel', '--actor', 'resident')).toBe(2);
  });

  it('finds a request by the number the resident holds, and dispatches or updates it by number or id', async () => {
    const token = await t.enrol('cli-num');
    const request = residentRequest('cli-num', { number: '2086417' });
    await t.call(messages.push.path, pushBody('cli-num', newEpoch(), entries([request, requestEvent('cli-num', request.id, 'submit')])), token);
    expect(await cli('find-request', '2086417')).toBe(0);
    expect(last.out).toEqual([`2086417\tcli-num\t${request.id}\tsubmitted\twish/seniors\tsubmitted ${request.at}`]);
    expect(await cli('find-request', request.id)).toBe(0);
    expect(last.out[0]).toContain('2086417\tcli-num');
    expect(await cli('dispatch-request', '2086417', '--note', '派给物业')).toBe(0);
    expect(last.out[0]).toBe(`request 2086417 (${request.id}) is now dispatched (station cli-num gets it on its next pull)`);
    expect(await cli('update-request', '2086417', 'take', '--actor', 'member')).toBe(0);
    expect((await t.storage.getRequestStatus(request.id))?.status).toBe('taken');
    expect(await cli('find-request', '2086499')).toBe(1);
    expect(last.err[0]).toBe('no request has number 2086499');

    // The same number at another station: the number alone no longer says which, the station does.
    const other = await t.enrol('cli-num-2');
    const twin = residentRequest('cli-num-2', { number: '2086417' });
    await t.call(messages.push.path, pushBody('cli-num-2', newEpoch(), entries([twin, requestEvent('cli-num-2', twin.id, 'submit')])), other);
    expect(await cli('find-request', '2086417')).toBe(0);
    expect(last.out).toHaveLength(2);
    expect(await cli('dispatch-request', '2086417')).toBe(1);
    expect(last.err.join('\n')).toContain('2 requests have number 2086417 (stations cli-num, cli-num-2): add --station <id>, or give the request id');
    expect(await cli('dispatch-request', '2086417', '--station', 'cli-num-2')).toBe(0);
    expect((await t.storage.getRequestStatus(twin.id))?.status).toBe('dispatched');
    expect(await cli('find-request', '2086417', '--station', 'cli-num-2')).toBe(0);
    expect(last.out).toHaveLength(1);
    expect(await cli('find-request', '12')).toBe(2);
    expect(await cli('dispatch-request', '2086417', '--station', 'Not A Station')).toBe(2);
  });

  it('shows what a station\'s pushes left aside; for a content conflict, both versions', async () => {
    const token = await t.enrol('cli-dl');
    const original = visit('cli-dl');
    const altered = { ...original, purpose: 'legal' };
    await t.call(messages.push.path, pushBody('cli-dl', newEpoch(), entries([original])), token);
    const epoch = newEpoch();
    await t.call(messages.push.path, pushBody('cli-dl', epoch, entries([altered, { junk: true }])), token);
    expect(await cli('dead-letters', 'cli-dl')).toBe(0);
    expect(last.out).toEqual([
      expect.stringMatching(new RegExp(`^${epoch}#1\tcontent-conflict \\(another version is stored under this id\\)\tvisit\t${original.id}\treceived `)),
      `  stored:    ${JSON.stringify(original)}`,
      `  set aside: ${JSON.stringify(altered)}`,
      expect.stringMatching(new RegExp(`^${epoch}#2\tinvalid-record \\(.+\\)\t-\t-\treceived `)),
      '  as sent: {"junk":true}',
    ]);
  });

  it('runs the purge on demand and explains itself', async () => {
    expect(await cli('purge', '--retention-days', '30')).toBe(0);
    expect(last.out[0]).toMatch(/^purged personal fields of \d+ records/);
    expect(await cli()).toBe(2);
    expect(await cli('frobnicate')).toBe(2);
    expect(last.err.join('\n')).toContain('usage:');
  });
});

describe('the demo', () => {
  const installs = ['install-demo-browser-one-0001', 'install-demo-browser-two-0002'];

  it('lets any number of browsers join with the one demo code, each as its own station, and a restart evicts no one', async () => {
    const t = await startTestServer({ config: { demo: true } });
    try {
      const dataDir = await mkdtemp(join(tmpdir(), 'yizhan-demo-'));
      const demoCredentials = demoCredentialsSchema.parse(JSON.parse(await readFile(DEMO_CREDENTIALS, 'utf8')));
      expect(await bootstrapDemo(t.storage, { logger: silentLogger(), now: t.clock.now(), dataDir })).toMatchObject({
        enrolmentCode: DEMO_ENROLMENT_CODE,
        volunteers: { pin: demoCredentials.pin, qrFile: join(dataDir, 'demo-member-qr.svg') },
      });
      // The demo QR code a newcomer shows to the camera: the demo member's code, from the shipped demo secret.
      const wang = demoCredentials.members.find((m) => m.memberId === DEMO_QR_MEMBER)!;
      expect(await readFile(join(dataDir, 'demo-member-qr.svg'), 'utf8')).toBe(qrSvg(memberQrText(DEMO_QR_MEMBER, wang.qrSecret), DEMO_QR_MEMBER));
      const joined = [];
      for (const installId of installs) {
        const answer = await t.call(messages.enrol.path, { code: DEMO_ENROLMENT_CODE, installId });
        expect(answer.statusCode).toBe(200);
        joined.push(messages.enrol.response.parse(answer.json()));
      }
      const [one, two] = joined;
      expect(one!.stationId).toMatch(/^demo-[0-9a-f]{10}$/);
      expect(two!.stationId).not.toBe(one!.stationId);
      // The same browser asking again (its answer lost) is the same station, with the same token.
      expect(messages.enrol.response.parse((await t.call(messages.enrol.path, { code: DEMO_ENROLMENT_CODE, installId: installs[0] })).json())).toEqual(one);
      // Each reads the whole demo catalogue as its own, its settings naming it.
      for (const { stationId, token } of joined) {
        const page = messages.pull.response.parse((await t.call(messages.pull.path, { stationId, cursor: '0', limit: 1000, fullRead: true }, token)).json());
        // The catalogue (117 entries) and every demo member's PIN and QR hashes, never a secret.
        expect(page.changes).toHaveLength(117 + demoCredentials.members.length);
        expect(page.changes.find((c) => c.collection === 'settings')).toMatchObject({ op: 'put', value: { stationId } });
        const credentials = page.changes.filter((c) => c.collection === 'member-credentials');
        expect(credentials).toHaveLength(demoCredentials.members.length);
        expect(JSON.stringify(credentials)).not.toContain(wang.qrSecret);
        const wangs = credentials.flatMap((c) => (c.op === 'put' ? [c.value as { memberId: string; pinHash: string }] : [])).find((v) => v.memberId === DEMO_QR_MEMBER);
        expect(await verifyMemberPin(demoCredentials.pin, wangs!.pinHash)).toBe(true);
      }
      // A restart: the demo starts again on the same database; every browser keeps its station and token.
      expect(await bootstrapDemo(t.storage, { logger: silentLogger(), now: t.clock.now(), dataDir })).toMatchObject({ enrolmentCode: DEMO_ENROLMENT_CODE, stations: 2 });
      for (const { stationId, token } of joined) expect((await t.call(messages.pull.path, { stationId, cursor: '0' }, token)).statusCode).toBe(200);
      const third = await t.call(messages.enrol.path, { code: DEMO_ENROLMENT_CODE, installId: 'install-demo-browser-three-03' });
      expect(third.statusCode).toBe(200);
      expect((await t.storage.listStations()).map((s) => s.id)).toHaveLength(3);
    } finally {
      await t.close();
    }
  });

  it('is no code at all when the server is not in demo mode', async () => {
    const t = await startTestServer();
    try {
      expect((await t.call(messages.enrol.path, { code: DEMO_ENROLMENT_CODE, installId: installs[0] })).statusCode).toBe(403);
      expect(await t.storage.listStations()).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
