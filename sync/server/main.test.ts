import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PIN, DEMO_PIN_HASH } from '../protocol/pin-hash.ts';
import { messages, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../protocol/wire.ts';
import { DEMO_ENROLMENT_CODE } from './demo.ts';
import { loadMigrations } from './storage/migrations.ts';
import { openSqliteStorage } from './storage/sqlite/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The real process, started the way package.json starts it, on a temp SQLite file and a free port. */
describe('the server process', () => {
  let dir: string;
  let child: ChildProcess | null = null;
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('starts with the demo, serves sync over HTTP, and shuts down cleanly on SIGTERM', async () => {
    dir = await mkdtemp(join(tmpdir(), 'yizhan-main-'));
    const proc = spawn(process.execPath, ['--import', './sync/server/register.js', 'sync/server/main.ts'], {
      cwd: root,
      env: { ...process.env, PORT: '0', SQLITE_PATH: join(dir, 'db.sqlite'), YIZHAN_DEMO: '1', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    const lines: string[] = [];
    let stderr = '';
    proc.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      let buffer = '';
      proc.stdout!.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        for (let at = buffer.indexOf('\n'); at >= 0; at = buffer.indexOf('\n')) {
          const line = buffer.slice(0, at);
          buffer = buffer.slice(at + 1);
          lines.push(line);
          const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
          if (match) resolve(match[1]!);
        }
      });
      proc.on('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
    });
    // What a newcomer needs is printed: the code, and the demo's technician PIN, which only the demo offers.
    expect(lines.some((l) => l.includes(DEMO_ENROLMENT_CODE) && l.includes(`technician PIN ${DEMO_PIN}`))).toBe(true);
    expect(await (await fetch(`${url}/station-config.json`)).json()).toEqual({ enrolmentCode: DEMO_ENROLMENT_CODE, technician: { pinHash: DEMO_PIN_HASH } });

    const health = await fetch(`${url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok', storage: 'sqlite' });
    const enrol = await fetch(`${url}${messages.enrol.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [PROTOCOL_HEADER]: PROTOCOL_VERSION },
      body: JSON.stringify({ code: DEMO_ENROLMENT_CODE }),
    });
    expect(enrol.status).toBe(200);
    const { token, stationId } = (await enrol.json()) as { token: string; stationId: string };
    // The token never reaches the log, nor does the Authorization header.
    const pull = await fetch(`${url}${messages.pull.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [PROTOCOL_HEADER]: PROTOCOL_VERSION, authorization: `Bearer ${token}` },
      body: JSON.stringify({ stationId, cursor: '0' }),
    });
    expect(pull.status).toBe(200);

    const exit = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
    proc.kill('SIGTERM');
    expect(await exit).toBe(0);
    const log = lines.join('\n');
    expect(log).toContain('"msg":"shutting down"');
    expect(log).toContain('"msg":"stopped"');
    expect(log).not.toContain(token);
    expect(stderr).toBe('');
  });

  it('refuses to start on a database a newer server migrated, naming both versions', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'yizhan-main-newer-')), 'db.sqlite');
    const storage = openSqliteStorage({ path });
    await storage.migrate();
    await storage.close();
    const known = (await loadMigrations('sqlite')).length;
    const db = new Database(path);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(known + 1, 'from_a_newer_server', '2026-03-02T08:00:00Z');
    db.close();
    const proc = spawn(process.execPath, ['--import', './sync/server/register.js', 'sync/server/main.ts'], {
      cwd: root,
      env: { ...process.env, PORT: '0', SQLITE_PATH: path, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    let output = '';
    // It either exits or, as it did before, starts listening on the database it should have refused.
    const outcome = await new Promise<string>((resolve) => {
      const collect = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Server listening')) resolve('listening');
      };
      proc.stdout!.on('data', collect);
      proc.stderr!.on('data', collect);
      proc.on('exit', (exitCode) => resolve(`exit ${exitCode}`));
    });
    expect(outcome).toBe('exit 1');
    expect(output).toContain(`database schema version ${known + 1} is newer than this server's ${known}`);
    await rm(dirname(path), { recursive: true, force: true });
  });
});
