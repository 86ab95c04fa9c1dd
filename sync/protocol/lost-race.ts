import type { AckDeadLetter } from './wire.ts';

/**
 * A refusal that is an ordinary outcome, not a fault: a volunteer's step on a request (take, finish, hand over)
 * reached the centre after another tablet or the centre had moved the request on, so the centre's state machine
 * refused it as coming from the wrong state (issue 9's designed race), or as a finish or handover of a request
 * another member holds (request-state.ts holderRefusal: the step followed a take that lost). The volunteer is told
 * on the request itself, from the status the tablet pulls; no technician has anything to do. Every other refusal (another
 * reason, another detail, a resident's step, a record that is not a request event) is a fault someone must look
 * at, and keeps the kiosk from saying it is in sync.
 */
export const isLostRace = (deadLetter: Pick<AckDeadLetter, 'reason' | 'detail'>, record: unknown): boolean =>
  deadLetter.reason === 'illegal-transition' &&
  (deadLetter.detail === 'wrong-state' || deadLetter.detail === 'not-yours') &&
  typeof record === 'object' &&
  record !== null &&
  (record as { kind?: unknown }).kind === 'request-event' &&
  (record as { actor?: unknown }).actor === 'member';
