import type { RequestSummary } from '@protocol/console/dispatch.ts';
import type { StaffRole } from '@protocol/console/session.ts';
import { applyRequestEvent } from '@protocol/request-state.ts';

/**
 * The steps a staff member can take on a request now: what the shared state machine allows the centre from the
 * request's status, narrowed by role. A partner-unit lead takes, completes, hands back and notes requests
 * dispatched to their unit; staff do every step. The server decides again (a station may have moved first) and
 * says why if it refuses.
 */
export const staffSteps = ['dispatch', 'take', 'complete', 'handover', 'cancel', 'reopen', 'note'] as const;
export type StaffStep = (typeof staffSteps)[number];

const leadSteps: readonly StaffStep[] = ['take', 'complete', 'handover', 'note'];

/** Steps whose note is required (why it was handed back, cancelled, reopened; the note itself). */
export const noteRequired: Record<StaffStep, boolean> = {
  dispatch: false,
  take: false,
  complete: false,
  handover: true,
  cancel: true,
  reopen: true,
  note: true,
};

export const availableSteps = (request: Pick<RequestSummary, 'status' | 'dispatchedTo' | 'takenBy'>, role: StaffRole): StaffStep[] => {
  const allowed = staffSteps.filter((step) => applyRequestEvent(request.status, { type: step, actor: 'centre' }).ok);
  if (role.kind !== 'unit-lead') return allowed;
  const ours = (target: RequestSummary['dispatchedTo']) => target?.type === 'unit' && target.unitId === role.unitId;
  return allowed.filter((step) => {
    if (!leadSteps.includes(step)) return false;
    if (step === 'take') return ours(request.dispatchedTo);
    if (step === 'complete' || step === 'handover') return ours(request.takenBy);
    return ours(request.dispatchedTo) || ours(request.takenBy);
  });
};
