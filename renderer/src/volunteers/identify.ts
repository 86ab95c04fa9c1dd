import type { Member } from '@protocol/catalogue.ts';
import { parseMemberQr, verifyMemberPin, verifyMemberQr } from '@protocol/pin-hash.ts';
import { commitRecord } from '../store/commit.ts';
import type { YizhanDb } from '../store/db.ts';
import { isDemoHash } from './demo-sign-in.ts';
import { clearWrongPins, lockoutState, recordWrongPin, walkInLockKey } from './lockout.ts';

/** The tablet a sign-in happens on: its station, and whether the demo's credentials count there (demo-sign-in.ts). */
export interface SignInPlace {
  stationId: string;
  demoSignIn: boolean;
}

export type PinResult =
  | { ok: true }
  | { ok: false; reason: 'wrong-pin'; triesLeft: number }
  | { ok: false; reason: 'locked'; until: number }
  /** The centre has not set a PIN for this member (or the tablet has not received it yet). */
  | { ok: false; reason: 'no-pin' };

/**
 * Checks a member's PIN offline against the hash the centre published (member-credentials). A locked member is
 * refused before any hashing; the wrong PIN that locks is written down as a device event for staff to see. The
 * demo's PIN, where the demo is not meant, is no PIN at all.
 */
export const verifyPin = async (db: YizhanDb, place: SignInPlace, memberId: string, pin: string, now: Date = new Date()): Promise<PinResult> => {
  const state = await lockoutState(db, memberId, now.getTime());
  if (state.locked) return { ok: false, reason: 'locked', until: state.until };
  const credentials = await db.memberCredentials.get(memberId);
  if (!credentials?.pinHash || (!place.demoSignIn && (await isDemoHash(credentials.pinHash)))) return { ok: false, reason: 'no-pin' };
  if (await verifyMemberPin(pin, credentials.pinHash)) {
    await clearWrongPins(db, memberId);
    return { ok: true };
  }
  const after = await recordWrongPin(db, memberId, now.getTime());
  if (!after.locked) return { ok: false, reason: 'wrong-pin', triesLeft: after.triesLeft };
  await commitRecord(db, 'device-event', place.stationId, () => ({ kind: 'device-event', type: 'volunteer-pin-locked', detail: memberId }), now);
  return { ok: false, reason: 'locked', until: after.until };
};

export type WalkInDigitsResult = { ok: true } | { ok: false; reason: 'wrong-digits'; triesLeft: number } | { ok: false; reason: 'locked'; until: number };

/**
 * Checks the last four digits of the phone a walk-in signed in with, before their shift may be ended. Wrong
 * guesses count as wrong PINs do (lockout.ts): five lock that sign-out on this tablet for 15 minutes, written down
 * for staff, so nobody can try the 10,000 endings to end someone else's shift.
 */
export const verifyWalkInDigits = async (db: YizhanDb, stationId: string, signInId: string, digits: string, now: Date = new Date()): Promise<WalkInDigitsResult> => {
  const key = walkInLockKey(signInId);
  const state = await lockoutState(db, key, now.getTime());
  if (state.locked) return { ok: false, reason: 'locked', until: state.until };
  const signIn = await db.shiftEvents.get(signInId);
  const phone = signIn?.contact?.phone;
  if (digits.length === 4 && phone?.endsWith(digits)) {
    await clearWrongPins(db, key);
    return { ok: true };
  }
  const after = await recordWrongPin(db, key, now.getTime());
  if (!after.locked) return { ok: false, reason: 'wrong-digits', triesLeft: after.triesLeft };
  await commitRecord(db, 'device-event', stationId, () => ({ kind: 'device-event', type: 'walk-in-sign-out-locked', detail: signInId }), now);
  return { ok: false, reason: 'locked', until: after.until };
};

export type QrResult = { ok: true; member: Member } | { ok: false; reason: 'not-a-member-code' | 'unknown-member' | 'withdrawn' };

/**
 * A scanned member QR code (YZM1:<member>:<secret>) checked against the published hash of its secret; a demo
 * member's code, where the demo is not meant, is as good as withdrawn.
 */
export const identifyByQr = async (db: YizhanDb, text: string, demoSignIn: boolean): Promise<QrResult> => {
  const parsed = parseMemberQr(text);
  if (!parsed) return { ok: false, reason: 'not-a-member-code' };
  const member = await db.members.get(parsed.memberId);
  if (!member) return { ok: false, reason: 'unknown-member' };
  const credentials = await db.memberCredentials.get(parsed.memberId);
  if (!credentials?.qrHash || (!demoSignIn && (await isDemoHash(credentials.qrHash)))) return { ok: false, reason: 'withdrawn' };
  if (!(await verifyMemberQr(parsed.secret, credentials.qrHash))) return { ok: false, reason: 'withdrawn' };
  return { ok: true, member };
};
