import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli.ts';
import { type ConsoleTestServer, startConsoleServer } from '../testing/console.ts';
import { engines } from '../testing/fixtures.ts';

/** `npm run server:cli -- create-admin`: the first district admin, who then logs in to the console. */
describe.each(engines())('create-admin on %s', (engine) => {
  let t: ConsoleTestServer;
  beforeAll(async () => {
    t = await startConsoleServer(engine);
  });
  afterAll(async () => t?.close());

  const cli = async (stdin: string | null, ...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, {
      storage: t.storage,
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      now: t.clock.now,
      retentionDays: 30,
      tombstoneDays: 90,
      stdin: () => Promise.resolve(stdin),
    });
    return { code, out, err };
  };

  it('makes a district admin with a generated password, printed once, that logs in to the console', async () => {
    const made = await cli(null, 'create-admin', 'Chief', '--name', '王主任');
    expect(made.code, made.err.join('\n')).toBe(0);
    expect(made.out[0]).toContain('district admin chief (王主任)');
    const password = made.out.at(-1)!;
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    const admin = await t.as('chief', password);
    expect(admin.session.staff).toMatchObject({ login: 'chief', name: '王主任', role: { kind: 'district-admin' } });
    expect(admin.session.scope.district).toBe(true);
    const [entry] = await t.storage.listAudit({ limit: 10, action: 'staff.create' });
    expect(entry).toMatchObject({ staff: null, action: 'staff.create', after: { login: 'chief' } });
    expect(JSON.stringify(entry)).not.toMatch(new RegExp(`${password}|scrypt`));
  });

  it('takes the password from the first line of stdin and prints none', async () => {
    const made = await cli('a piped passphrase here\nignored second line\n', 'create-admin', 'piped-admin');
    expect(made.code, made.err.join('\n')).toBe(0);
    expect(made.out.join('\n')).not.toContain('password');
    expect((await t.login('piped-admin', 'a piped passphrase here')).statusCode).toBe(200);
  });

  it('refuses a taken login, a bad login name and a short password, changing nothing', async () => {
    const before = (await t.storage.listStaff()).length;
    const taken = await cli(null, 'create-admin', 'chief');
    expect([taken.code, taken.err[0]]).toEqual([1, 'login chief is taken']);
    const bad = await cli(null, 'create-admin', 'No Spaces');
    expect(bad.code).toBe(1);
    expect(bad.err[0]).toContain('bad login name');
    const short = await cli('short\n', 'create-admin', 'shorty');
    expect([short.code, short.err[0]]).toEqual([1, 'the password must be 12–256 characters']);
    expect((await cli(null, 'create-admin')).code).toBe(2);
    expect(await t.storage.listStaff()).toHaveLength(before);
  });
});
