import type { Referral, ReferralEvent } from '@protocol/records.ts';
import { describe, expect, it } from 'vitest';
import { buildQueue, nextToCall } from './queue.ts';

let n = 0;
const id = () => `0190a0a0-0000-7000-8000-${String((n += 1)).padStart(12, '0')}`;
const referral = (queueNo: string, minute: number): Referral => ({
  id: id(),
  stationId: 's',
  at: new Date(Date.UTC(2026, 11, 1, 1, minute)).toISOString(),
  v: 1,
  kind: 'referral',
  serviceId: 'senior-card',
  queueNo,
});
const event = (target: Referral, type: ReferralEvent['type'], minute: number, note?: string): ReferralEvent => ({
  id: id(),
  stationId: 's',
  at: new Date(Date.UTC(2026, 11, 1, 2, minute)).toISOString(),
  v: 1,
  kind: 'referral-event',
  referralId: target.id,
  type,
  ...(note ? { note } : {}),
});

describe('buildQueue', () => {
  const a1 = referral('A001', 0);
  const a2 = referral('A002', 5);
  const a3 = referral('A003', 10);
  const a4 = referral('A004', 15);
  const a5 = referral('A005', 20);

  it('puts the one being served first, then the called, then the waiting by the order numbers were given', () => {
    const queue = buildQueue([a5, a3, a1, a4, a2], [event(a3, 'call', 1), event(a2, 'call', 0), event(a2, 'serve', 2)]);
    expect(queue.active.map((i) => [i.referral.queueNo, i.status])).toEqual([
      ['A002', 'serving'],
      ['A003', 'called'],
      ['A001', 'waiting'],
      ['A004', 'waiting'],
      ['A005', 'waiting'],
    ]);
    expect(nextToCall(queue)?.referral.queueNo).toBe('A001');
  });

  it('moves finished ones out of the way, the latest first, with where a referral was passed on to', () => {
    const queue = buildQueue([a1, a2, a3], [event(a1, 'call', 0), event(a1, 'done', 3), event(a2, 'pass-on', 5, '街道社保窗口'), event(a3, 'call', 1), event(a3, 'call', 4), event(a3, 'no-show', 6)]);
    expect(queue.active).toEqual([]);
    expect(queue.finished.map((i) => [i.referral.queueNo, i.status])).toEqual([
      ['A003', 'no-show'],
      ['A002', 'passed-on'],
      ['A001', 'done'],
    ]);
    expect(queue.finished[0]?.calls).toBe(2);
    expect(queue.finished[1]?.passedTo).toBe('街道社保窗口');
    expect(nextToCall(queue)).toBeUndefined();
  });

  it('ignores a step the queue’s state machine refuses (done before anyone was called)', () => {
    const queue = buildQueue([a1], [event(a1, 'done', 0)]);
    expect(queue.active.map((i) => i.status)).toEqual(['waiting']);
  });
});
