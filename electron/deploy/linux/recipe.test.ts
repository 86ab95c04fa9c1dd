// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { copyFileSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStationConfig } from '../../main/config.ts';
import { RESTARTED_BY } from '../../main/lifecycle.ts';

/**
 * The Linux tablet's recipe, checked where a tablet cannot be: systemd's own verifier on the unit, each drop-in
 * against the options its daemon reads, and setup-tablet.sh run into a throwaway root as it would prepare an
 * image (files, modes, owners, the kiosk user, enabled and masked units).
 */
const here = 'electron/deploy/linux';
const has = (command: string) => !spawnSync(command, ['--version'], { stdio: 'ignore' }).error;
const ci = Boolean(process.env.CI);
const canVerify = has('systemd-analyze') && has('cage');
if (ci && !canVerify) throw new Error('systemd-analyze and cage are needed to check the tablet recipe (.ci/run installs systemd and cage)');
const isRoot = process.getuid?.() === 0;
if (ci && (!isRoot || !has('systemctl'))) throw new Error('the recipe is run into a throwaway root as root, with systemctl');

/** A systemd-style INI file: section → key → values (a key may repeat). */
const ini = (text: string): Map<string, Map<string, string[]>> => {
  const sections = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      current = new Map();
      sections.set(section[1]!, current);
      continue;
    }
    const pair = /^([A-Za-z][A-Za-z0-9]*)=(.*)$/.exec(line);
    if (!pair || !current) throw new Error(`not a unit-file line: ${raw}`);
    current.set(pair[1]!, [...(current.get(pair[1]!) ?? []), pair[2]!]);
  }
  return sections;
};
const read = (path: string) => readFileSync(join(here, path), 'utf8');

describe('the Linux tablet recipe', () => {
  it.skipIf(!canVerify)('passes systemd-analyze verify', () => {
    const result = spawnSync('systemd-analyze', ['verify', join(here, 'yizhan-kiosk.service')], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('runs Cage on tty1 as the kiosk user in a logind session, restarts it always, and tells the shell so', () => {
    const unit = ini(read('yizhan-kiosk.service'));
    const service = unit.get('Service')!;
    expect(service.get('User')).toEqual(['kiosk']);
    expect(service.get('PAMName')).toEqual(['yizhan-kiosk']);
    expect(service.get('TTYPath')).toEqual(['/dev/tty1']);
    expect(service.get('Restart')).toEqual(['always']);
    // Without -s: Cage then refuses Ctrl+Alt+F<n>, so no text console's login prompt can cover the kiosk.
    expect(service.get('ExecStart')).toEqual(['/usr/bin/cage -- /usr/local/lib/yizhan/kiosk-session']);
    expect(service.get('Environment')).toContain(`${RESTARTED_BY.variable}=${RESTARTED_BY.value}`);
    expect(unit.get('Unit')!.get('Conflicts')).toEqual(['getty@tty1.service']);
    expect(unit.get('Install')!.get('WantedBy')).toEqual(['graphical.target']);
    // The PAM stack registers the session with logind, which hands it the seat.
    expect(read('pam.d/yizhan-kiosk')).toMatch(/^session\s+required\s+pam_systemd\.so$/m);
    expect(spawnSync('sh', ['-n', join(here, 'kiosk-session')]).status).toBe(0);
    expect(spawnSync('bash', ['-n', join(here, 'setup-tablet.sh')]).status).toBe(0);
  });

  it('turns off sleep and sets the clock with options the daemons know', () => {
    // From logind.conf(5), systemd-sleep.conf(5) and timesyncd.conf(5) of systemd 252.
    const known: Record<string, [string, string[]]> = {
      'logind.conf.d/yizhan-kiosk.conf': ['Login', ['IdleAction', 'IdleActionSec', 'HandlePowerKey', 'HandleSuspendKey', 'HandleHibernateKey', 'HandleLidSwitch', 'HandleLidSwitchExternalPower', 'HandleLidSwitchDocked', 'HandleRebootKey']],
      'sleep.conf.d/yizhan-kiosk.conf': ['Sleep', ['AllowSuspend', 'AllowHibernation', 'AllowSuspendThenHibernate', 'AllowHybridSleep']],
      'timesyncd.conf.d/yizhan-kiosk.conf': ['Time', ['NTP', 'FallbackNTP', 'RootDistanceMaxSec', 'PollIntervalMinSec', 'PollIntervalMaxSec']],
    };
    for (const [file, [section, keys]] of Object.entries(known)) {
      const parsed = ini(read(file));
      expect([...parsed.keys()], file).toEqual([section]);
      for (const key of parsed.get(section)!.keys()) expect(keys, `${file}: ${key}`).toContain(key);
    }
    const login = ini(read('logind.conf.d/yizhan-kiosk.conf')).get('Login')!;
    expect(login.get('IdleAction')).toEqual(['ignore']);
    const sleep = ini(read('sleep.conf.d/yizhan-kiosk.conf')).get('Sleep')!;
    expect([...sleep.values()].flat()).toEqual(['no', 'no', 'no', 'no']);
    expect(ini(read('timesyncd.conf.d/yizhan-kiosk.conf')).get('Time')!.get('NTP')![0]).toMatch(/\S/);
  });

  describe.skipIf(!isRoot || !has('systemctl'))('setup-tablet.sh into an image root', () => {
    let root: string;
    let work: string;
    beforeAll(() => {
      work = mkdtempSync(join(tmpdir(), 'yz-recipe-'));
      root = join(work, 'root');
      // What a Debian image has that the script relies on: its users, and the units it enables or masks.
      mkdirSync(join(root, 'etc'), { recursive: true });
      writeFileSync(join(root, 'etc', 'passwd'), 'root:x:0:0:root:/root:/bin/bash\n');
      writeFileSync(join(root, 'etc', 'group'), 'root:x:0:\naudio:x:29:\nvideo:x:44:\nrender:x:105:\n');
      writeFileSync(join(root, 'etc', 'shadow'), 'root:*:19000:0:99999:7:::\n', { mode: 0o640 });
      writeFileSync(join(root, 'etc', 'gshadow'), 'root:*::\naudio:*::\nvideo:*::\nrender:*::\n', { mode: 0o640 });
      copyFileSync('/etc/login.defs', join(root, 'etc', 'login.defs'));
      mkdirSync(join(root, 'usr/sbin'), { recursive: true });
      writeFileSync(join(root, 'usr/sbin/nologin'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
      mkdirSync(join(root, 'usr/lib/systemd/system'), { recursive: true });
      for (const unit of ['graphical.target', 'multi-user.target', 'sysinit.target', 'systemd-timesyncd.service', 'sleep.target', 'suspend.target', 'hibernate.target', 'hybrid-sleep.target', 'suspend-then-hibernate.target']) {
        writeFileSync(join(root, 'usr/lib/systemd/system', unit), `[Unit]\nDescription=${unit}\n${unit.endsWith('.service') ? '[Install]\nWantedBy=sysinit.target\n' : ''}`);
      }
      writeFileSync(join(work, 'station.json'), JSON.stringify({ stationId: 'xingfuli-07', stationName: '幸福里社区红色驿站', serverUrl: 'https://yizhan.example.gov.cn', enrolmentCode: 'K7Q2-9XPM-4RTA', locale: 'zh-CN' }));
      writeFileSync(join(work, 'Yizhan-1.2.0.AppImage'), 'an AppImage');
    });
    afterAll(() => rmSync(work, { recursive: true, force: true }));

    it('puts every piece in place, with the modes and owners a kiosk needs', () => {
      const run = () =>
        spawnSync('bash', [join(here, 'setup-tablet.sh'), '--root', root, '--station', join(work, 'station.json'), '--appimage', join(work, 'Yizhan-1.2.0.AppImage')], { encoding: 'utf8' });
      const first = run();
      expect(first.stderr.split('\n').filter((line) => line && !line.startsWith('Created symlink'))).toEqual([]);
      expect(first.status).toBe(0);
      expect(first.stdout).toContain('packages this image needs');
      expect(first.stdout).toContain('speech-dispatcher-espeak-ng');
      // Safe to run again.
      expect(run().status).toBe(0);

      const [, , uid, gid, , home, shell] = readFileSync(join(root, 'etc/passwd'), 'utf8').split('\n').find((line) => line.startsWith('kiosk:'))!.split(':');
      expect([home, shell]).toEqual(['/home/kiosk', '/usr/sbin/nologin']);
      expect(readFileSync(join(root, 'etc/group'), 'utf8')).toMatch(/^audio:x:29:kiosk$/m);
      const mode = (path: string) => statSync(join(root, path)).mode & 0o777;
      const owner = (path: string) => [statSync(join(root, path)).uid, statSync(join(root, path)).gid];
      expect([mode('etc/yizhan/station.json'), ...owner('etc/yizhan/station.json')]).toEqual([0o640, 0, Number(gid)]);
      expect([mode('home/kiosk/Yizhan.AppImage'), ...owner('home/kiosk/Yizhan.AppImage')]).toEqual([0o755, Number(uid), Number(gid)]);
      expect(mode('usr/local/lib/yizhan/kiosk-session')).toBe(0o755);
      for (const file of ['etc/systemd/system/yizhan-kiosk.service', 'etc/pam.d/yizhan-kiosk', 'etc/systemd/logind.conf.d/yizhan-kiosk.conf', 'etc/systemd/sleep.conf.d/yizhan-kiosk.conf', 'etc/systemd/timesyncd.conf.d/yizhan-kiosk.conf']) {
        expect(mode(file), file).toBe(0o644);
      }
      const link = (path: string) => (lstatSync(join(root, path)).isSymbolicLink() ? readlinkSync(join(root, path)) : null);
      expect(link('etc/systemd/system/graphical.target.wants/yizhan-kiosk.service')).toBe('/etc/systemd/system/yizhan-kiosk.service');
      expect(link('etc/systemd/system/default.target')).toBe('/usr/lib/systemd/system/graphical.target');
      expect(link('etc/systemd/system/sysinit.target.wants/systemd-timesyncd.service')).toBe('/usr/lib/systemd/system/systemd-timesyncd.service');
      for (const target of ['sleep', 'suspend', 'hibernate', 'hybrid-sleep', 'suspend-then-hibernate']) expect(link(`etc/systemd/system/${target}.target`)).toBe('/dev/null');

      // The shell reads the station file it put there as the tablet's own.
      const loaded = loadStationConfig({
        env: { YIZHAN_CONFIG: join(root, 'etc/yizhan/station.json') },
        platform: 'linux',
        resourcesPath: 'electron/resources',
        setupPath: join(work, 'none.json'),
        readText: (path) => {
          try {
            return readFileSync(path, 'utf8');
          } catch {
            return null;
          }
        },
      });
      expect(loaded).toMatchObject({ sources: ['default', 'system'], problems: [], config: { stationId: 'xingfuli-07' } });
    });

    it('refuses to run without a station file for the tablet', () => {
      const empty = join(work, 'empty-root');
      mkdirSync(join(empty, 'etc'), { recursive: true });
      const result = spawnSync('bash', [join(here, 'setup-tablet.sh'), '--root', empty], { encoding: 'utf8' });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('provision');
    });
  });
});
