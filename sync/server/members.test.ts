import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import demo from '../../assets/demo/catalogue.json';
import { memberCredentialsSchema } from '../protocol/centre.ts';
import { parseMemberQr, verifyMemberPin, verifyMemberQr } from '../protocol/pin-hash.ts';
import { messages } from '../protocol/wire.ts';
import { runCli } from './cli.ts';
import { issueMemberQr, qrSvg } from './members.ts';
import { publishCatalogue } from './publish.ts';
import { catalogueSchema } from '../protocol/catalogue.ts';
import { cliOn, entries, newEpoch, pushBody, requestEvent, residentRequest, startTestServer, type TestServer } from './testing/fixtures.ts';

describe('members’ sign-in credentials at the centre', () => {
  let t: TestServer;
  let dir: string;
  let token: string;
  const { run: cli, last } = cliOn(() => t);
  const credentialsOf = async (memberId: string) => {
    const page = (await t.call(messages.pull.path, { stationId: 'vol-1', cursor: '0', limit: 1000, fullRead: true }, token)).json() as { changes: { collection: string; id: string; value: unknown }[] };
    const found = page.changes.filter((c) => c.collection === 'member-credentials' && c.id === memberId);
    return found.length === 0 ? null : memberCredentialsSchema.parse(found.at(-1)!.value);
  };

  beforeAll(async () => {
    t = await startTestServer();
    dir = await mkdtemp(join(tmpdir(), 'yizhan-members-'));
    token = await t.enrol('vol-1');
    const catalogue = catalogueSchema.parse({ ...demo, station: { ...demo.station, stationId: 'vol-1' } });
    await publishCatalogue(t.storage, catalogue, 'station', t.clock.now());
  });
  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('sets a PIN and publishes only its hash to the member’s station', async () => {
    expect(await cli('set-pin', 'zhao-jianguo', '--pin', '246810')).toBe(0);
    expect(last.out[0]).toBe('PIN set for zhao-jianguo; its hash is published to vol-1');
    const credentials = await credentialsOf('zhao-jianguo');
    expect(credentials?.qrHash).toBeNull();
    expect(JSON.stringify(credentials)).not.toContain('246810');
    expect(await verifyMemberPin('246810', credentials!.pinHash!)).toBe(true);
    expect(await verifyMemberPin('1234', credentials!.pinHash!)).toBe(false);
  });

  it('reads the PIN from standard input when it is not on the command line, and refuses a bad PIN or an unknown member', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const ctx = { storage: t.storage, out: (l: string) => out.push(l), err: (l: string) => err.push(l), now: t.clock.now, retentionDays: 30, tombstoneDays: 90 };
    expect(await runCli(['set-pin', 'chen-jing'], { ...ctx, stdin: async () => '8642\n' })).toBe(0);
    expect(await verifyMemberPin('8642', (await credentialsOf('chen-jing'))!.pinHash!)).toBe(true);
    expect(await runCli(['set-pin', 'chen-jing'], { ...ctx, stdin: async () => '12ab' })).toBe(1);
    expect(err.at(-1)).toBe('a PIN is 4 to 8 digits');
    expect(await cli('set-pin', 'nobody', '--pin', '1234')).toBe(1);
    expect(last.err[0]).toBe('no member nobody is published');
    expect(await cli('set-pin', 'Not An Id', '--pin', '1234')).toBe(2);
  });

  it('issues a QR code as an SVG, keeps the PIN, and withdraws the previous code', async () => {
    const file = join(dir, 'zhao.svg');
    expect(await cli('member-qr', 'zhao-jianguo', '--out', file)).toBe(0);
    const first = await credentialsOf('zhao-jianguo');
    expect(await verifyMemberPin('246810', first!.pinHash!)).toBe(true);
    const svg = await readFile(file, 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    // Issued again: the new code's secret matches what is published, the old one no longer does.
    const issued = await issueMemberQr(t.storage, { memberId: 'zhao-jianguo', now: t.clock.now() });
    if (!issued.ok) throw new Error('not issued');
    const second = await credentialsOf('zhao-jianguo');
    expect(second!.qrHash).not.toBe(first!.qrHash);
    const parsed = parseMemberQr(issued.text)!;
    expect(parsed.memberId).toBe('zhao-jianguo');
    expect(await verifyMemberQr(parsed.secret, second!.qrHash!)).toBe(true);
    expect(await verifyMemberQr(parsed.secret, first!.qrHash!)).toBe(false);
    expect(issued.svg).toBe(qrSvg(issued.text, 'zhao-jianguo'));
    expect(await cli('member-qr', 'zhao-jianguo')).toBe(2);
    expect(await cli('member-qr', 'nobody', '--out', file)).toBe(1);
  });

  it('dispatches to a unit and takes for a member from the CLI, publishing who has the request', async () => {
    const request = residentRequest('vol-1');
    await t.call(messages.push.path, pushBody('vol-1', newEpoch(), entries([request, requestEvent('vol-1', request.id, 'submit')])), token);
    expect(await cli('dispatch-request', request.id, '--unit', 'district-hospital')).toBe(0);
    expect(await cli('update-request', request.id, 'take', '--actor', 'member', '--member', 'han-meiling')).toBe(0);
    const page = (await t.call(messages.pull.path, { stationId: 'vol-1', cursor: '0', limit: 1000, fullRead: true }, token)).json() as { changes: { collection: string; id: string; value: unknown }[] };
    expect(page.changes.filter((c) => c.collection === 'request-status' && c.id === request.id).at(-1)?.value).toMatchObject({
      status: 'taken',
      dispatchedTo: { type: 'unit', unitId: 'district-hospital' },
      takenBy: { type: 'member', memberId: 'han-meiling' },
    });
    expect(page.changes.filter((c) => c.collection === 'request-events').map((c) => c.value)).toMatchObject([
      { type: 'dispatch', target: { type: 'unit', unitId: 'district-hospital' } },
      { type: 'take', actor: 'member', memberId: 'han-meiling' },
    ]);
  });
});
