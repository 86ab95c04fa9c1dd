import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSetupLink } from '../protocol/setup-link.ts';
import { pbkdf2Sync } from 'node:crypto';
import { parsePinHash } from '../protocol/pin-hash.ts';
import { messages } from '../protocol/wire.ts';
import { parseStationList, provisionStations, type StationFile } from './provision.ts';
import { cliOn, engines, startTestServer, type TestServer } from './testing/fixtures.ts';

const SERVER = 'https://yizhan.example.gov.cn';
/** Whether `pin` is the PIN behind `pinHash` (the kiosk's own gate reads these files in tests/sync/provisioning.test.ts). */
const opens = (pinHash: string, pin: string) => {
  const parsed = parsePinHash(pinHash);
  return parsed !== null && Buffer.from(pbkdf2Sync(pin, parsed.salt, parsed.iterations, 32, 'sha256')).equals(Buffer.from(parsed.hash));
};
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('parseStationList', () => {
  it('reads id,name[,locale] with a header, comments, blank lines, a BOM and quoted names', () => {
    const text = '\uFEFFstationId,name,locale\n# the east side first\nxingfuli-01,幸福里社区红色驿站\n\n"nanmen-02"," 南门驿站, 二号 ",en\n';
    expect(parseStationList(utf8(text))).toEqual({
      problems: [],
      stations: [
        { line: 3, id: 'xingfuli-01', name: '幸福里社区红色驿站', locale: 'zh-CN' },
        { line: 5, id: 'nanmen-02', name: '南门驿站, 二号', locale: 'en' },
      ],
    });
  });

  it('keeps a # inside a name (an address like 3#楼): only whole lines are comments', () => {
    expect(parseStationList(utf8('# list\nbuilding-3,3#楼红色驿站\n')).stations).toEqual([{ line: 2, id: 'building-3', name: '3#楼红色驿站', locale: 'zh-CN' }]);
  });

  it('refuses a GBK export instead of storing its names garbled', () => {
    // "xingfuli-01,幸福里" as Excel on a Chinese Windows saves it.
    const gbk = new Uint8Array([...utf8('xingfuli-01,'), 0xd0, 0xd2, 0xb8, 0xa3, 0xc0, 0xef, 0x0a]);
    expect(parseStationList(gbk)).toEqual({ stations: [], problems: ['not UTF-8 text (a GBK export?): save it as "CSV UTF-8"'] });
  });

  it('names every problem of the file and accepts none of it', () => {
    const text = ['XingFuLi_01,幸福里', 'ok-01,', 'ok-02,二号,fr', 'ok-03,三号', 'ok-03,三号again', 'ok-04,四号,zh-CN,extra'].join('\n');
    const { stations, problems } = parseStationList(utf8(text));
    expect(stations).toEqual([]);
    expect(problems).toEqual([
      'line 1: bad station id "XingFuLi_01" (lowercase letters, digits and dashes)',
      'line 2: the name must be 1 to 64 characters',
      'line 3: unknown locale "fr" (zh-CN or en)',
      'line 5: station ok-03 is already on line 4',
      'line 6: more than three fields (id,name,locale)',
    ]);
    expect(parseStationList(utf8('# nothing yet\n')).problems).toEqual(['the list names no station']);
    expect(parseStationList(utf8('con,控制台驿站\n')).problems).toEqual(['line 1: con cannot be a folder name on Windows']);
    expect(parseStationList(utf8('a,"unclosed\n')).problems[0]).toMatch(/^not a CSV file/);
  });
});

describe.each(engines())('provisioning many tablets from the CLI on %s', (engine) => {
  let t: TestServer;
  let dir: string;
  const { run: cli, last } = cliOn(() => t);
  const list = async (name: string, text: string) => {
    const file = join(dir, name);
    await writeFile(file, text);
    return file;
  };
  // Whether the kiosk accepts these files is checked against its own schema in tests/sync/provisioning.test.ts.
  const readConfig = async (outDir: string, id: string) => JSON.parse(await readFile(join(outDir, id, 'station.json'), 'utf8')) as StationFile;

  beforeAll(async () => {
    t = await startTestServer({ engine });
    dir = await mkdtemp(join(tmpdir(), 'yizhan-provision-'));
  });
  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('creates the stations, and writes each tablet its config, whose code enrols it once', async () => {
    const file = await list('east.csv', 'id,name,locale\neast-01,东一驿站\neast-02,东二驿站,en\n');
    const outDir = join(dir, 'east');
    expect(await cli('provision', file, '--server', SERVER, '--out', outDir, '--hours', '720')).toBe(0);
    expect(last.out.at(-1)).toContain('2 of 2 stations have a code');

    for (const [id, name, locale] of [['east-01', '东一驿站', 'zh-CN'], ['east-02', '东二驿站', 'en']] as const) {
      const layer = await readConfig(outDir, id);
      expect(layer).toEqual({ stationId: id, stationName: name, serverUrl: SERVER, locale, enrolmentCode: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/) });
      expect((await t.storage.getStation(id))?.name).toBe(name);
      const enrol = await t.call(messages.enrol.path, { code: layer.enrolmentCode });
      expect(enrol.statusCode, enrol.body).toBe(200);
      expect(messages.enrol.response.parse(enrol.json()).stationId).toBe(id);
      expect((await t.call(messages.enrol.path, { code: layer.enrolmentCode })).statusCode).toBe(403);
    }

    // The sheet for codes typed by hand says the same as the files, with the expiry the flag asked for.
    const sheet = parse(await readFile(join(outDir, 'codes.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(sheet.map((row) => row['station id'])).toEqual(['east-01', 'east-02']);
    expect(sheet[0]!['enrolment code']).toBe((await readConfig(outDir, 'east-01')).enrolmentCode);
    expect(new Date(sheet[0]!['valid until']!).getTime() - t.clock.now().getTime()).toBe(720 * 3_600_000);

    // Each row's setup link carries exactly what the station's file does: a tablet scans it instead of typing.
    for (const row of sheet) {
      const layer = await readConfig(outDir, row['station id']!);
      expect(readSetupLink(row['setup link']!)).toEqual({ kind: 'setup', setup: layer });
      expect(row['setup link']!.startsWith(`${SERVER}/#yizhan-setup?`)).toBe(true);
    }
    // The printable sheet: a card per station with its QR code, its link and its code written out.
    const html = await readFile(join(outDir, 'codes.html'), 'utf8');
    expect(html.match(/<section class="card">/g)).toHaveLength(2);
    expect(html.match(/<svg [^>]*role="img" aria-label="setup link of east-0[12]"/g)).toHaveLength(2);
    for (const row of sheet) {
      expect(html).toContain(row['enrolment code']);
      expect(html).toContain(`<a href="${row['setup link']!.replaceAll('&', '&amp;')}">`);
    }
    expect(html).toContain('<h2>东一驿站</h2>');
  });

  it('sends the setup links to a kiosk served elsewhere, with the centre in them, and escapes names on the sheet', async () => {
    const file = await list('kiosk.csv', 'kiosk-01,"<b>一号</b> & 驿站"\n');
    const outDir = join(dir, 'kiosk');
    expect(await cli('provision', file, '--server', SERVER, '--kiosk', 'https://kiosk.example.gov.cn/app', '--out', outDir)).toBe(0);
    const [row] = parse(await readFile(join(outDir, 'codes.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(row!['setup link']!.startsWith('https://kiosk.example.gov.cn/app/#yizhan-setup?')).toBe(true);
    expect(readSetupLink(row!['setup link']!)).toMatchObject({ kind: 'setup', setup: { serverUrl: SERVER, stationId: 'kiosk-01' } });
    const html = await readFile(join(outDir, 'codes.html'), 'utf8');
    expect(html).toContain('<h2>&lt;b&gt;一号&lt;/b&gt; &amp; 驿站</h2>');
    expect(html).not.toContain('<b>一号');
    expect((await stat(join(outDir, 'codes.html'))).mode & 0o777).toBe(0o600);
  });

  it('with --pins gives each station its own technician PIN: its hash in the station file, the PIN on the sheet', async () => {
    const file = await list('pins.csv', 'pin-01,一号驿站\npin-02,二号驿站\n');
    const outDir = join(dir, 'pins');
    expect(await cli('provision', file, '--server', SERVER, '--pins', '--out', outDir)).toBe(0);
    const sheet = parse(await readFile(join(outDir, 'codes.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const pins = sheet.map((row) => row['technician PIN']!);
    expect(pins.every((pin) => /^\d{8}$/.test(pin))).toBe(true);
    expect(new Set(pins).size).toBe(2);
    for (const [index, id] of ['pin-01', 'pin-02'].entries()) {
      const layer = await readConfig(outDir, id);
      expect(JSON.stringify(layer)).not.toContain(pins[index]!);
      expect(opens(layer.technician!.pinHash, pins[index]!)).toBe(true);
      expect(opens(layer.technician!.pinHash, '00000000')).toBe(false);
    }
    // Without it the files carry no PIN: each tablet's technician sets one at first run.
    expect((await readConfig(join(dir, 'east'), 'east-01')).technician).toBeUndefined();
  });

  it('keeps the codes to whoever ran it: files 0600, folders 0700', async () => {
    const outDir = join(dir, 'east');
    for (const path of [join(outDir, 'codes.csv'), join(outDir, 'east-01', 'station.json')]) expect((await stat(path)).mode & 0o777, path).toBe(0o600);
    for (const path of [outDir, join(outDir, 'east-01')]) expect((await stat(path)).mode & 0o777, path).toBe(0o700);
  });

  it('runs again safely: enrolled and revoked stations get no new code, the rest get a fresh one', async () => {
    expect(await cli('create-station', 'west-01', '--name', '西一驿站')).toBe(0);
    expect(await cli('create-station', 'west-02')).toBe(0);
    expect(await cli('revoke', 'west-02')).toBe(0);
    const file = await list('again.csv', 'east-01,东一驿站\nwest-01,西一驿站\nwest-02,西二驿站\nwest-03,西三驿站\n');
    const outDir = join(dir, 'again');
    // A sheet left world-readable from some earlier copy is replaced by one only its owner reads.
    await mkdir(outDir, { recursive: true });
    await writeFile(join(outDir, 'codes.csv'), 'old\n', { mode: 0o644 });
    expect(await cli('provision', file, '--server', SERVER, '--out', outDir)).toBe(0);
    expect((await stat(join(outDir, 'codes.csv'))).mode & 0o777).toBe(0o600);
    expect(last.out.slice(0, 4).map((line) => line.split('\t').slice(0, 2).join(' '))).toEqual([
      'east-01 skipped: already enrolled (enrol-code makes a code for a new tablet)',
      expect.stringMatching(/^west-01 code until /),
      'west-02 skipped: revoked',
      expect.stringMatching(/^west-03 created, code until /),
    ]);
    // The station made earlier keeps its name; its code is valid for the default 72 hours.
    expect((await t.storage.getStation('west-01'))?.name).toBe('西一驿站');
    const sheet = parse(await readFile(join(outDir, 'codes.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(sheet.map((row) => row['station id'])).toEqual(['west-01', 'west-03']);
    expect(new Date(sheet[0]!['valid until']!).getTime() - t.clock.now().getTime()).toBe(72 * 3_600_000);
    const west = await readConfig(outDir, 'west-01');
    expect((await t.call(messages.enrol.path, { code: west.enrolmentCode })).statusCode).toBe(200);
  });

  it('keeps the codes already made when a later station fails, in the sheet and on the screen', async () => {
    const outDir = join(dir, 'partial');
    await mkdir(outDir, { recursive: true });
    // A file where the second tablet's folder must go: its write fails after the first station got its code.
    await writeFile(join(outDir, 'south-02'), 'in the way');
    const { stations } = parseStationList(utf8('south-01,南一驿站\nsouth-02,南二驿站\n'));
    const seen: string[] = [];
    await expect(provisionStations({ storage: t.storage, stations, serverUrl: SERVER, outDir, hours: 72, now: t.clock.now(), onOutcome: (o) => seen.push(o.id) })).rejects.toThrow();
    expect(seen).toEqual(['south-01']);
    const sheet = parse(await readFile(join(outDir, 'codes.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(sheet.map((row) => row['station id'])).toEqual(['south-01']);
    expect(sheet[0]!['enrolment code']).toBe((await readConfig(outDir, 'south-01')).enrolmentCode);
  });

  it('creates nothing from a list with a bad line, and refuses a server the kiosk would refuse', async () => {
    const file = await list('bad.csv', 'north-01,北一驿站\nNorth_02,北二驿站\n');
    expect(await cli('provision', file, '--server', SERVER, '--out', join(dir, 'bad'))).toBe(1);
    expect(last.err.join('\n')).toContain('line 2: bad station id "North_02"');
    expect(await t.storage.getStation('north-01')).toBeNull();

    const good = await list('north.csv', 'north-01,北一驿站\n');
    expect(await cli('provision', good, '--server', 'http://yizhan.example.gov.cn', '--out', join(dir, 'north'))).toBe(2);
    expect(await cli('provision', good, '--out', join(dir, 'north'))).toBe(2);
    expect(last.err[0]).toBe("missing --server <url> (or publicUrl in the server's config)");
    expect(await cli('provision', good, '--server', SERVER, '--kiosk', 'ftp://kiosk', '--out', join(dir, 'north'))).toBe(2);
    expect(await cli('provision', good, '--server', SERVER)).toBe(2);
    expect(await cli('provision', good, '--server', SERVER, '--out', join(dir, 'north'), '--hours', '0')).toBe(2);
    expect(await cli('provision', join(dir, 'missing.csv'), '--server', SERVER, '--out', join(dir, 'north'))).toBe(1);
    expect(await t.storage.getStation('north-01')).toBeNull();
  });
});
