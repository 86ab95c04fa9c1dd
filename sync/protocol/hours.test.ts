import { describe, expect, it } from 'vitest';
import { defaultVolunteerPolicy, type Shift } from './catalogue.ts';
import { computeSessions, type HoursInput, type ShiftEventInput, totalHours } from './hours.ts';
import { CHINA_UTC_OFFSET_MINUTES } from './roster.ts';

const CN = CHINA_UTC_OFFSET_MINUTES;
const iso = (local: string) => `${local}:00+08:00`;
const ms = (local: string) => Date.parse(iso(local));

const roster: Shift[] = [
  { id: 'li-am', memberId: 'li-ming', weekdays: [1, 2, 3, 4, 5], start: '08:30', end: '12:00', kind: 'regular' },
  { id: 'li-night', memberId: 'li-ming', weekdays: [6], start: '22:00', end: '02:00', kind: 'regular' },
];

let n = 0;
const id = () => `0190c0de-0000-7000-8000-${String((n += 1)).padStart(12, '0')}`;
const signIn = (local: string, extra: Partial<ShiftEventInput> = {}): ShiftEventInput => ({ id: id(), stationId: 'xingfuli-01', at: iso(local), type: 'sign-in', memberId: 'li-ming', ...extra });
const signOut = (of: ShiftEventInput, local: string): ShiftEventInput => ({ id: id(), stationId: of.stationId, at: iso(local), type: 'sign-out', memberId: of.memberId, signInId: of.id });

const hours = (events: ShiftEventInput[], now: string, extra: Partial<HoursInput> = {}) =>
  computeSessions({ events, roster: () => roster, policy: () => defaultVolunteerPolicy, now: ms(now), offsetMinutes: CN, ...extra });

describe('volunteer hours from shift events', () => {
  it('credits a shift from sign-in to sign-out, matched to its scheduled shift', () => {
    const morning = signIn('2026-12-07T08:25', { shiftId: 'li-am' });
    const [session] = hours([morning, signOut(morning, '2026-12-07T12:05')], '2026-12-07T15:00');
    expect(session).toMatchObject({ minutes: 220, closedBy: 'member', flags: [], needsReview: false, scheduled: { start: ms('2026-12-07T08:30'), end: ms('2026-12-07T12:00') } });
  });

  it('counts a shift across midnight once, in the month it began', () => {
    const night = signIn('2026-12-31T21:55', { shiftId: 'li-night' });
    const sessions = hours([night, signOut(night, '2027-01-01T02:10')], '2027-01-01T09:00');
    expect(sessions[0]?.minutes).toBe(255);
    const totals = totalHours(sessions, (s) => s.memberId, 'month', CN);
    expect(totals.get('li-ming')).toEqual([{ period: '2026-12', minutes: 255, pendingMinutes: 0, shifts: 1 }]);
  });

  it('closes a forgotten sign-out at the scheduled end once the grace has passed, flagged for review', () => {
    const morning = signIn('2026-12-07T08:30', { shiftId: 'li-am' });
    expect(hours([morning], '2026-12-07T12:59')[0]).toMatchObject({ end: null, flags: ['open'], minutes: 269 });
    const closed = hours([morning], '2026-12-07T13:00')[0];
    expect(closed).toMatchObject({ end: ms('2026-12-07T12:00'), closedBy: 'centre', minutes: 210, flags: ['auto-closed'], needsReview: true });
    const none = hours([morning], '2026-12-08T09:00', { policy: () => ({ ...defaultVolunteerPolicy, autoCredit: 'none' }) })[0];
    expect(none).toMatchObject({ minutes: 0, flags: ['auto-closed'] });
  });

  it('takes the tablet’s automatic sign-out, and the member’s own sign-out over it when both arrive', () => {
    const morning = signIn('2026-12-07T08:30', { shiftId: 'li-am' });
    const auto: ShiftEventInput = { id: id(), stationId: 'xingfuli-01', at: iso('2026-12-07T13:00'), type: 'auto-sign-out', memberId: 'li-ming', signInId: morning.id, creditedEnd: iso('2026-12-07T12:00') };
    expect(hours([morning, auto], '2026-12-07T14:00')[0]).toMatchObject({ closedBy: 'tablet', minutes: 210, needsReview: true });
    expect(hours([morning, auto, signOut(morning, '2026-12-07T11:40')], '2026-12-07T14:00')[0]).toMatchObject({ closedBy: 'member', minutes: 190, needsReview: false });
  });

  it('closes an unscheduled sign-in after the policy’s hours, crediting nothing without a scheduled end', () => {
    const walkIn = signIn('2026-12-07T09:00', { memberId: undefined, contact: { name: '周大伟' } });
    const [session] = hours([walkIn], '2026-12-07T18:00');
    expect(session).toMatchObject({ memberId: null, walkInName: '周大伟', flags: ['walk-in', 'unscheduled', 'auto-closed'], minutes: 0, needsReview: true });
  });

  it('applies staff corrections and declines without losing the shift', () => {
    const morning = signIn('2026-12-07T08:30', { shiftId: 'li-am' });
    const reviews = [
      { signInId: morning.id, decision: 'decline' as const, reason: '未到岗', at: iso('2026-12-08T09:00') },
      { signInId: morning.id, decision: 'correct' as const, start: iso('2026-12-07T08:30'), end: iso('2026-12-07T11:30'), reason: '忘记签退', at: iso('2026-12-08T10:00') },
    ];
    const [corrected] = hours([morning], '2026-12-09T09:00', { reviews });
    expect(corrected).toMatchObject({ minutes: 180, flags: ['auto-closed', 'corrected'], needsReview: false });
    const [declined] = hours([morning], '2026-12-09T09:00', { reviews: reviews.slice(0, 1) });
    expect(declined).toMatchObject({ minutes: 0, flags: ['auto-closed', 'declined'] });
  });

  it('flags a sign-out stamped before its sign-in (a clock that jumped back) and credits nothing', () => {
    const morning = signIn('2026-12-07T08:30', { shiftId: 'li-am' });
    const [session] = hours([morning, signOut(morning, '2026-12-07T06:00')], '2026-12-07T15:00');
    expect(session).toMatchObject({ minutes: 0, flags: ['ends-before-start'], needsReview: true });
  });

  it('holds a shift signed in or out on a tablet whose clock was off for review, its hours pending', () => {
    const skewed = signIn('2026-12-07T08:25', { shiftId: 'li-am', clockSkewMs: 12 * 3_600_000 });
    const [session] = hours([skewed, signOut(skewed, '2026-12-07T12:05')], '2026-12-07T15:00');
    expect(session).toMatchObject({ minutes: 220, flags: ['clock-skewed'], needsReview: true });
    const morning = signIn('2026-12-07T08:25', { shiftId: 'li-am' });
    const [outSkewed] = hours([morning, { ...signOut(morning, '2026-12-07T12:05'), clockSkewMs: -3_600_000 }], '2026-12-07T15:00');
    expect(outSkewed).toMatchObject({ flags: ['clock-skewed'], needsReview: true });
    expect(totalHours([session!], (s) => s.memberId, 'month', CN).get('li-ming')?.[0]).toMatchObject({ minutes: 0, pendingMinutes: 220 });
  });

  it('ends an open shift at the next sign-in of the same person at the same station', () => {
    const first = signIn('2026-12-07T08:30', { shiftId: 'li-am' });
    const second = signIn('2026-12-07T10:00', { shiftId: 'li-am' });
    const sessions = hours([second, first, signOut(second, '2026-12-07T12:00')], '2026-12-07T15:00');
    expect(sessions.map((s) => [s.minutes, s.flags])).toEqual([[90, ['signed-in-again']], [120, []]]);
  });

  it('totals by unit and year, keeping hours waiting for review apart', () => {
    const a = signIn('2026-11-02T08:30', { shiftId: 'li-am' });
    const b = signIn('2026-12-07T08:30', { shiftId: 'li-am' });
    const sessions = hours([a, signOut(a, '2026-11-02T12:00'), b], '2026-12-08T09:00');
    const byUnit = totalHours(sessions, () => 'heping-clinic', 'year', CN);
    expect(byUnit.get('heping-clinic')).toEqual([{ period: '2026', minutes: 210, pendingMinutes: 210, shifts: 2 }]);
  });
});
