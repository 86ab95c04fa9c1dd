import { defaultVolunteerPolicy } from '@protocol/catalogue.ts';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../../../tests/support/render-screen.tsx';
import { closeForgottenShifts, openSessions, recentShiftEvents, sessionsOf, signIn, signOut } from './shifts.ts';
import { beijing } from '../../../tests/support/station-clock.ts';

const STATION = 'demo-station';
// 2026-12-01 is a Tuesday: Zhao Jianguo is rostered 08:30–12:00 (local time of the test machine).
const local = (day: number, h: number, m = 0) => beijing(2026, 11, day, h, m);

const load = async (db: Awaited<ReturnType<typeof freshDb>>, now: Date) => {
  const station = (await db.settings.toCollection().first())!;
  return { station, sessions: sessionsOf(await recentShiftEvents(db, now), await db.shifts.toArray(), station, now) };
};

describe('signIn and signOut', () => {
  it('ties a sign-in to the roster shift under way and closes it with the member’s sign-out, with a handover note in the same step', async () => {
    const db = await freshDb(local(1, 8));
    const signedIn = await signIn(db, STATION, { volunteer: { memberId: 'zhao-jianguo' }, method: 'pin' }, local(1, 8, 25));
    expect(signedIn).toMatchObject({ type: 'sign-in', memberId: 'zhao-jianguo', shiftId: 'zhao-jianguo-am', method: 'pin' });
    expect(openSessions((await load(db, local(1, 10))).sessions)).toHaveLength(1);

    await signOut(db, STATION, { signInId: signedIn.id, memberId: 'zhao-jianguo', method: 'pin', handover: '  3号楼王奶奶的燃气卡明天来取  ' }, local(1, 12, 5));
    const { sessions } = await load(db, local(1, 13));
    expect(sessions).toMatchObject([{ memberId: 'zhao-jianguo', closedBy: 'member', minutes: 220, flags: [], needsReview: false }]);
    expect((await db.handoverNotes.toArray()).map((n) => n.text)).toEqual(['3号楼王奶奶的燃气卡明天来取']);
    expect((await db.outbox.toArray()).map((e) => e.kind)).toEqual(['shift-event', 'shift-event', 'handover-note']);
  });

  it('signs in a walk-in by name and phone, flagged and without a roster shift', async () => {
    const db = await freshDb(local(1, 8));
    const walkIn = await signIn(db, STATION, { volunteer: { contact: { name: '林阿姨', phone: '13912345678', consentAt: local(1, 9).toISOString() } }, method: 'walk-in' }, local(1, 9));
    expect(walkIn.shiftId).toBeUndefined();
    const [session] = (await load(db, local(1, 10))).sessions;
    expect(session).toMatchObject({ memberId: null, walkInName: '林阿姨', flags: ['walk-in', 'unscheduled', 'open'] });
  });
});

describe('closeForgottenShifts', () => {
  it('closes a forgotten shift once its end and the grace are past, crediting the scheduled end, flagged for review', async () => {
    const db = await freshDb(local(1, 8));
    await signIn(db, STATION, { volunteer: { memberId: 'zhao-jianguo' }, method: 'pin' }, local(1, 8, 30));
    const station = (await db.settings.toCollection().first())!;
    // The policy's grace is an hour after the scheduled end (12:00).
    expect(await closeForgottenShifts(db, STATION, station, local(1, 12, 59))).toBe(0);
    expect(await closeForgottenShifts(db, STATION, station, local(1, 13, 0))).toBe(1);
    const closes = (await db.shiftEvents.toArray()).filter((e) => e.type === 'auto-sign-out');
    expect(closes).toMatchObject([{ method: 'auto', memberId: 'zhao-jianguo', creditedEnd: local(1, 12).toISOString() }]);
    const [session] = (await load(db, local(1, 14))).sessions;
    expect(session).toMatchObject({ closedBy: 'tablet', minutes: 210, needsReview: true });
    expect(session?.flags).toContain('auto-closed');
    // Once closed it stays closed: the next check writes nothing more.
    expect(await closeForgottenShifts(db, STATION, station, local(1, 15))).toBe(0);
  });

  it('credits nothing when the policy says so, and closes an unscheduled sign-in after the policy’s hours', async () => {
    const db = await freshDb(local(1, 8));
    const station = { ...(await db.settings.toCollection().first())!, volunteers: { ...defaultVolunteerPolicy, autoCredit: 'none' as const, unscheduledMaxHours: 4 } };
    const walkIn = await signIn(db, STATION, { volunteer: { memberId: 'wang-xiulan' }, method: 'pin' }, local(1, 9));
    expect(walkIn.shiftId).toBeUndefined();
    expect(await closeForgottenShifts(db, STATION, station, local(1, 12, 59))).toBe(0);
    expect(await closeForgottenShifts(db, STATION, station, local(1, 13))).toBe(1);
    expect((await db.shiftEvents.toArray()).find((e) => e.type === 'auto-sign-out')?.creditedEnd).toBe(local(1, 9).toISOString());
  });

  it('leaves a shift the member signed out of alone, and counts the member’s own sign-out over a later automatic one', async () => {
    const db = await freshDb(local(1, 8));
    const station = (await db.settings.toCollection().first())!;
    const signedIn = await signIn(db, STATION, { volunteer: { memberId: 'zhao-jianguo' }, method: 'pin' }, local(1, 8, 30));
    await signOut(db, STATION, { signInId: signedIn.id, memberId: 'zhao-jianguo', method: 'pin' }, local(1, 11, 30));
    expect(await closeForgottenShifts(db, STATION, station, local(1, 15))).toBe(0);
  });
});
