import { describe, expect, it } from 'vitest';
import { newId } from '../protocol/ids.ts';
import { kioskRecordSchema } from '../protocol/records.ts';
import { shiftEventAfterRetention } from './purge-definition.ts';

const at = '2026-03-02T08:00:00.000Z';

describe('a shift event in the hours ledger after retention', () => {
  it('keeps a walk-in volunteer\'s name and consent for the hours they are credited, and drops the phone and the signature', () => {
    const walkIn = kioskRecordSchema.parse({
      id: newId(), stationId: 's1', at, v: 1, kind: 'shift-event', type: 'sign-in', method: 'walk-in',
      contact: { name: '赵志愿', phone: '13900001111', consentAt: at }, signature: 'M10 20 L30 40',
    });
    const kept = shiftEventAfterRetention(walkIn);
    expect(kept).toEqual({ id: walkIn.id, stationId: 's1', at, v: 1, kind: 'shift-event', type: 'sign-in', method: 'walk-in', contact: { name: '赵志愿', consentAt: at } });
    expect(kioskRecordSchema.safeParse(kept).success).toBe(true);
    expect(JSON.stringify(walkIn)).toContain('13900001111');
  });

  it('keeps nothing of a contact that gave only a phone, and leaves a rostered member\'s sign-out as it was', () => {
    const phoneOnly = { id: newId(), kind: 'shift-event', type: 'sign-in', method: 'walk-in', contact: { phone: '13900001111', consentAt: at } };
    expect(shiftEventAfterRetention(phoneOnly)).not.toHaveProperty('contact');
    const signOut = { id: newId(), kind: 'shift-event', type: 'sign-out', method: 'pin', memberId: 'wang-01', signInId: newId() };
    expect(shiftEventAfterRetention(signOut)).toEqual(signOut);
  });
});
