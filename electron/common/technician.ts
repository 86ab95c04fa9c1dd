import { constantTimeEqual, type DeriveKey, type PinHash, parsePinHash, PIN_PATTERN } from '../../sync/protocol/pin-hash.ts';

/**
 * The technician's way in: a gesture nobody makes by accident (taps on the station logo), then a PIN checked
 * against a salted PBKDF2 hash from the station config, with a lockout after repeated failures.
 * Pure: time comes in as a number and the key derivation is passed in (Node's crypto in the shell, WebCrypto
 * in the browser), so the same rules run and are tested everywhere.
 */

export interface TapGestureOptions {
  taps?: number;
  withinMs?: number;
}

/** Counts taps; `tap()` returns true once `taps` taps have landed within `withinMs`, then starts over. */
export class TapGesture {
  private readonly taps: number;
  private readonly withinMs: number;
  private times: number[] = [];

  constructor({ taps = 5, withinMs = 3000 }: TapGestureOptions = {}) {
    this.taps = taps;
    this.withinMs = withinMs;
  }

  tap(now: number): boolean {
    this.times = [...this.times.filter((t) => now - t < this.withinMs && t <= now), now];
    if (this.times.length < this.taps) return false;
    this.times = [];
    return true;
  }
}

export {
  constantTimeEqual,
  DEMO_PIN_HASH,
  type DeriveKey,
  formatPinHash,
  hashPin,
  MIN_PIN_ITERATIONS,
  parsePinHash,
  PIN_HASH_PATTERN,
  PIN_PATTERN,
  type PinHash,
} from '../../sync/protocol/pin-hash.ts';

export type UnlockResult =
  | { ok: true; expiresAt: number }
  | { ok: false; reason: 'wrong-pin'; attemptsLeft: number }
  | { ok: false; reason: 'locked-out'; retryAt: number }
  | { ok: false; reason: 'not-configured' };

export interface PinGateOptions {
  pinHash: string | null;
  derive: DeriveKey;
  /** Failures in a row before a lockout. */
  maxFailures?: number;
  /** The first lockout; each further one doubles, up to `maxLockoutMs`. */
  lockoutMs?: number;
  maxLockoutMs?: number;
  /** How long an unlocked technician session lasts without being renewed. */
  sessionMs?: number;
}

export interface PinGateStatus {
  unlocked: boolean;
  expiresAt: number | null;
  lockedUntil: number | null;
}

/**
 * The PIN check and the technician session it opens. Every attempt counts as a failure before the hash is
 * computed, so attempts fired in parallel cannot slip past the lockout.
 */
export class PinGate {
  private readonly expected: PinHash | null;
  private readonly derive: DeriveKey;
  private readonly maxFailures: number;
  private readonly lockoutMs: number;
  private readonly maxLockoutMs: number;
  private readonly sessionMs: number;
  private failures = 0;
  private lockouts = 0;
  private lockedUntil = 0;
  private expiresAt = 0;

  constructor(options: PinGateOptions) {
    this.expected = options.pinHash ? parsePinHash(options.pinHash) : null;
    this.derive = options.derive;
    this.maxFailures = options.maxFailures ?? 5;
    this.lockoutMs = options.lockoutMs ?? 5 * 60_000;
    this.maxLockoutMs = options.maxLockoutMs ?? 60 * 60_000;
    this.sessionMs = options.sessionMs ?? 15 * 60_000;
  }

  get configured(): boolean {
    return this.expected !== null;
  }

  async unlock(pin: string, now: number): Promise<UnlockResult> {
    const expected = this.expected;
    if (!expected) return { ok: false, reason: 'not-configured' };
    if (now < this.lockedUntil) return { ok: false, reason: 'locked-out', retryAt: this.lockedUntil };
    this.failures += 1;
    if (this.failures >= this.maxFailures) {
      // This attempt is the last allowed one; whatever it turns out to be, the next one waits.
      this.lockedUntil = now + Math.min(this.lockoutMs * 2 ** this.lockouts, this.maxLockoutMs);
    }
    const valid = PIN_PATTERN.test(pin) && constantTimeEqual(await this.derive(pin, expected.salt, expected.iterations, expected.hash.length), expected.hash);
    if (valid) {
      this.failures = 0;
      this.lockouts = 0;
      this.lockedUntil = 0;
      this.expiresAt = now + this.sessionMs;
      return { ok: true, expiresAt: this.expiresAt };
    }
    if (this.failures >= this.maxFailures) {
      this.failures = 0;
      this.lockouts += 1;
      return { ok: false, reason: 'locked-out', retryAt: this.lockedUntil };
    }
    return { ok: false, reason: 'wrong-pin', attemptsLeft: this.maxFailures - this.failures };
  }

  isUnlocked(now: number): boolean {
    return now < this.expiresAt;
  }

  /** Extends an open session (the technician is still working); does nothing when locked. */
  touch(now: number): void {
    if (this.isUnlocked(now)) this.expiresAt = now + this.sessionMs;
  }

  lock(): void {
    this.expiresAt = 0;
  }

  status(now: number): PinGateStatus {
    return {
      unlocked: this.isUnlocked(now),
      expiresAt: this.isUnlocked(now) ? this.expiresAt : null,
      lockedUntil: now < this.lockedUntil ? this.lockedUntil : null,
    };
  }
}
