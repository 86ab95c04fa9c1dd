import { describe, expect, it } from 'vitest';
import { applyReferralEvent, foldReferralEvents, isQueued } from './referral-state.ts';

describe('referral queue states', () => {
  it('waits, is called (twice if need be), served and done', () => {
    expect(foldReferralEvents([{ type: 'call' }, { type: 'call' }, { type: 'serve' }, { type: 'done' }])).toBe('done');
  });

  it('passes a resident on to an office, or marks them not there when called', () => {
    expect(foldReferralEvents([{ type: 'pass-on' }])).toBe('passed-on');
    expect(foldReferralEvents([{ type: 'call' }, { type: 'no-show' }])).toBe('no-show');
  });

  it('refuses what does not follow, and keeps the status', () => {
    expect(applyReferralEvent('waiting', 'no-show')).toEqual({ ok: false, reason: 'wrong-state', from: 'waiting' });
    expect(applyReferralEvent('done', 'call')).toEqual({ ok: false, reason: 'wrong-state', from: 'done' });
    expect(foldReferralEvents([{ type: 'done' }, { type: 'call' }])).toBe('called');
  });

  it('keeps waiting, called and serving referrals in the queue', () => {
    expect(['waiting', 'called', 'serving', 'done', 'passed-on', 'no-show'].filter((s) => isQueued(s as never))).toEqual(['waiting', 'called', 'serving']);
  });
});
