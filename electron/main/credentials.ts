import type { SafeStorage } from 'electron';
import { readFile, rm } from 'node:fs/promises';
import { z } from 'zod';
import type { CredentialProtection } from '../common/bridge.ts';
import { writeFileAtomicAsync } from './files.ts';

export type SafeStorageLike = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend' | 'setUsePlainTextEncryption'
>;

export interface StoredCredential {
  token: string | null;
  protection: CredentialProtection;
}

const fileSchema = z.strictObject({
  version: z.literal(1),
  protection: z.enum(['os-keystore', 'basic-text', 'plain-file']),
  data: z.base64(),
});

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

const NONE: StoredCredential = { token: null, protection: 'none' };

/**
 * The station credential from enrolment, kept encrypted with safeStorage: DPAPI on Windows; on Linux Chromium's
 * own fixed key, because the shell starts Chromium with `--password-store=basic` (switches.ts) so that no
 * keyring can ever ask to be unlocked in front of residents. Without any encryption the token is still kept
 * (the kiosk must sync) in a file only the kiosk user can read; diagnostics says which.
 *
 * Electron answers `isEncryptionAvailable()` with false for the basic store (it has no secret key) unless
 * `setUsePlainTextEncryption(true)` was called (electron_api_safe_storage.cc), so the store calls it on Linux before
 * anything is encrypted or decrypted; without it the token would be written as a plain file. A keyring's backend is
 * not affected by the call.
 *
 * The file is read and decrypted once, asynchronously; every later read, the sync engine's each round and the
 * updater's, is answered from memory. Use only after `ready`.
 */
export class CredentialStore {
  private current: Promise<StoredCredential> | null = null;
  private readonly listeners = new Set<(credential: StoredCredential) => void>();

  constructor(
    private readonly safe: SafeStorageLike,
    private readonly path: string,
    private readonly platform: NodeJS.Platform,
    private readonly log: (message: string) => void = () => undefined,
  ) {
    if (platform === 'linux') safe.setUsePlainTextEncryption(true);
  }

  /** How a token saved now would be protected. */
  protection(): Exclude<CredentialProtection, 'browser' | 'none'> {
    if (!this.safe.isEncryptionAvailable()) return 'plain-file';
    if (this.platform === 'linux' && this.safe.getSelectedStorageBackend() === 'basic_text') return 'basic-text';
    return 'os-keystore';
  }

  get(): Promise<StoredCredential> {
    this.current ??= this.read();
    return this.current;
  }

  async set(token: string): Promise<CredentialProtection> {
    const protection = this.protection();
    const data = protection === 'plain-file' ? Buffer.from(token, 'utf8') : this.safe.encryptString(token);
    await writeFileAtomicAsync(this.path, JSON.stringify({ version: 1, protection, data: data.toString('base64') }), 0o600);
    if (protection === 'plain-file') this.log('credential stored without encryption: this system offers none');
    this.changed({ token, protection });
    return protection;
  }

  async clear(): Promise<void> {
    await rm(this.path, { force: true });
    this.changed(NONE);
  }

  /** Called with the credential whenever it is set or cleared (the updater sends the token with its requests). */
  onChange(listener: (credential: StoredCredential) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(credential: StoredCredential): void {
    this.current = Promise.resolve(credential);
    for (const listener of this.listeners) listener(credential);
  }

  private async read(): Promise<StoredCredential> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch {
      return NONE;
    }
    const parsed = fileSchema.safeParse(parseJson(text));
    if (!parsed.success) {
      this.log('credential file unreadable: ignored');
      return NONE;
    }
    const { protection, data } = parsed.data;
    const bytes = Buffer.from(data, 'base64');
    if (protection === 'plain-file') return { token: bytes.toString('utf8'), protection };
    try {
      return { token: this.safe.decryptString(bytes), protection };
    } catch {
      // Another key (a reinstalled OS, another user, a keyring from before the basic store): enrol again.
      this.log('credential cannot be decrypted: re-enrolment needed');
      return NONE;
    }
  }
}
