import { describe, expect, it } from 'vitest';
import { newId } from './ids.ts';
import { kioskRecordSchema } from './records.ts';

const envelope = () => ({ id: newId(), stationId: 'demo-station', at: new Date().toISOString(), v: 1 as const });

describe('kiosk record schemas', () => {
  it('accepts an anonymous visit and a consented one', () => {
    expect(kioskRecordSchema.safeParse({ ...envelope(), kind: 'visit', who: 'resident', purpose: 'seniors' }).success).toBe(true);
    const consented = { ...envelope(), kind: 'visit', who: 'visitor', purpose: 'health', contact: { phone: '13812345678', consentAt: new Date().toISOString() } };
    expect(kioskRecordSchema.safeParse(consented).success).toBe(true);
  });

  it('refuses a contact without consent time or without any field', () => {
    const base = { ...envelope(), kind: 'visit', who: 'resident', purpose: 'health' };
    expect(kioskRecordSchema.safeParse({ ...base, contact: { phone: '13812345678' } }).success).toBe(false);
    expect(kioskRecordSchema.safeParse({ ...base, contact: { consentAt: new Date().toISOString() } }).success).toBe(false);
  });

  it('refuses ids that are not UUIDv7, unknown kinds and extra schema versions', () => {
    expect(kioskRecordSchema.safeParse({ ...envelope(), id: crypto.randomUUID(), kind: 'visit', who: 'resident', purpose: 'x' }).success).toBe(false);
    expect(kioskRecordSchema.safeParse({ ...envelope(), kind: 'party', who: 'resident', purpose: 'x' }).success).toBe(false);
    expect(kioskRecordSchema.safeParse({ ...envelope(), v: 99, kind: 'visit', who: 'resident', purpose: 'x' }).success).toBe(false);
  });

  it('validates a bill referral account and queue number', () => {
    const referral = { ...envelope(), kind: 'referral', serviceId: 'bills', queueNo: 'A007', bill: { utility: 'water', account: '1234567' } };
    expect(kioskRecordSchema.safeParse(referral).success).toBe(true);
    expect(kioskRecordSchema.safeParse({ ...referral, queueNo: '7' }).success).toBe(false);
    expect(kioskRecordSchema.safeParse({ ...referral, bill: { utility: 'water', account: '12' } }).success).toBe(false);
  });

  it('takes a rostered member’s sign-in, or a consented walk-in’s, and a sign-out that names its sign-in', () => {
    const signIn = { ...envelope(), kind: 'shift-event', type: 'sign-in', memberId: 'li-ming', method: 'pin', shiftId: 'li-am' };
    expect(kioskRecordSchema.safeParse(signIn).success).toBe(true);
    const walkIn = { ...envelope(), kind: 'shift-event', type: 'sign-in', method: 'walk-in', contact: { name: '周大伟', phone: '13812345678', consentAt: new Date().toISOString() } };
    expect(kioskRecordSchema.safeParse(walkIn).success).toBe(true);
    expect(kioskRecordSchema.safeParse({ ...walkIn, memberId: 'li-ming' }).success).toBe(false);
    expect(kioskRecordSchema.safeParse({ ...signIn, memberId: undefined }).success).toBe(false);
    const signOut = { ...envelope(), kind: 'shift-event', type: 'sign-out', memberId: 'li-ming', method: 'pin', signInId: signIn.id };
    expect(kioskRecordSchema.safeParse(signOut).success).toBe(true);
    expect(kioskRecordSchema.safeParse({ ...signOut, signInId: undefined }).success).toBe(false);
    expect(kioskRecordSchema.safeParse({ ...signOut, type: 'auto-sign-out', method: 'auto' }).success).toBe(false);
    expect(kioskRecordSchema.safeParse({ ...signOut, type: 'auto-sign-out', method: 'auto', creditedEnd: new Date().toISOString() }).success).toBe(true);
  });

  it('keeps a signature to SVG path data, so nothing in it can run', () => {
    const signIn = { ...envelope(), kind: 'shift-event', type: 'sign-in', memberId: 'li-ming', method: 'pin' };
    expect(kioskRecordSchema.safeParse({ ...signIn, signature: 'M10 20 L30 40 Q50 60 70 80' }).success).toBe(true);
    expect(kioskRecordSchema.safeParse({ ...signIn, signature: '<script>alert(1)</script>' }).success).toBe(false);
  });

  it('takes the queue’s referral events, contact reveals and handover notes', () => {
    expect(kioskRecordSchema.safeParse({ ...envelope(), kind: 'referral-event', referralId: newId(), type: 'call', memberId: 'li-ming' }).success).toBe(true);
    expect(kioskRecordSchema.safeParse({ ...envelope(), kind: 'referral-event', referralId: newId(), type: 'shout' }).success).toBe(false);
    expect(kioskRecordSchema.safeParse({ ...envelope(), kind: 'contact-reveal', memberId: 'li-ming', subject: { kind: 'request', id: newId() } }).success).toBe(true);
    expect(kioskRecordSchema.safeParse({ ...envelope(), kind: 'handover-note', memberId: 'li-ming', text: '3号楼王阿姨的水费明天再来' }).success).toBe(true);
    expect(kioskRecordSchema.safeParse({ ...envelope(), kind: 'handover-note', memberId: 'li-ming', text: '  ' }).success).toBe(false);
  });

  it('carries who took or was sent a request', () => {
    const take = { ...envelope(), kind: 'request-event', requestId: newId(), type: 'take', actor: 'member', memberId: 'li-ming' };
    expect(kioskRecordSchema.safeParse(take).success).toBe(true);
    const dispatch = { ...take, type: 'dispatch', actor: 'centre', memberId: undefined, target: { type: 'unit', unitId: 'water-company' } };
    expect(kioskRecordSchema.safeParse(dispatch).success).toBe(true);
    expect(kioskRecordSchema.safeParse({ ...dispatch, target: { type: 'team', id: 'x' } }).success).toBe(false);
  });

  it('makes time-ordered ids', () => {
    const ids = Array.from({ length: 50 }, newId);
    expect([...ids].sort()).toEqual(ids);
  });
});
