// @vitest-environment node
import { pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fastDerive } from './testing/fast-derive.ts';
import { constantTimeEqual, DEMO_PIN_HASH, type DeriveKey, formatPinHash, hashPin, parsePinHash, PinGate, TapGesture } from './technician.ts';

/** The real PBKDF2, as the shell computes it. */
const derive: DeriveKey = async (pin, salt, iterations, length) => new Uint8Array(pbkdf2Sync(pin, salt, iterations, length, 'sha256'));
const salt = new Uint8Array(16).fill(7);

describe('TapGesture', () => {
  it('opens on the fifth tap within three seconds, then starts over', () => {
    const g = new TapGesture();
    expect([0, 400, 800, 1200].map((t) => g.tap(t))).toEqual([false, false, false, false]);
    expect(g.tap(2900)).toBe(true);
    expect(g.tap(3000)).toBe(false);
  });

  it('does not open for slow taps (a resident tapping the logo now and then)', () => {
    const g = new TapGesture();
    expect([0, 1000, 2000, 3000, 4000, 5000, 6000].some((t) => g.tap(t))).toBe(false);
  });

  it('ignores a clock that goes backwards', () => {
    const g = new TapGesture({ taps: 3, withinMs: 1000 });
    g.tap(5000);
    g.tap(5100);
    expect(g.tap(100)).toBe(false);
  });
});

describe('PIN hash format', () => {
  it('round-trips and refuses weak or malformed hashes', async () => {
    const hash = await hashPin('2468', salt, fastDerive, 100_000);
    expect(parsePinHash(hash)).toMatchObject({ iterations: 100_000 });
    expect(formatPinHash(parsePinHash(hash)!)).toBe(hash);
    expect(parsePinHash(hash.replace('100000', '99999'))).toBeNull();
    expect(parsePinHash('sha1$1$x$y')).toBeNull();
    expect(parsePinHash('')).toBeNull();
  });

  it('the demo hash is the demo PIN 24681357, computed the way the tool and the shell compute it', async () => {
    const gate = new PinGate({ pinHash: DEMO_PIN_HASH, derive });
    expect(await gate.unlock('24681357', 0)).toMatchObject({ ok: true });
  });

  it('compares in constant time, including different lengths', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 0]))).toBe(false);
  });
});

describe('PinGate', () => {
  const gateFor = async (pin: string, options: Partial<ConstructorParameters<typeof PinGate>[0]> = {}) =>
    new PinGate({ pinHash: await hashPin(pin, salt, fastDerive, 100_000), derive: fastDerive, ...options });

  it('unlocks with the right PIN for a limited session, which touch() extends and lock() ends', async () => {
    const gate = await gateFor('135790', { sessionMs: 60_000 });
    const result = await gate.unlock('135790', 1000);
    expect(result).toEqual({ ok: true, expiresAt: 61_000 });
    expect(gate.isUnlocked(60_999)).toBe(true);
    expect(gate.isUnlocked(61_000)).toBe(false);
    await gate.unlock('135790', 100_000);
    gate.touch(150_000);
    expect(gate.isUnlocked(200_000)).toBe(true);
    gate.lock();
    expect(gate.isUnlocked(150_001)).toBe(false);
  });

  it('counts wrong PINs and locks out after five, with a doubling lockout', async () => {
    const gate = await gateFor('135790', { lockoutMs: 60_000 });
    for (let i = 4; i >= 1; i -= 1) expect(await gate.unlock('000000', 0)).toEqual({ ok: false, reason: 'wrong-pin', attemptsLeft: i });
    expect(await gate.unlock('000000', 0)).toEqual({ ok: false, reason: 'locked-out', retryAt: 60_000 });
    // Even the right PIN waits.
    expect(await gate.unlock('135790', 59_999)).toEqual({ ok: false, reason: 'locked-out', retryAt: 60_000 });
    for (let i = 0; i < 5; i += 1) await gate.unlock('000000', 60_000);
    expect(gate.status(60_000)).toEqual({ unlocked: false, expiresAt: null, lockedUntil: 180_000 });
    expect(await gate.unlock('135790', 180_000)).toMatchObject({ ok: true });
    expect(gate.status(180_000).lockedUntil).toBeNull();
  });

  it('counts attempts fired in parallel before any hash is computed', async () => {
    const gate = await gateFor('135790');
    const results = await Promise.all(Array.from({ length: 8 }, () => gate.unlock('111111', 0)));
    expect(results.filter((r) => !r.ok && r.reason === 'locked-out')).toHaveLength(4);
  });

  it('refuses malformed PINs without deriving, and says when no PIN is configured', async () => {
    const gate = await gateFor('135790');
    expect(await gate.unlock('13579a', 0)).toMatchObject({ ok: false, reason: 'wrong-pin' });
    const none = new PinGate({ pinHash: null, derive: fastDerive });
    expect(none.configured).toBe(false);
    expect(await none.unlock('135790', 0)).toEqual({ ok: false, reason: 'not-configured' });
  });
});
