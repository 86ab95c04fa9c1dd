import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../protocol/wire.ts';
import { cliDatabaseProblem } from './cli.ts';
import { CONFIG_FILE_NAME, describeDatabase, loadServerConfig } from './config-file.ts';
import { defaultConfig } from './config.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

describe('the server configuration file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'yizhan-config-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const place = async (folder: string, content: unknown) => {
    await mkdir(join(dir, folder), { recursive: true });
    const path = join(dir, folder, CONFIG_FILE_NAME);
    await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };

  it('without a file: the defaults, the database (and the releases) in data/ of the server’s folder whatever the current folder', () => {
    const { config, file } = loadServerConfig({ env: {}, appRoot: '/srv/yizhan', cwd: '/home/tech/elsewhere', exists: () => false });
    expect(file).toBeNull();
    expect(config).toEqual({ ...defaultConfig, sqlitePath: '/srv/yizhan/data/yizhan.sqlite', releasesDir: '/srv/yizhan/data/releases' });
  });

  it('reads the file beside the server, or the one YIZHAN_CONFIG names; its paths are relative to it', async () => {
    const beside = await place('app', { port: 9001, sqlitePath: 'db/centre.sqlite', kioskDir: '../web', publicUrl: 'https://yizhan.example.gov.cn/', corsOrigins: ['app://kiosk', 'https://kiosk.example.gov.cn'] });
    const found = loadServerConfig({ env: {}, appRoot: join(dir, 'app'), cwd: '/' });
    expect(found.file).toBe(beside);
    expect(found.config).toMatchObject({
      port: 9001,
      sqlitePath: join(dir, 'app/db/centre.sqlite'),
      kioskDir: join(dir, 'web'),
      publicUrl: 'https://yizhan.example.gov.cn',
      corsOrigins: ['app://kiosk', 'https://kiosk.example.gov.cn'],
    });

    // A file next to the data: what it leaves out lands in data/ beside it.
    const named = await place('var', { publicUrl: 'https://yizhan.example.gov.cn' });
    const fromEnv = loadServerConfig({ env: { YIZHAN_CONFIG: '../var/yizhan.config.json' }, appRoot: join(dir, 'app'), cwd: join(dir, 'app') });
    expect(fromEnv.file).toBe(named);
    expect(fromEnv.config.sqlitePath).toBe(join(dir, 'var/data/yizhan.sqlite'));
  });

  it('lets the environment override the file key by key, its relative paths from the current folder', async () => {
    await place('env', { port: 9001, sqlitePath: 'a.sqlite', retentionDays: 30 });
    const sources = { appRoot: join(dir, 'env'), cwd: '/home/tech' };
    expect(loadServerConfig({ ...sources, env: { PORT: '9002', SQLITE_PATH: 'b.sqlite' } }).config).toMatchObject({ port: 9002, sqlitePath: '/home/tech/b.sqlite', retentionDays: 30 });
    expect(loadServerConfig({ ...sources, env: { DATABASE_URL: 'postgres://u:secret@db/yizhan' } }).config).toMatchObject({ databaseUrl: 'postgres://u:secret@db/yizhan' });
    const postgres = await place('pg', { databaseUrl: 'postgres://u:secret@db/yizhan' });
    const overridden = loadServerConfig({ env: { YIZHAN_CONFIG: postgres, SQLITE_PATH: '/tmp/x.sqlite' }, appRoot: '/nowhere' }).config;
    expect(overridden).toMatchObject({ databaseUrl: null, sqlitePath: '/tmp/x.sqlite' });
    expect(describeDatabase(loadServerConfig({ env: { YIZHAN_CONFIG: postgres }, appRoot: '/nowhere' }).config)).toBe('PostgreSQL postgres://u:***@db/yizhan');
  });

  it('refuses a missing named file, bad JSON and unknown or bad keys, naming each', async () => {
    expect(() => loadServerConfig({ env: { YIZHAN_CONFIG: join(dir, 'none.json') } })).toThrow(/YIZHAN_CONFIG names .*none\.json, which does not exist/);
    const broken = await place('broken', '{ "port": 9001, }');
    expect(() => loadServerConfig({ env: { YIZHAN_CONFIG: broken } })).toThrow(/is not JSON/);
    const bad = await place('bad', { prot: 9001, port: 'eighty', corsOrigins: ['*'], publicUrl: 'http://yizhan.example.gov.cn' });
    const problems = (() => {
      try {
        loadServerConfig({ env: { YIZHAN_CONFIG: bad } });
        return [];
      } catch (error) {
        return (error as Error).message.replace(/^bad configuration in [^:]+: /, '').split('; ').map((problem) => problem.split(':')[0]).sort();
      }
    })();
    expect(problems).toEqual(['corsOrigins', 'port', 'prot', 'publicUrl']);
    const both = await place('both', { databaseUrl: 'postgres://db/yizhan', sqlitePath: 'x.sqlite' });
    expect(() => loadServerConfig({ env: { YIZHAN_CONFIG: both } })).toThrow(/name one database/);
  });

  it('keeps the CLI off a database the server never made', () => {
    const config = { databaseUrl: null, sqlitePath: '/srv/yizhan/data/yizhan.sqlite' };
    expect(cliDatabaseProblem(config, '/srv/yizhan/yizhan.config.json', () => true)).toBeNull();
    expect(cliDatabaseProblem({ ...config, databaseUrl: 'postgres://db/yizhan' }, null, () => false)).toBeNull();
    expect(cliDatabaseProblem(config, null, () => false)).toMatch(/^no database at \/srv\/yizhan\/data\/yizhan\.sqlite: the server has not run with this configuration \(no yizhan\.config\.json: the defaults\)\.\nStart the server once/);
  });
});

/** The real processes: the server and a technician's CLI started from another folder reach one database. */
describe('the server and the CLI on one configuration', () => {
  let dir: string;
  let server: ChildProcess | null = null;
  afterAll(async () => {
    if (server && server.exitCode === null) server.kill('SIGKILL');
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  const cli = (cwd: string, env: Record<string, string>, ...args: string[]) =>
    run(process.execPath, ['--import', join(root, 'sync/server/register.js'), join(root, 'sync/server/cli.ts'), ...args], { cwd, env: { ...process.env, ...env } }).then(
      (result) => ({ code: 0, ...result }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  it('a CLI run from another folder finds the server’s database through the file, or refuses clearly', async () => {
    dir = await mkdtemp(join(tmpdir(), 'yizhan-config-proc-'));
    await mkdir(join(dir, 'centre'));
    await mkdir(join(dir, 'home'));
    const file = join(dir, 'centre', CONFIG_FILE_NAME);
    await writeFile(file, JSON.stringify({ port: 0, sqlitePath: 'data/yizhan.sqlite', logLevel: 'info', maintenanceIntervalMs: 0 }));
    const env = { YIZHAN_CONFIG: file, PORT: '', SQLITE_PATH: '', DATABASE_URL: '' };

    // Before the server ever ran, the CLI makes no database of its own.
    const early = await cli(join(dir, 'home'), env, 'stations');
    expect(early.code).toBe(1);
    expect(early.stderr).toContain(`no database at ${join(dir, 'centre/data/yizhan.sqlite')}`);
    expect(existsSync(join(dir, 'centre/data/yizhan.sqlite'))).toBe(false);

    const proc = spawn(process.execPath, ['--import', './sync/server/register.js', 'sync/server/main.ts'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    server = proc;
    let log = '';
    const url = await new Promise<string>((resolve, reject) => {
      proc.stdout!.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
        if (match) resolve(match[1]!);
      });
      proc.on('exit', (code) => reject(new Error(`server exited with ${code}: ${log}`)));
    });
    expect(log).toContain(`configuration from ${file}`);

    // From the technician's home folder, by a relative path: the station and its code are the server's.
    const relative = { ...env, YIZHAN_CONFIG: '../centre/yizhan.config.json' };
    expect((await cli(join(dir, 'home'), relative, 'create-station', 'east-gate', '--name', '东门驿站')).code).toBe(0);
    const coded = await cli(join(dir, 'home'), relative, 'enrol-code', 'east-gate');
    expect(coded.stderr).toContain(`database: SQLite ${join(dir, 'centre/data/yizhan.sqlite')}`);
    const code = /enrolment code for east-gate: (\S+)/.exec(coded.stdout)?.[1];
    const enrol = await fetch(`${url}${messages.enrol.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [PROTOCOL_HEADER]: PROTOCOL_VERSION },
      body: JSON.stringify({ code }),
    });
    expect(enrol.status).toBe(200);
    expect(((await enrol.json()) as { stationId: string }).stationId).toBe('east-gate');
    expect(existsSync(join(dir, 'home/data'))).toBe(false);
  });
});
