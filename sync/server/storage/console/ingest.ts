import type { doneBuckets } from '../../../protocol/console/reports.ts';
import type { KioskRecord, RequestEvent, RequestTarget } from '../../../protocol/records.ts';
import { applyRequestEvent, assignAfter } from '../../../protocol/request-state.ts';
import { CHINA_UTC_OFFSET_MINUTES, dayKeyAt } from '../../../protocol/roster.ts';
import type { RequestRow } from './types.ts';

/**
 * What arriving records and centre steps add to the console's views and report counters, decided without
 * touching storage: storage loads the rows a batch names, hands them in, and writes the result in the same
 * transaction as the records (push) or the step (a centre event). So reports read counters, never a year of rows.
 */

/** The console's row of a request. */
export type IndexState = RequestRow;

export interface ReferralState {
  id: string;
  stationId: string;
  serviceId: string;
  day: string;
  outcome: string | null;
}

export interface CountDelta {
  metric: string;
  day: string;
  stationId: string;
  key: string;
  count: number;
  total: number;
}

export interface EventRow {
  id: string;
  requestId: string;
  at: string;
  receivedAt: string;
  source: 'kiosk' | 'centre';
  event: RequestEvent;
  staffId: string | null;
}

export interface IngestPlan {
  /** Final rows of the requests the batch created or moved; `created` ones are inserted. */
  requests: Map<string, { state: IndexState; created: boolean }>;
  events: EventRow[];
  counts: Map<string, CountDelta>;
  referrals: Map<string, { state: ReferralState; created: boolean }>;
  shiftEvents: { id: string; stationId: string; atMs: number; payload: string }[];
}

export const emptyPlan = (): IngestPlan => ({ requests: new Map(), events: [], counts: new Map(), referrals: new Map(), shiftEvents: [] });

export const localDay = (instant: number): string => dayKeyAt(instant, CHINA_UTC_OFFSET_MINUTES);
const iso = (text: string): string => new Date(Date.parse(text)).toISOString();

/** `count` is -1 for a record that takes an earlier one back (an amenity tap undone). */
export const addCount = (plan: IngestPlan, metric: string, day: string, stationId: string, key: string, total = 0, count = 1): void => {
  const id = `${metric}\u0000${day}\u0000${stationId}\u0000${key}`;
  const delta = plan.counts.get(id) ?? { metric, day, stationId, key, count: 0, total: 0 };
  delta.count += count;
  delta.total += total;
  plan.counts.set(id, delta);
};

const HOUR_MS = 3_600_000;
export const doneBucket = (ms: number): (typeof doneBuckets)[number] =>
  ms < 24 * HOUR_MS ? 'under-1d' : ms < 72 * HOUR_MS ? 'under-3d' : ms < 168 * HOUR_MS ? 'under-7d' : 'over-7d';

/**
 * One accepted request event applied to the console's row: status (the shared machine), who has it
 * (assignAfter), rating, done time, and the counters of a request done or rated. `at` is when it happened.
 */
export const applyEventToIndex = (
  plan: IngestPlan,
  state: IndexState,
  event: Pick<RequestEvent, 'type' | 'actor' | 'rating' | 'memberId' | 'unitId' | 'target'>,
  at: number,
  dispatchedUnit?: string | null,
): IndexState => {
  const result = applyRequestEvent(state.status, event);
  if (!result.ok) return state;
  const assignment = assignAfter({ dispatchedTo: state.dispatchedTo, takenBy: state.takenBy }, event);
  const next: IndexState = { ...state, status: result.status, dispatchedTo: assignment.dispatchedTo, takenBy: assignment.takenBy, updatedAt: new Date(at).toISOString() };
  if (event.type === 'dispatch') next.dispatchedUnit = dispatchedUnit ?? (event.target?.type === 'unit' ? event.target.unitId : null);
  if (event.type === 'reopen') {
    next.dispatchedUnit = null;
    next.doneAt = null;
    next.rating = null;
  }
  if (event.type === 'submit') addCount(plan, 'request-submitted', localDay(Date.parse(state.submittedAt)), state.stationId, state.kind);
  if (result.status === 'done' && state.status !== 'done') {
    next.doneAt = new Date(at).toISOString();
    const took = Math.max(0, at - Date.parse(state.submittedAt));
    addCount(plan, 'request-done', localDay(at), state.stationId, state.kind, Math.round(took / 60_000));
    addCount(plan, 'request-done-bucket', localDay(at), state.stationId, `${state.kind}:${doneBucket(took)}`);
  }
  if (event.type === 'rate' && event.rating !== undefined) {
    next.rating = event.rating;
    addCount(plan, 'request-rated', localDay(at), state.stationId, state.kind, event.rating);
  }
  return next;
};

export interface IngestLookups {
  /** Console rows of the requests the batch's events name. */
  requests: ReadonlyMap<string, IndexState>;
  /** Referrals the batch's referral events name. */
  referrals: ReadonlyMap<string, ReferralState>;
}

const referralOutcome = { done: 'done', 'pass-on': 'passed-on', 'no-show': 'no-show' } as const;

/** The console's part of a push: every record the planner stored, in seq order. */
export const planIngest = (stationId: string, records: readonly KioskRecord[], lookups: IngestLookups, receivedAt: Date): IngestPlan => {
  const plan = emptyPlan();
  const received = receivedAt.toISOString();
  const requestOf = (id: string): IndexState | undefined => plan.requests.get(id)?.state ?? lookups.requests.get(id);
  const referralOf = (id: string): ReferralState | undefined => plan.referrals.get(id)?.state ?? lookups.referrals.get(id);

  for (const record of records) {
    const at = Date.parse(record.at);
    const day = localDay(at);
    switch (record.kind) {
      case 'visit':
        addCount(plan, 'visit', day, stationId, record.purpose);
        addCount(plan, 'visit-who', day, stationId, record.who);
        break;
      case 'referral':
        addCount(plan, 'referral', day, stationId, record.serviceId);
        if (record.bill) addCount(plan, 'bill', day, stationId, record.bill.utility);
        plan.referrals.set(record.id, { state: { id: record.id, stationId, serviceId: record.serviceId, day, outcome: null }, created: true });
        break;
      case 'referral-event': {
        const outcome = record.type in referralOutcome ? referralOutcome[record.type as keyof typeof referralOutcome] : null;
        const referral = referralOf(record.referralId);
        if (!outcome || !referral || referral.outcome !== null) break;
        addCount(plan, 'referral-outcome', referral.day, referral.stationId, `${referral.serviceId}:${outcome}`);
        plan.referrals.set(referral.id, { state: { ...referral, outcome }, created: plan.referrals.get(referral.id)?.created ?? false });
        break;
      }
      case 'amenity-use':
        // A tap taken back and the record taking it back count as none, as on the kiosk (records.ts): the undo
        // names a tap of the same amenity and action, given within seconds, so it takes one off that counter
        // without loading the tap, even when the two arrive in different pushes.
        addCount(plan, 'amenity', day, stationId, `${record.amenityId}:${record.action}`, 0, record.undoes ? -1 : 1);
        break;
      case 'feedback':
        addCount(plan, 'feedback', day, stationId, '', record.rating);
        break;
      case 'shift-event':
        plan.shiftEvents.push({ id: record.id, stationId, atMs: at, payload: JSON.stringify(record) });
        break;
      case 'request':
        plan.requests.set(record.id, {
          created: true,
          state: {
            id: record.id,
            stationId,
            number: record.number,
            kind: record.requestKind,
            category: record.category,
            status: null,
            submittedAt: iso(record.at),
            updatedAt: received,
            dispatchedTo: null,
            takenBy: null,
            dispatchedUnit: null,
            rating: null,
            doneAt: null,
          },
        });
        break;
      case 'request-event': {
        const state = requestOf(record.requestId);
        if (!state) break;
        plan.requests.set(record.requestId, { state: applyEventToIndex(plan, state, record, at), created: plan.requests.get(record.requestId)?.created ?? false });
        plan.events.push({ id: record.id, requestId: record.requestId, at: iso(record.at), receivedAt: received, source: 'kiosk', event: record, staffId: null });
        break;
      }
      default:
        break;
    }
  }
  return plan;
};

/** Ids a batch's records name that ingest needs rows for. */
export const ingestLookupIds = (records: readonly KioskRecord[]): { requestIds: string[]; referralIds: string[] } => ({
  requestIds: [...new Set(records.flatMap((r) => (r.kind === 'request-event' ? [r.requestId] : [])))],
  referralIds: [...new Set(records.flatMap((r) => (r.kind === 'referral-event' ? [r.referralId] : [])))],
});

export const targetJson = (target: RequestTarget | null): string | null => (target ? JSON.stringify(target) : null);
export const parseTarget = (text: string | null): RequestTarget | null => (text ? (JSON.parse(text) as RequestTarget) : null);

/** What the audit log keeps of a request step: who had it and where it stood, before and after. */
export const stepAudit = (state: IndexState) => ({ status: state.status, dispatchedTo: state.dispatchedTo, takenBy: state.takenBy });
