import type { Actor, RequestEvent, RequestEventType, RequestTarget } from './records.ts';

/**
 * The request loop 群众点单 → 社区派单 → 党员接单: one state machine, run by the kiosk and the server alike.
 * Status is never last-writer-wins: each side appends events and the status is the fold of them in order.
 *
 * A request born at a station can be taken there by the volunteer on duty without waiting for the centre
 * (take from `submitted`); the centre dispatches the rest to a partner unit or a member. `handover` puts a taken
 * request back for the next shift; `note` records what was done and changes nothing else.
 */
export const requestStatuses = ['submitted', 'dispatched', 'taken', 'done', 'rated', 'cancelled', 'reopened'] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** Every status a request can be in once it exists. */
const anyStatus: readonly RequestStatus[] = requestStatuses;

interface Transition {
  from: readonly (RequestStatus | null)[];
  /** 'same': the event leaves the status as it is. */
  to: RequestStatus | 'same';
  by: readonly Actor[];
}

const transitions: Record<RequestEventType, Transition> = {
  submit: { from: [null], to: 'submitted', by: ['resident', 'station'] },
  // Sending it again (to another unit) is a dispatch too, as long as nobody has taken it.
  dispatch: { from: ['submitted', 'reopened', 'dispatched'], to: 'dispatched', by: ['centre'] },
  take: { from: ['submitted', 'dispatched', 'reopened'], to: 'taken', by: ['member', 'station', 'centre'] },
  complete: { from: ['taken'], to: 'done', by: ['member', 'station', 'centre'] },
  rate: { from: ['done'], to: 'rated', by: ['resident'] },
  cancel: { from: ['submitted', 'dispatched', 'taken', 'reopened'], to: 'cancelled', by: ['resident', 'centre'] },
  reopen: { from: ['done', 'rated', 'cancelled'], to: 'reopened', by: ['resident', 'centre'] },
  handover: { from: ['taken'], to: 'dispatched', by: ['member', 'station', 'centre'] },
  note: { from: anyStatus, to: 'same', by: ['member', 'station', 'centre'] },
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
  if (rule.from.includes(status)) return { ok: true, status: rule.to === 'same' ? (status as RequestStatus) : rule.to };
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

/** Who a request is with: where the centre sent it, and who took it (a member at a kiosk, or a unit). */
export interface RequestAssignment {
  dispatchedTo: RequestTarget | null;
  takenBy: RequestTarget | null;
}

export const unassigned: RequestAssignment = { dispatchedTo: null, takenBy: null };

type AssignmentEvent = Pick<RequestEvent, 'type' | 'memberId' | 'unitId' | 'target'>;

const takerOf = (event: AssignmentEvent): RequestTarget | null => {
  if (event.memberId !== undefined) return { type: 'member', memberId: event.memberId };
  if (event.unitId !== undefined) return { type: 'unit', unitId: event.unitId };
  return null;
};

/**
 * The assignment after an event the state machine accepted. A handover keeps the centre's dispatch (the next
 * shift of the same unit takes it) but frees the taker; a reopen starts over.
 */
export const assignAfter = (before: RequestAssignment, event: AssignmentEvent): RequestAssignment => {
  switch (event.type) {
    case 'dispatch':
      return { dispatchedTo: event.target ?? null, takenBy: null };
    case 'take':
      return { ...before, takenBy: takerOf(event) };
    case 'handover':
      return { ...before, takenBy: null };
    case 'reopen':
      return unassigned;
    default:
      return before;
  }
};

/**
 * The rule beside the state machine: a member finishes or hands over only a request they hold. The server
 * refuses any other (push/plan.ts, as a dead letter with this reason) and the kiosk does not offer it
 * (station-requests.ts checkStep); the centre and a station's own login are not bound by it.
 */
export const holderRefusal = (assignment: RequestAssignment, event: Pick<RequestEvent, 'type' | 'actor' | 'memberId'>): 'not-yours' | null => {
  if (event.actor !== 'member' || (event.type !== 'complete' && event.type !== 'handover')) return null;
  const holder = assignment.takenBy;
  return holder?.type === 'member' && holder.memberId === event.memberId ? null : 'not-yours';
};

/** Status and assignment of a request from its events in order; refused events change neither. */
export const foldRequestView = <E extends AssignmentEvent & { actor: Actor }>(
  events: readonly E[],
): { status: RequestStatus | null; assignment: RequestAssignment; refused: { event: E; reason: TransitionRefusal }[] } => {
  let status: RequestStatus | null = null;
  let assignment = unassigned;
  const refused: { event: E; reason: TransitionRefusal }[] = [];
  for (const event of events) {
    const result = applyRequestEvent(status, event);
    if (!result.ok) {
      refused.push({ event, reason: result.reason });
      continue;
    }
    status = result.status;
    assignment = assignAfter(assignment, event);
  }
  return { status, assignment, refused };
};

/** Requests someone at the station could take now (the volunteer's queue), and those in hand. */
export const isOpenForTaking = (status: RequestStatus | null): boolean => status === 'submitted' || status === 'dispatched' || status === 'reopened';
export const isInHand = (status: RequestStatus | null): boolean => status === 'taken';
