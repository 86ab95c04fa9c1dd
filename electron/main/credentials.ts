import type { SafeStorage } from 'electron';
import { readFileSync, rmSync } from 'node:fs';
import { z } from 'zod';
import type { CredentialProtection } from '../common/bridge.ts';
import { writeFileAtomic } from './files.ts';

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

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

/**
 * The station credential from enrolment, kept with the OS keystore through safeStorage where it has one
 * (Windows DPAPI, libsecret/kwallet on Linux). On a Linux tablet without a keyring Electron falls back to a
 * fixed key ("basic_text") or has no encryption at all; the token is still kept (the kiosk must sync), in a
 * file only the kiosk user can read, and diagnostics says how it is protected. Use only after `ready`.
 */
export class CredentialStore {
  constructor(
    private readonly safe: SafeStorageLike,
    private readonly path: string,
    private readonly platform: NodeJS.Platform,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  /** How a token saved now would be protected. */
  protection(): Exclude<CredentialProtection, 'browser' | 'none'> {
    if (!this.safe.isEncryptionAvailable()) return 'plain-file';
    if (this.platform === 'linux' && this.safe.getSelectedStorageBackend() === 'basic_text') return 'basic-text';
    return 'os-keystore';
  }

  set(token: string): CredentialProtection {
    const protection = this.protection();
    const data = protection === 'plain-file' ? Buffer.from(token, 'utf8') : this.safe.encryptString(token);
    writeFileAtomic(this.path, JSON.stringify({ version: 1, protection, data: data.toString('base64') }), 0o600);
    if (protection !== 'os-keystore') this.log(`credential stored with weak protection: ${protection}`);
    return protection;
  }

  get(): { token: string | null; protection: CredentialProtection } {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch {
      return { token: null, protection: 'none' };
    }
    const parsed = fileSchema.safeParse(parseJson(text));
    if (!parsed.success) {
      this.log('credential file unreadable: ignored');
      return { token: null, protection: 'none' };
    }
    const { protection, data } = parsed.data;
    const bytes = Buffer.from(data, 'base64');
    if (protection === 'plain-file') return { token: bytes.toString('utf8'), protection };
    try {
      return { token: this.safe.decryptString(bytes), protection };
    } catch {
      // The keyring changed (a reinstalled OS, another user): the station must enrol again.
      this.log('credential cannot be decrypted: re-enrolment needed');
      return { token: null, protection: 'none' };
    }
  }

  clear(): void {
    rmSync(this.path, { force: true });
  }
}
