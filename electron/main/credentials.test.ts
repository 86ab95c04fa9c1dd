// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CredentialStore, type StoredCredential } from './credentials.ts';
import { FakeSafeStorage } from './testing/fakes.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'yz-cred-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const token = 'station-token-0123456789abcdef';

describe('CredentialStore', () => {
  it('keeps the token encrypted, in a file only the kiosk user can read', async () => {
    const path = join(dir, 'station.credential');
    const store = new CredentialStore(new FakeSafeStorage(true, 'unknown'), path, 'win32');
    expect(await store.set(token)).toBe('os-keystore');
    expect(readFileSync(path, 'utf8')).not.toContain(token);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(await store.get()).toEqual({ token, protection: 'os-keystore' });
    await store.clear();
    expect(await store.get()).toEqual({ token: null, protection: 'none' });
    expect(await new CredentialStore(new FakeSafeStorage(), path, 'win32').get()).toEqual({ token: null, protection: 'none' });
  });

  it('says how it is kept: Chromium’s basic key on Linux, a plain file where nothing encrypts', async () => {
    const basic = new CredentialStore(new FakeSafeStorage(true, 'basic_text'), join(dir, 'a'), 'linux');
    expect(await basic.set(token)).toBe('basic-text');
    expect(await new CredentialStore(new FakeSafeStorage(true, 'basic_text'), join(dir, 'a'), 'linux').get()).toEqual({ token, protection: 'basic-text' });
    const none = new CredentialStore(new FakeSafeStorage(false, 'unknown'), join(dir, 'b'), 'linux');
    expect(await none.set(token)).toBe('plain-file');
    expect(await new CredentialStore(new FakeSafeStorage(false, 'unknown'), join(dir, 'b'), 'linux').get()).toEqual({ token, protection: 'plain-file' });
    expect(new CredentialStore(new FakeSafeStorage(true, 'gnome_libsecret'), join(dir, 'c'), 'linux').protection()).toBe('os-keystore');
  });

  it('decrypts once: every later read, however many sync rounds ask, comes from memory', async () => {
    const path = join(dir, 'station.credential');
    await new CredentialStore(new FakeSafeStorage(true, 'basic_text'), path, 'linux').set(token);
    const safe = new FakeSafeStorage(true, 'basic_text');
    const store = new CredentialStore(safe, path, 'linux');
    const reads = await Promise.all(Array.from({ length: 20 }, () => store.get()));
    expect(new Set(reads.map((r) => r.token))).toEqual(new Set([token]));
    expect(safe.decrypts).toBe(1);
    // The file changing under it does not matter: the store owns it.
    rmSync(path);
    expect((await store.get()).token).toBe(token);
    expect(safe.decrypts).toBe(1);
  });

  it('tells its listeners when the token is set or cleared', async () => {
    const store = new CredentialStore(new FakeSafeStorage(true, 'basic_text'), join(dir, 'station.credential'), 'linux');
    const seen: StoredCredential[] = [];
    const off = store.onChange((credential) => seen.push(credential));
    await store.set(token);
    await store.clear();
    off();
    await store.set(token);
    expect(seen).toEqual([{ token, protection: 'basic-text' }, { token: null, protection: 'none' }]);
  });

  it('asks for re-enrolment (no token) when the key changed or the file is damaged', async () => {
    const path = join(dir, 'station.credential');
    await new CredentialStore(new FakeSafeStorage(true, 'gnome_libsecret', 'old-key'), path, 'linux').set(token);
    const log: string[] = [];
    expect(await new CredentialStore(new FakeSafeStorage(true, 'basic_text', 'new-key'), path, 'linux', (m) => log.push(m)).get()).toEqual({ token: null, protection: 'none' });
    writeFileSync(path, '{"version":2}');
    expect((await new CredentialStore(new FakeSafeStorage(), path, 'linux', (m) => log.push(m)).get()).token).toBeNull();
    expect(log).toHaveLength(2);
  });
});
