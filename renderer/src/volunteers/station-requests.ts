import type { RequestStatusEntry } from '@protocol/centre.ts';
import type { RequestEvent, ResidentRequest } from '@protocol/records.ts';
import { applyRequestEvent, assignAfter, foldRequestView, holderRefusal, type RequestAssignment, type RequestStatus, type TransitionRefusal, unassigned } from '@protocol/request-state.ts';
import type { DeadLetterRow } from '../store/db.ts';

/** One of this tablet's own steps the server refused (it lost a race): what it tried, why, and who has it now. */
export interface RefusedStep {
  event: RequestEvent;
  reason: TransitionRefusal | string;
}

export interface RequestView {
  request: ResidentRequest;
  status: RequestStatus | null;
  assignment: RequestAssignment;
  /** Notes and handovers, oldest first. */
  notes: RequestEvent[];
  refused: RefusedStep[];
  /** The time of the latest step. */
  lastAt: string;
}

const byTime = (a: { at: string; id: string }, b: { at: string; id: string }) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id);

/**
 * A request as the volunteer sees it. The server's status (pulled `request-status`) is the truth once there: it
 * ordered every tablet's and the centre's events. This tablet's steps the server's status cannot reflect yet
 * (`unreflected`: still in the outbox, or pushed since the last pull; store/outbox.ts) are applied on top with
 * the same state machine. They are picked by the outbox, never by comparing times: the server's status carries
 * the centre's clock and the steps the tablet's, which may be off by minutes. A step the server dead-lettered is
 * shown as refused, never applied. Without a server status, the local events are folded in time order.
 */
export const requestView = (
  request: ResidentRequest,
  events: readonly RequestEvent[],
  server: RequestStatusEntry | undefined,
  deadLetters: ReadonlyMap<string, DeadLetterRow>,
  unreflected: ReadonlySet<string>,
): RequestView => {
  const ordered = [...events].sort(byTime);
  const refusedIds = new Set(ordered.filter((e) => deadLetters.has(e.id)).map((e) => e.id));
  const live = ordered.filter((e) => !refusedIds.has(e.id));
  let status: RequestStatus | null;
  let assignment: RequestAssignment;
  if (server) {
    status = server.status;
    assignment = { dispatchedTo: server.dispatchedTo ?? null, takenBy: server.takenBy ?? null };
    for (const event of live.filter((e) => unreflected.has(e.id))) {
      const result = applyRequestEvent(status, event);
      if (!result.ok) continue;
      status = result.status;
      assignment = assignAfter(assignment, event);
    }
  } else {
    const folded = foldRequestView(live);
    status = folded.status;
    assignment = folded.assignment;
  }
  return {
    request,
    status,
    assignment: assignment ?? unassigned,
    notes: live.filter((e) => (e.type === 'note' || e.type === 'handover' || e.type === 'complete') && e.note),
    refused: ordered.filter((e) => refusedIds.has(e.id)).map((event) => ({ event, reason: deadLetters.get(event.id)?.detail ?? 'wrong-state' })),
    lastAt: [request.at, ...live.map((e) => e.at), ...(server ? [server.at] : [])].sort().at(-1) ?? request.at,
  };
};

/** Open ones first (not yet taken, then in hand), each group the oldest first; finished ones last, newest first. */
export const orderRequests = (views: readonly RequestView[]): RequestView[] => {
  const group = (view: RequestView) => (view.status === 'taken' ? 1 : view.status === 'done' || view.status === 'rated' || view.status === 'cancelled' ? 2 : 0);
  return [...views].sort((a, b) => group(a) - group(b) || (group(a) === 2 ? b.lastAt.localeCompare(a.lastAt) : a.request.at.localeCompare(b.request.at)));
};

export type MemberStep = 'take' | 'note' | 'complete' | 'handover';
export type StepCheck = { ok: true } | { ok: false; reason: TransitionRefusal | 'taken-by-other' | 'not-yours' };

/**
 * Whether the signed-in member may take this step now: the shared state machine first (its refusal, as the server
 * would give it), then the shared rule that only the one who holds a request finishes or hands it over (the server
 * enforces it too), and nobody takes a request someone else holds.
 */
export const checkStep = (view: Pick<RequestView, 'status' | 'assignment'>, step: MemberStep, memberId: string): StepCheck => {
  const holder = view.assignment.takenBy;
  const mine = holder?.type === 'member' && holder.memberId === memberId;
  if (step === 'take' && holder && !mine && view.status === 'taken') return { ok: false, reason: 'taken-by-other' };
  const result = applyRequestEvent(view.status, { type: step, actor: 'member' });
  if (!result.ok) return { ok: false, reason: result.reason };
  const notHolder = holderRefusal(view.assignment, { type: step, actor: 'member', memberId });
  if (notHolder) return { ok: false, reason: notHolder };
  return { ok: true };
};
