// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CredentialStore } from './credentials.ts';
import { FakeSafeStorage } from './testing/fakes.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'yz-cred-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const token = 'station-token-0123456789abcdef';

describe('CredentialStore', () => {
  it('keeps the token encrypted by the OS keystore, in a file only the kiosk user can read', () => {
    const path = join(dir, 'station.credential');
    const store = new CredentialStore(new FakeSafeStorage(), path, 'linux');
    expect(store.set(token)).toBe('os-keystore');
    expect(readFileSync(path, 'utf8')).not.toContain(token);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(store.get()).toEqual({ token, protection: 'os-keystore' });
    store.clear();
    expect(store.get()).toEqual({ token: null, protection: 'none' });
  });

  it('says so when Linux has no keyring (basic_text) or no encryption at all', () => {
    const basic = new CredentialStore(new FakeSafeStorage(true, 'basic_text'), join(dir, 'a'), 'linux');
    expect(basic.set(token)).toBe('basic-text');
    expect(basic.get()).toEqual({ token, protection: 'basic-text' });
    const none = new CredentialStore(new FakeSafeStorage(false, 'unknown'), join(dir, 'b'), 'linux');
    expect(none.set(token)).toBe('plain-file');
    expect(none.get()).toEqual({ token, protection: 'plain-file' });
    // basic_text is only a Linux thing; Windows always has DPAPI.
    expect(new CredentialStore(new FakeSafeStorage(true, 'basic_text'), join(dir, 'c'), 'win32').protection()).toBe('os-keystore');
  });

  it('asks for re-enrolment (no token) when the keyring changed or the file is damaged', () => {
    const path = join(dir, 'station.credential');
    new CredentialStore(new FakeSafeStorage(true, 'gnome_libsecret', 'old-key'), path, 'linux').set(token);
    const log: string[] = [];
    expect(new CredentialStore(new FakeSafeStorage(true, 'gnome_libsecret', 'new-key'), path, 'linux', (m) => log.push(m)).get()).toEqual({ token: null, protection: 'none' });
    writeFileSync(path, '{"version":2}');
    expect(new CredentialStore(new FakeSafeStorage(), path, 'linux', (m) => log.push(m)).get().token).toBeNull();
    expect(log).toHaveLength(2);
  });
});
