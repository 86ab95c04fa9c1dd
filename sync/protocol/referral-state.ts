import type { ReferralEventType } from './records.ts';

/**
 * A referral in the station's queue: the resident holds a number (A003) and waits; a volunteer calls it to the
 * desk (again, if need be), serves, and finishes it, passes it on to an office, or marks the resident not there.
 * Referrals are born and worked at one station, so only the kiosk folds these events; the centre counts outcomes.
 */
export const referralStatuses = ['waiting', 'called', 'serving', 'done', 'passed-on', 'no-show'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

const transitions: Record<ReferralEventType, { from: readonly ReferralStatus[]; to: ReferralStatus }> = {
  call: { from: ['waiting', 'called'], to: 'called' },
  serve: { from: ['waiting', 'called'], to: 'serving' },
  done: { from: ['called', 'serving'], to: 'done' },
  'pass-on': { from: ['waiting', 'called', 'serving'], to: 'passed-on' },
  'no-show': { from: ['called'], to: 'no-show' },
};

export type ReferralTransition = { ok: true; status: ReferralStatus } | { ok: false; reason: 'wrong-state'; from: ReferralStatus };

export const applyReferralEvent = (status: ReferralStatus, type: ReferralEventType): ReferralTransition => {
  const rule = transitions[type];
  return rule.from.includes(status) ? { ok: true, status: rule.to } : { ok: false, reason: 'wrong-state', from: status };
};

/** The status after these events in order (a refused one changes nothing); every referral starts waiting. */
export const foldReferralEvents = (events: readonly { type: ReferralEventType }[]): ReferralStatus => {
  let status: ReferralStatus = 'waiting';
  for (const event of events) {
    const result = applyReferralEvent(status, event.type);
    if (result.ok) status = result.status;
  }
  return status;
};

/** Still in the queue: nobody has finished with it. */
export const isQueued = (status: ReferralStatus): boolean => status === 'waiting' || status === 'called' || status === 'serving';
