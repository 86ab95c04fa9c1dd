import type { Actor, RequestEventType } from './records.ts';

/**
 * The request loop 群众点单 → 社区派单 → 党员接单: one state machine, run by the kiosk and the server alike.
 * Status is never last-writer-wins: each side appends events and the status is the fold of them in order.
 */
export const requestStatuses = ['submitted', 'dispatched', 'taken', 'done', 'rated', 'cancelled', 'reopened'] as const;
export type RequestStatus = (typeof requestStatuses)[number];

interface Transition {
  from: readonly (RequestStatus | null)[];
  to: RequestStatus;
  by: readonly Actor[];
}

const transitions: Record<RequestEventType, Transition> = {
  submit: { from: [null], to: 'submitted', by: ['resident', 'station'] },
  dispatch: { from: ['submitted', 'reopened'], to: 'dispatched', by: ['centre'] },
  take: { from: ['dispatched'], to: 'taken', by: ['member', 'station', 'centre'] },
  complete: { from: ['taken'], to: 'done', by: ['member', 'station', 'centre'] },
  rate: { from: ['done'], to: 'rated', by: ['resident'] },
  cancel: { from: ['submitted', 'dispatched', 'taken', 'reopened'], to: 'cancelled', by: ['resident', 'centre'] },
  reopen: { from: ['done', 'rated', 'cancelled'], to: 'reopened', by: ['resident', 'centre'] },
};

/** Why a transition was refused: an i18n key under `requestState.` that the kiosk can show. */
export type TransitionRefusal = 'not-yet-submitted' | 'already-submitted' | 'wrong-state' | 'not-allowed-for-actor';

export type TransitionResult =
  | { ok: true; status: RequestStatus }
  | { ok: false; reason: TransitionRefusal; from: RequestStatus | null; event: RequestEventType };

export const applyRequestEvent = (
  status: RequestStatus | null,
  event: { type: RequestEventType; actor: Actor },
): TransitionResult => {
  const rule = transitions[event.type];
  if (!rule.by.includes(event.actor)) return { ok: false, reason: 'not-allowed-for-actor', from: status, event: event.type };
  if (rule.from.includes(status)) return { ok: true, status: rule.to };
  const reason: TransitionRefusal =
    status === null ? 'not-yet-submitted' : event.type === 'submit' ? 'already-submitted' : 'wrong-state';
  return { ok: false, reason, from: status, event: event.type };
};

/** Folds events (already in the server's order) to a status, skipping refused ones and reporting them. */
export const foldRequestEvents = <E extends { type: RequestEventType; actor: Actor }>(
  events: readonly E[],
): { status: RequestStatus | null; refused: { event: E; reason: TransitionRefusal }[] } => {
  let status: RequestStatus | null = null;
  const refused: { event: E; reason: TransitionRefusal }[] = [];
  for (const event of events) {
    const result = applyRequestEvent(status, event);
    if (result.ok) status = result.status;
    else refused.push({ event, reason: result.reason });
  }
  return { status, refused };
};
