// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { desktopEntry, installAutostart, quoteExecArg } from './autostart.ts';
import { FakeApp } from './testing/fakes.ts';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'yz-home-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('autostart', () => {
  it('writes an XDG autostart entry on Linux, pointing at the AppImage when run from one', () => {
    const app = new FakeApp();
    const path = installAutostart({ app, platform: 'linux', env: { APPIMAGE: '/home/kiosk/Yizhan 0.1.0.AppImage' }, home, execPath: '/tmp/.mount_x/yizhan' });
    expect(path).toBe(join(home, '.config', 'autostart', 'yizhan-kiosk.desktop'));
    const entry = readFileSync(path, 'utf8');
    expect(entry).toContain('[Desktop Entry]');
    expect(entry).toContain('Exec="/home/kiosk/Yizhan 0.1.0.AppImage"');
    expect(statSync(path).mode & 0o777).toBe(0o644);
    expect(app.loginItems).toEqual([]);
  });

  it('honours XDG_CONFIG_HOME and a deb install path', () => {
    const config = join(home, 'cfg');
    const path = installAutostart({ app: new FakeApp(), platform: 'linux', env: { XDG_CONFIG_HOME: config }, home, execPath: '/opt/Yizhan/yizhan-kiosk' });
    expect(readFileSync(path, 'utf8')).toContain('Exec=/opt/Yizhan/yizhan-kiosk\n');
  });

  it('uses a login item on Windows', () => {
    const app = new FakeApp();
    expect(installAutostart({ app, platform: 'win32', env: {}, home, execPath: 'C:\\Program Files\\Yizhan\\Yizhan.exe' })).toBe('windows login item');
    expect(app.loginItems).toEqual([{ openAtLogin: true, path: 'C:\\Program Files\\Yizhan\\Yizhan.exe' }]);
  });

  it('does nothing for a development run', () => {
    const app = new FakeApp();
    app.isPackaged = false;
    expect(installAutostart({ app, platform: 'win32', env: {}, home, execPath: 'x' })).toMatch(/skipped/);
    expect(app.loginItems).toEqual([]);
  });

  it('quotes Exec arguments per the desktop entry spec', () => {
    expect(quoteExecArg('/opt/yizhan')).toBe('/opt/yizhan');
    expect(quoteExecArg('/a b/$x"`\\')).toBe('"/a b/\\$x\\"\\`\\\\"');
    expect(quoteExecArg('/100%/x')).toBe('/100%%/x');
    expect(desktopEntry('/opt/y', ['--flag'])).toContain('Exec=/opt/y --flag');
  });
});
