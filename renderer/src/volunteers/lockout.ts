import type { YizhanDb } from '../store/db.ts';

/**
 * Five wrong PINs lock that member on this tablet for a quarter of an hour. The same count guards a walk-in's
 * sign-out by the last digits of their phone, keyed by their sign-in (walkInLockKey): four digits are as easy to
 * guess as a PIN.
 */
export const MAX_PIN_TRIES = 5;
export const LOCK_MS = 15 * 60_000;

interface LockoutRow {
  failures: number;
  lockedUntil: number | null;
}

export type LockoutState = { locked: true; until: number } | { locked: false; triesLeft: number };

const keyOf = (memberId: string) => `pin-lockout:${memberId}`;

/** Whom a walk-in's sign-out guesses count against; never a member id (those have no ':'). */
export const walkInLockKey = (signInId: string): string => `walk-in:${signInId}`;

const read = async (db: YizhanDb, memberId: string): Promise<LockoutRow> => {
  const value = (await db.meta.get(keyOf(memberId)))?.value as Partial<LockoutRow> | undefined;
  return { failures: value?.failures ?? 0, lockedUntil: value?.lockedUntil ?? null };
};

const stateOf = (row: LockoutRow, now: number): LockoutState =>
  row.lockedUntil !== null && now < row.lockedUntil ? { locked: true, until: row.lockedUntil } : { locked: false, triesLeft: MAX_PIN_TRIES - row.failures };

/**
 * Where a member stands on this tablet. Kept in IndexedDB, not in memory: a reload (or pulling the plug) must not
 * hand out five more guesses.
 */
export const lockoutState = async (db: YizhanDb, memberId: string, now: number): Promise<LockoutState> => stateOf(await read(db, memberId), now);

/** Counts a wrong PIN; the fifth locks. A lock that has run out starts the count again. */
export const recordWrongPin = (db: YizhanDb, memberId: string, now: number): Promise<LockoutState> =>
  db.transaction('rw', db.meta, async () => {
    const row = await read(db, memberId);
    const expired = row.lockedUntil !== null && now >= row.lockedUntil;
    const failures = (expired ? 0 : row.failures) + 1;
    const next: LockoutRow = failures >= MAX_PIN_TRIES ? { failures: 0, lockedUntil: now + LOCK_MS } : { failures, lockedUntil: null };
    await db.meta.put({ key: keyOf(memberId), value: next });
    return stateOf(next, now);
  });

export const clearWrongPins = async (db: YizhanDb, memberId: string): Promise<void> => {
  await db.meta.delete(keyOf(memberId));
};
