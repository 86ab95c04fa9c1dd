import { describe, expect, it } from 'vitest';
import { isLostRace } from './lost-race.ts';

const take = { kind: 'request-event', requestId: 'r1', type: 'take', actor: 'member', memberId: 'wang-xiulan' };
const race = { reason: 'illegal-transition', detail: 'wrong-state' } as const;

describe('isLostRace', () => {
  it('takes a volunteer’s step the centre refused as coming from the wrong state for a lost race', () => {
    expect(isLostRace(race, take)).toBe(true);
    expect(isLostRace(race, { ...take, type: 'complete' })).toBe(true);
  });

  it('takes a finish or handover of a request another member holds for one too: it followed a take that lost', () => {
    expect(isLostRace({ reason: 'illegal-transition', detail: 'not-yours' }, { ...take, type: 'complete' })).toBe(true);
    expect(isLostRace({ reason: 'illegal-transition', detail: 'not-yours' }, { ...take, type: 'handover' })).toBe(true);
  });

  it('keeps every other refusal a fault: another reason or detail, a resident’s step, another record, none at hand', () => {
    expect(isLostRace({ reason: 'wrong-station', detail: null }, take)).toBe(false);
    expect(isLostRace({ reason: 'illegal-transition', detail: 'not-allowed-for-actor' }, take)).toBe(false);
    expect(isLostRace({ reason: 'illegal-transition', detail: 'not-yet-submitted' }, take)).toBe(false);
    expect(isLostRace(race, { ...take, type: 'cancel', actor: 'resident' })).toBe(false);
    expect(isLostRace(race, { kind: 'referral-event', actor: 'member' })).toBe(false);
    expect(isLostRace(race, undefined)).toBe(false);
    expect(isLostRace(race, null)).toBe(false);
  });
});
