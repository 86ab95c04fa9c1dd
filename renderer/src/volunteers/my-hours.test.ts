import { describe, expect, it } from 'vitest';
import { freshDb } from '../../../tests/support/render-screen.tsx';
import { myHours } from './my-hours.ts';
import { signIn, signOut } from './shifts.ts';
import { beijing } from '../../../tests/support/station-clock.ts';
import { stationDay } from './station-time.ts';

const STATION = 'demo-station';

describe('myHours', () => {
  it('adds up this month and year from the member’s own shifts, saying what waits for review and what has not reached the centre', async () => {
    const db = await freshDb(new Date(2026, 11, 1));
    const shift = async (day: number, fromH: number, toH: number | null, month = 11) => {
      const s = await signIn(db, STATION, { volunteer: { memberId: 'zhao-jianguo' }, method: 'pin' }, beijing(2026, month, day, fromH));
      if (toH !== null) await signOut(db, STATION, { signInId: s.id, memberId: 'zhao-jianguo', method: 'pin' }, beijing(2026, month, day, toH));
      return s;
    };
    await shift(3, 8, 12, 10); // November: counts for the year only
    await shift(1, 8, 11); // 3 h
    await shift(3, 9, null); // forgotten: the policy credits it up to the shift's end, 12:00, and flags it
    await db.meta.put({ key: 'outbox.pushedSeq', value: 4 }); // the centre has the first two shifts
    const unsynced = new Set((await db.outbox.where('seq').above(4).toArray()).map((e) => e.id));
    const events = await db.shiftEvents.where('memberId').equals('zhao-jianguo').toArray();
    const hours = myHours({ events, shifts: await db.shifts.toArray(), station: (await db.settings.toCollection().first())!, unsyncedIds: unsynced }, beijing(2026, 11, 10));
    expect(hours.month).toEqual({ period: '2026-12', minutes: 180, pendingMinutes: 180, unsyncedMinutes: 180, shifts: 2 });
    expect(hours.year).toEqual({ period: '2026', minutes: 420, pendingMinutes: 180, unsyncedMinutes: 180, shifts: 3 });
    expect(hours.sessions.map((s) => [Number(stationDay(new Date(s.start)).slice(8)), s.synced, s.needsReview])).toEqual([
      [3, false, true],
      [1, true, false],
    ]);
  });
});
