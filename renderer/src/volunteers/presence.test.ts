import { describe, expect, it } from 'vitest';
import { freshDb } from '../../../tests/support/render-screen.tsx';
import { presenceAt } from './presence.ts';
import { openSessions, recentShiftEvents, sessionsOf, signIn } from './shifts.ts';
import { beijing } from '../../../tests/support/station-clock.ts';

const STATION = 'demo-station';
const local = (h: number, m = 0) => beijing(2026, 11, 1, h, m); // a Tuesday: Huang Li and Zhao Jianguo 08:30–12:00

const presence = async (prepare: (db: Awaited<ReturnType<typeof freshDb>>) => Promise<unknown>, now: Date) => {
  const db = await freshDb(now);
  await prepare(db);
  const [station, shifts, members, units] = await Promise.all([db.settings.toCollection().first(), db.shifts.toArray(), db.members.toArray(), db.units.toArray()]);
  const open = openSessions(sessionsOf(await recentShiftEvents(db, now), shifts, station!, now));
  return presenceAt({ shifts, members, units, open, lateAfterMinutes: 15 }, now);
};
const names = (list: { member: { name: string } }[]) => list.map((p) => p.member.name);

describe('presenceAt', () => {
  it('lists who signed in as here, and a rostered member not here only once the grace is over', async () => {
    const signZhao = (db: Awaited<ReturnType<typeof freshDb>>) => signIn(db, STATION, { volunteer: { memberId: 'zhao-jianguo' }, method: 'pin' }, local(8, 20));
    const early = await presence(signZhao, local(8, 40));
    expect(early.here.map((p) => [p.member?.name, p.unscheduled])).toEqual([['赵建国', false]]);
    expect(early.missing).toEqual([]);
    expect(names(early.later)).toEqual(['黄莉', '陈静', '马骏', '孙磊', '唐文杰']);

    const late = await presence(signZhao, local(8, 45));
    expect(names(late.missing)).toEqual(['黄莉']);
    expect(names(late.later)).toEqual(['陈静', '马骏', '孙磊', '唐文杰']);
  });

  it('shows people signed in without a shift as here, flagged, and a walk-in by the name given', async () => {
    const result = await presence(async (db) => {
      await signIn(db, STATION, { volunteer: { memberId: 'wang-xiulan' }, method: 'pin' }, local(9));
      await signIn(db, STATION, { volunteer: { contact: { name: '林阿姨', phone: '13912345678', consentAt: local(9, 5).toISOString() } }, method: 'walk-in' }, local(9, 5));
    }, local(10));
    expect(result.here.map((p) => [p.member?.name ?? p.walkInName, p.unscheduled])).toEqual([
      ['王秀兰', true],
      ['林阿姨', true],
    ]);
    expect(names(result.missing)).toEqual(['黄莉', '赵建国']);
  });

  it('no longer counts someone whose shift the policy closed', async () => {
    const result = await presence((db) => signIn(db, STATION, { volunteer: { memberId: 'zhao-jianguo' }, method: 'pin' }, local(8, 30)), local(13, 1));
    expect(result.here).toEqual([]);
  });
});
