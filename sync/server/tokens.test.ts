import { describe, expect, it } from 'vitest';
import { installHash, newStationToken, sealToken, unsealToken } from './tokens.ts';

describe('a token sealed for one install', () => {
  const token = newStationToken();
  const installId = 'install-0123456789abcdefABCDEF';

  it('opens with that install id only, and not once tampered with', () => {
    const sealed = sealToken(token, installId);
    expect(sealed).not.toContain(token.slice(4));
    expect(unsealToken(sealed, installId)).toBe(token);
    expect(unsealToken(sealed, `${installId}x`)).toBeNull();
    const bytes = Buffer.from(sealed, 'base64url');
    bytes[bytes.length - 1]! ^= 1;
    expect(unsealToken(bytes.toString('base64url'), installId)).toBeNull();
    expect(unsealToken('', installId)).toBeNull();
    // Sealed twice, it looks different each time (a fresh IV): equal tokens cannot be told apart at rest.
    expect(sealToken(token, installId)).not.toBe(sealed);
  });

  it('keeps the install id as a hash that is not the sealing key', () => {
    expect(installHash(installId)).toMatch(/^[0-9a-f]{64}$/);
    expect(installHash(installId)).not.toBe(installHash(`${installId}x`));
  });
});
