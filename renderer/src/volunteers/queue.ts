import type { Referral, ReferralEvent } from '@protocol/records.ts';
import { applyReferralEvent, isQueued, type ReferralStatus } from '@protocol/referral-state.ts';

export interface QueueItem {
  referral: Referral;
  status: ReferralStatus;
  /** When it was last called to the desk, and how often. */
  calledAt: string | undefined;
  calls: number;
  /** When it left the queue (done, passed on, not there). */
  closedAt: string | undefined;
  /** Where it was passed on to. */
  passedTo: string | undefined;
}

export interface Queue {
  /** Being served first, then called, then waiting in the order the numbers were given out. */
  active: QueueItem[];
  /** Finished today, the latest first. */
  finished: QueueItem[];
}

const byTime = (a: { at: string; id: string }, b: { at: string; id: string }) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id);
const rank: Record<ReferralStatus, number> = { serving: 0, called: 1, waiting: 2, done: 3, 'passed-on': 3, 'no-show': 3 };

/** The day's queue: each referral folded through the queue's state machine (referral-state.ts). */
export const buildQueue = (referrals: readonly Referral[], events: readonly ReferralEvent[]): Queue => {
  const eventsOf = new Map<string, ReferralEvent[]>();
  for (const event of [...events].sort(byTime)) eventsOf.set(event.referralId, [...(eventsOf.get(event.referralId) ?? []), event]);
  const items = referrals.map((referral): QueueItem => {
    let status: ReferralStatus = 'waiting';
    const item: QueueItem = { referral, status, calledAt: undefined, calls: 0, closedAt: undefined, passedTo: undefined };
    for (const event of eventsOf.get(referral.id) ?? []) {
      const result = applyReferralEvent(status, event.type);
      if (!result.ok) continue;
      status = result.status;
      if (event.type === 'call') {
        item.calledAt = event.at;
        item.calls += 1;
      }
      if (!isQueued(status)) item.closedAt = event.at;
      if (event.type === 'pass-on') item.passedTo = event.note;
    }
    return { ...item, status };
  });
  const active = items
    .filter((item) => isQueued(item.status))
    .sort((a, b) => rank[a.status] - rank[b.status] || byTime(a.referral, b.referral));
  const finished = items.filter((item) => !isQueued(item.status)).sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''));
  return { active, finished };
};

/** Who "call next" calls: the first still waiting, by the order the numbers were given out. */
export const nextToCall = (queue: Queue): QueueItem | undefined => queue.active.find((item) => item.status === 'waiting');
