import { describe, expect, it } from 'vitest';
import { newId } from '../../protocol/ids.ts';
import type { SchemaWindow } from '../../protocol/upgrade.ts';
import type { PushSnapshot } from '../storage/types.ts';
import { entries, requestEvent, residentRequest, visit } from '../testing/fixtures.ts';
import { planPush } from './plan.ts';

const S = 'plan-station';
const empty = (appliedSeq = 0): PushSnapshot => ({ appliedSeq, known: new Map(), requests: new Map(), deadLetters: new Map() });

describe('the push plan (pure)', () => {
  it('applies from appliedSeq + 1 and stops at the first gap', () => {
    const records = [visit(S), visit(S), visit(S)];
    const batch = [...entries(records.slice(0, 2), 1), ...entries(records.slice(2), 4)];
    const plan = planPush({ stationId: S, entries: batch }, empty());
    expect(plan).toMatchObject({ kind: 'apply', appliedSeq: 2 });
    if (plan.kind === 'apply') expect(plan.records.map((r) => r.seq)).toEqual([1, 2]);
  });

  it('applies nothing when the batch starts beyond appliedSeq + 1', () => {
    const plan = planPush({ stationId: S, entries: entries([visit(S)], 7) }, empty(5));
    expect(plan).toMatchObject({ kind: 'apply', appliedSeq: 5, records: [], deadLetters: [] });
  });

  it('skips what was applied when the server holds it, and calls it divergence when it does not', () => {
    const [a, b] = [visit(S), visit(S)];
    const known: PushSnapshot = { ...empty(2), known: new Map([[a.id, { stationId: S, digest: null }], [b.id, { stationId: S, digest: null }]]) };
    expect(planPush({ stationId: S, entries: entries([a, b]) }, known)).toMatchObject({ kind: 'apply', appliedSeq: 2, records: [] });
    expect(planPush({ stationId: S, entries: entries([a, visit(S)]) }, known)).toEqual({ kind: 'diverged', seqs: [2] });
    const deadAt1: PushSnapshot = { ...empty(1), deadLetters: new Map([[1, { seq: 1, id: null, reason: 'invalid-record', detail: null }]]) };
    expect(planPush({ stationId: S, entries: entries(['junk']) }, deadAt1)).toMatchObject({ kind: 'apply', appliedSeq: 1 });
  });

  it('treats a record id seen earlier in the batch as a duplicate, not a second record', () => {
    const a = visit(S);
    const plan = planPush({ stationId: S, entries: entries([a, a]) }, empty());
    expect(plan).toMatchObject({ kind: 'apply', appliedSeq: 2, deadLetters: [] });
    if (plan.kind === 'apply') expect(plan.records).toHaveLength(1);
  });

  it('keeps the last status per request, in order, and the submit of a request made in the same batch', () => {
    const request = residentRequest(S);
    const plan = planPush(
      { stationId: S, entries: entries([request, requestEvent(S, request.id, 'submit'), requestEvent(S, request.id, 'cancel')]) },
      empty(),
    );
    expect(plan).toMatchObject({ kind: 'apply', newRequests: [{ id: request.id, number: request.number }], statusChanges: [{ requestId: request.id, status: 'cancelled', event: 'cancel' }] });
  });

  it('refuses the centre as an actor from a station, and events for requests it does not own', () => {
    const theirs = newId();
    const snapshot: PushSnapshot = { ...empty(), requests: new Map([[theirs, { stationId: 'elsewhere', status: 'submitted' }]]) };
    const plan = planPush({ stationId: S, entries: entries([requestEvent(S, theirs, 'cancel'), requestEvent(S, theirs, 'dispatch', 'centre')]) }, snapshot);
    expect(plan.kind === 'apply' && plan.deadLetters.map((d) => [d.reason, d.detail])).toEqual([
      ['unknown-request', null],
      ['illegal-transition', 'not-allowed-for-actor'],
    ]);
  });

  it('upgrades a previous-version record through the window before validating it', () => {
    // A made-up v0 → v1 upgrader: v0 called the visitor type `visitor_type`.
    const window: SchemaWindow = { current: 1, upgraders: { 0: ({ visitor_type, ...rest }) => ({ ...rest, who: visitor_type }) } };
    const { who, ...old } = visit(S);
    const plan = planPush({ stationId: S, entries: entries([{ ...old, v: 0, visitor_type: who }]), window }, empty());
    expect(plan).toMatchObject({ kind: 'apply', appliedSeq: 1, deadLetters: [], records: [{ v: 0, payload: { who: 'resident', v: 1 } }] });
  });

  it('dead-letters a record outside the schema window with its reason and goes on with the next', () => {
    const window: SchemaWindow = { current: 1, upgraders: { 0: (record) => record } };
    const plan = planPush({ stationId: S, entries: entries([{ ...visit(S), v: -1 }, { ...visit(S), v: 2 }, { ...visit(S), v: 0 }]), window }, empty());
    expect(plan).toMatchObject({ kind: 'apply', appliedSeq: 3, records: [{ seq: 3 }] });
    expect(plan.kind === 'apply' && plan.deadLetters.map((d) => [d.seq, d.reason, d.detail])).toEqual([
      [1, 'schema-too-old', 'v-1; this server accepts v0 to v1'],
      [2, 'schema-too-new', 'v2; this server accepts v0 to v1'],
    ]);
  });

  it('tells a duplicate from a conflict by the stored fingerprint, whatever order the fields come in', () => {
    const a = visit(S);
    const { id, ...rest } = a;
    const reordered = { ...Object.fromEntries(Object.entries(rest).reverse()), id };
    const first = planPush({ stationId: S, entries: entries([a]) }, empty());
    const digest = first.kind === 'apply' ? first.records[0]!.digest : '';
    const stored: PushSnapshot = { ...empty(), known: new Map([[a.id, { stationId: S, digest }]]) };
    expect(planPush({ stationId: S, entries: entries([reordered]) }, stored)).toMatchObject({ records: [], deadLetters: [] });
    expect(planPush({ stationId: S, entries: entries([{ ...a, purpose: 'legal' }]) }, stored)).toMatchObject({
      records: [],
      deadLetters: [{ seq: 1, recordId: a.id, reason: 'content-conflict', payload: { ...a, purpose: 'legal' } }],
    });
  });

  it('describes why a record is invalid, briefly', () => {
    const plan = planPush({ stationId: S, entries: entries([{ ...visit(S), id: 'not-a-uuid', who: 'alien' }]) }, empty());
    expect(plan.kind === 'apply' && plan.deadLetters[0]).toMatchObject({ reason: 'invalid-record', recordId: 'not-a-uuid', kind: 'visit', detail: expect.stringMatching(/id: .*; who: /) });
  });
});
