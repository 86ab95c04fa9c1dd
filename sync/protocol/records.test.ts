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

  it('makes time-ordered ids', () => {
    const ids = Array.from({ length: 50 }, newId);
    expect([...ids].sort()).toEqual(ids);
  });
});
