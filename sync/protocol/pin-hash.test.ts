import { describe, expect, it } from 'vitest';
import {
  hashMemberPin,
  hashMemberQrSecret,
  memberQrText,
  newMemberQrSecret,
  parseMemberQr,
  parsePinHash,
  verifyMemberPin,
  verifyMemberQr,
} from './pin-hash.ts';

describe('member PIN hashes', () => {
  it('verifies the PIN it was made from, and nothing else', async () => {
    const hash = await hashMemberPin('2468', 100_000);
    expect(parsePinHash(hash)?.iterations).toBe(100_000);
    expect(await verifyMemberPin('2468', hash)).toBe(true);
    expect(await verifyMemberPin('2469', hash)).toBe(false);
    expect(await verifyMemberPin('24680', hash)).toBe(false);
  });

  it('salts every hash differently', async () => {
    const [a, b] = await Promise.all([hashMemberPin('1357', 100_000), hashMemberPin('1357', 100_000)]);
    expect(a).not.toBe(b);
  });

  it('refuses a PIN that is not 4 to 8 digits, and a hash that is malformed or too cheap', async () => {
    await expect(hashMemberPin('12a4')).rejects.toThrow();
    await expect(hashMemberPin('123')).rejects.toThrow();
    expect(await verifyMemberPin('1234', 'plain-text')).toBe(false);
    expect(parsePinHash('pbkdf2-sha256$1000$WWl6aGFuLWRlbW8tc2FsdA==$fvJva+1tg9xdNSv76FN3LKoI4QKVZhw4vnCyTKmr2bA=')).toBeNull();
  });
});

describe('member QR codes', () => {
  it('carries the member and a secret the centre keeps only hashed', async () => {
    const secret = newMemberQrSecret();
    const text = memberQrText('li-ming', secret);
    expect(parseMemberQr(text)).toEqual({ memberId: 'li-ming', secret });
    const hash = await hashMemberQrSecret(secret);
    expect(hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await verifyMemberQr(secret, hash)).toBe(true);
    expect(await verifyMemberQr(newMemberQrSecret(), hash)).toBe(false);
  });

  it('ignores codes that are not a member’s', () => {
    expect(parseMemberQr('https://example.com')).toBeNull();
    expect(parseMemberQr('YZM1:Li_Ming:abcdefghijklmnopqrstuv')).toBeNull();
    expect(parseMemberQr('YZM1:li-ming:short')).toBeNull();
  });
});
