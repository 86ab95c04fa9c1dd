import type { Shift, StationSettings } from '@protocol/catalogue.ts';
import { computeSessions, type ShiftSession } from '@protocol/hours.ts';
import type { Contact, ShiftEvent } from '@protocol/records.ts';
import { shiftForSignIn } from '@protocol/roster.ts';
import { dayKey } from '@protocol/time.ts';
import { commitRecord } from '../store/commit.ts';
import type { Stored, YizhanDb } from '../store/db.ts';
import { policyOf } from './policy.ts';
import { STATION_OFFSET_MINUTES } from './station-time.ts';

const DAY_MS = 86_400_000;

/** Who signs in: a rostered member, or a walk-in volunteer who gave a name and phone with consent. */
export type Volunteer = { memberId: string } | { contact: Contact };

/** The shift sessions of these events at this station, as the centre would compute them (hours.ts). */
export const sessionsOf = (events: readonly ShiftEvent[], shifts: readonly Shift[], station: StationSettings, now: Date): ShiftSession[] =>
  computeSessions({ events, roster: () => shifts, policy: () => policyOf(station), now: now.getTime(), offsetMinutes: STATION_OFFSET_MINUTES });

/**
 * Shift events recent enough to hold a shift that is still open: the longest a shift stays open is an overnight
 * shift plus the policy's grace, well inside two days.
 */
export const recentShiftEvents = async (db: YizhanDb, now: Date): Promise<Stored<ShiftEvent>[]> => {
  const since = dayKey(new Date(now.getTime() - 2 * DAY_MS));
  return db.shiftEvents.where('day').aboveOrEqual(since).toArray();
};

/** Open sessions: signed in, not signed out, not past the policy's automatic close. */
export const openSessions = (sessions: readonly ShiftSession[]): ShiftSession[] => sessions.filter((session) => session.end === null);

/** Writes a sign-in, for the roster shift under way (or about to start) when there is one. */
export const signIn = async (
  db: YizhanDb,
  stationId: string,
  input: { volunteer: Volunteer; method: 'pin' | 'qr' | 'walk-in'; signature?: string },
  now: Date = new Date(),
): Promise<ShiftEvent> => {
  const memberId = 'memberId' in input.volunteer ? input.volunteer.memberId : undefined;
  const occurrence = memberId === undefined ? undefined : shiftForSignIn(await db.shifts.toArray(), memberId, now.getTime(), STATION_OFFSET_MINUTES);
  return commitRecord(
    db,
    'shift-event',
    stationId,
    () => ({
      kind: 'shift-event',
      type: 'sign-in',
      method: input.method,
      ...input.volunteer,
      ...(occurrence ? { shiftId: occurrence.shift.id } : {}),
      ...(input.signature ? { signature: input.signature } : {}),
    }),
    now,
  );
};

/**
 * Writes a sign-out and, when the member leaves one, the note for the next shift: both on disk or neither, so a
 * note is never lost to a sign-out that failed, nor left behind by one that did not happen.
 */
export const signOut = (
  db: YizhanDb,
  stationId: string,
  input: { signInId: string; memberId?: string; method: 'pin' | 'qr' | 'walk-in'; handover?: string },
  now: Date = new Date(),
): Promise<ShiftEvent> =>
  db.transaction('rw', [db.shiftEvents, db.handoverNotes, db.outbox, db.meta], async () => {
    const event = await commitRecord(
      db,
      'shift-event',
      stationId,
      () => ({ kind: 'shift-event', type: 'sign-out', method: input.method, signInId: input.signInId, ...(input.memberId ? { memberId: input.memberId } : {}) }),
      now,
    );
    const text = input.handover?.trim();
    if (text && input.memberId) {
      await commitRecord(db, 'handover-note', stationId, () => ({ kind: 'handover-note', memberId: input.memberId!, text }), now);
    }
    return event;
  });

/**
 * Sessions the policy has closed but no event records yet: the shift is past its end and the grace, nobody
 * signed out. The tablet writes an auto-sign-out for each, crediting what the policy credits, so the close
 * is an event the centre receives (flagged for review) rather than a guess it must make again.
 */
export const dueAutoSignOuts = (sessions: readonly ShiftSession[]): { signInId: string; memberId: string | null; creditedEnd: number }[] =>
  sessions
    .filter((session) => session.closedBy === 'centre' && session.end !== null)
    .map((session) => ({ signInId: session.signInId, memberId: session.memberId, creditedEnd: session.end! }));

/** Closes every forgotten shift this tablet holds; returns how many it closed. */
export const closeForgottenShifts = async (db: YizhanDb, stationId: string, station: StationSettings, now: Date = new Date()): Promise<number> => {
  const [events, shifts] = await Promise.all([recentShiftEvents(db, now), db.shifts.toArray()]);
  const due = dueAutoSignOuts(sessionsOf(events, shifts, station, now));
  for (const close of due) {
    await commitRecord(
      db,
      'shift-event',
      stationId,
      () => ({
        kind: 'shift-event',
        type: 'auto-sign-out',
        method: 'auto',
        signInId: close.signInId,
        creditedEnd: new Date(close.creditedEnd).toISOString(),
        ...(close.memberId ? { memberId: close.memberId } : {}),
      }),
      now,
    );
  }
  return due.length;
};
