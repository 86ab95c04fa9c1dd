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

  it('counts free text as personal: request text, event notes, feedback comments and handover notes go with the contact', () => {
    // What residents type is where they write names, addresses and illnesses, consent or not.
    const base = { stationId: 'demo-station', at, v: 1 };
    const request = kioskRecordSchema.parse({
      ...base, id: newId(), kind: 'request', requestKind: 'complaint', category: 'repairs', phrases: ['leak'], number: '0302001',
      text: '3号楼2单元501 李秀英，独居，腿脚不便，厨房漏水',
    });
    const note = kioskRecordSchema.parse({ ...base, id: newId(), kind: 'request-event', requestId: request.id, type: 'cancel', actor: 'resident', note: '李秀英已搬去女儿家' });
    const feedback = kioskRecordSchema.parse({ ...base, id: newId(), kind: 'feedback', rating: 2, comment: '志愿者王建国态度不好，电话13912345678' });
    const handover = kioskRecordSchema.parse({ ...base, id: newId(), kind: 'handover-note', memberId: 'wang-01', text: '501 李秀英明早要人陪去医院' });
    for (const record of [request, note, feedback, handover]) {
      expect(hasPersonalFields(record), record.kind).toBe(true);
      const purged = withoutPersonalFields(record);
      // Whole names and numbers: parts of them (139, 501) also turn up inside the records' random ids now and then.
      expect(JSON.stringify(purged), record.kind).not.toMatch(/李秀英|王建国|13912345678|单元501/);
      expect(hasPersonalFields(purged), record.kind).toBe(false);
    }
    // Where the text was optional, what is left is still a record the district can count.
    for (const record of [request, note, feedback]) expect(kioskRecordSchema.safeParse(withoutPersonalFields(record)).success, record.kind).toBe(true);
    expect(withoutPersonalFields(request)).toMatchObject({ kind: 'request', requestKind: 'complaint', category: 'repairs', phrases: ['leak'], number: '0302001' });
    expect(withoutPersonalFields(note)).toMatchObject({ kind: 'request-event', type: 'cancel', actor: 'resident' });
    expect(withoutPersonalFields(feedback)).toMatchObject({ kind: 'feedback', rating: 2 });
  });

  it('counts a drawn signature on a shift sign-in as personal, and keeps a sign-in the district can count', () => {
    const signIn = kioskRecordSchema.parse({
      stationId: 'demo-station', at, v: 1, id: newId(), kind: 'shift-event', type: 'sign-in', method: 'pin', memberId: 'wang-01', signature: 'M10 20 L30 40',
    });
    expect(hasPersonalFields(signIn)).toBe(true);
    const purged = withoutPersonalFields(signIn);
    expect(purged).not.toHaveProperty('signature');
    expect(kioskRecordSchema.safeParse(purged).success).toBe(true);
    expect(purged).toMatchObject({ kind: 'shift-event', type: 'sign-in', memberId: 'wang-01' });
  });
});
