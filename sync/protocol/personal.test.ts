import { describe, expect, it } from 'vitest';
import { newId } from './ids.ts';
import { hasPersonalFields, withoutPersonalFields } from './personal.ts';
import { kioskRecordSchema } from './records.ts';

const at = new Date().toISOString();

describe('personal fields', () => {
  it('removes the contact and the bill account, keeps the rest', () => {
    const referral = kioskRecordSchema.parse({
      id: newId(), stationId: 'demo-station', at, v: 1, kind: 'referral', serviceId: 'bills', queueNo: 'A001',
      bill: { utility: 'gas', account: '12345678' }, contact: { name: '王阿姨', phone: '13812345678', consentAt: at },
    });
    expect(hasPersonalFields(referral)).toBe(true);
    const purged = withoutPersonalFields(referral);
    expect(purged).not.toHaveProperty('contact');
    expect(purged).toMatchObject({ kind: 'referral', serviceId: 'bills', queueNo: 'A001', bill: { utility: 'gas' } });
    expect(JSON.stringify(purged)).not.toMatch(/12345678|13812345678|王/);
    expect(hasPersonalFields(purged)).toBe(false);
    expect((referral as { contact?: { phone?: string } }).contact?.phone).toBe('13812345678');
  });

  it('leaves records without personal fields and non-objects untouched', () => {
    const visit = { id: newId(), kind: 'visit', who: 'resident', purpose: 'health' };
    expect(withoutPersonalFields(visit)).toEqual(visit);
    expect(hasPersonalFields(visit)).toBe(false);
    expect(withoutPersonalFields('x')).toBe('x');
    expect(withoutPersonalFields(null)).toBeNull();
  });
});
