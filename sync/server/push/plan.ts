import type { z } from 'zod';
import { kioskRecordSchema } from '../../protocol/records.ts';
import { applyRequestEvent, assignAfter, holderRefusal, type RequestAssignment, type RequestStatus, unassigned } from '../../protocol/request-state.ts';
import { acceptedVersions, checkVersion, recordSchemaWindow, type SchemaWindow, upgradeRecord, versionOf } from '../../protocol/upgrade.ts';
import type { DeadLetterReason, PushEntry } from '../../protocol/wire.ts';
import type { KnownRecord, NewDeadLetter, NewRecord, NewRequest, PushPlan, PushSnapshot, StatusChange } from '../storage/types.ts';
import { boundedPayload } from './dead-letter-payload.ts';
import { recordDigest } from './digest.ts';

/**
 * What a push does, decided without touching storage (storage hands in a snapshot and writes the plan in the
 * same transaction). The rule, per (station, epoch), as Replicache does with lastMutationID:
 *
 *   seq ≤ applied        already applied: skipped, but its record must be on the server (else: diverged)
 *   seq = applied + 1    applied: stored, recognised as a duplicate by id, or dead-lettered with a reason
 *   seq > applied + 1    a gap: stop; the answer's appliedSeq tells the client where to resend from
 *
 * A dead-lettered entry counts as applied, so a record that can never be accepted does not block the outbox:
 * one whose own `v` is outside the accepted window (only the client's schemaVersion refuses a whole push), one
 * that fails the schema, names another station, reuses another station's id or this station's id with other
 * content, or moves a request where the state machine does not allow (or finishes or hands over one another member
 * holds: request-state.ts holderRefusal).
 */
export interface PlanInput {
  stationId: string;
  /** In strictly increasing seq order (the wire schema guarantees it). */
  entries: readonly PushEntry[];
  window?: SchemaWindow;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const shortString = (value: unknown, max: number): string | null =>
  typeof value === 'string' && value.length > 0 && value.length <= max ? value : null;

/** The record id an entry claims, if it claims a plausible one. */
export const claimedId = (record: unknown): string | null => (isObject(record) ? shortString(record.id, 128) : null);
export const claimedRequestId = (record: unknown): string | null =>
  isObject(record) && record.kind === 'request-event' ? shortString(record.requestId, 128) : null;

const describeIssues = (error: z.ZodError): string =>
  error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`)
    .join('; ')
    .slice(0, 500);

export const planPush = (input: PlanInput, snapshot: PushSnapshot): PushPlan => {
  const { stationId } = input;
  const window = input.window ?? recordSchemaWindow;
  const { min, max } = acceptedVersions(window);
  let applied = snapshot.appliedSeq;
  const known = new Map<string, KnownRecord>(snapshot.known);
  const requests = new Map<string, { stationId: string; status: RequestStatus | null; assignment: RequestAssignment }>();
  for (const [id, request] of snapshot.requests) requests.set(id, { ...request, assignment: request.assignment ?? unassigned });
  const records: NewRecord[] = [];
  const deadLetters: NewDeadLetter[] = [];
  const newRequests: NewRequest[] = [];
  const statusChanges = new Map<string, StatusChange>();
  const diverged: number[] = [];

  for (const entry of input.entries) {
    if (entry.seq <= applied) {
      // A replay (a lost acknowledgement, a retried request). It is harmless if what the server applied at this
      // seq is this very record, or a dead letter. If the server holds nothing of it, the client's log is not the
      // one the server applied (a restored tablet reusing its epoch): skipping would lose the record.
      if (snapshot.deadLetters.has(entry.seq)) continue;
      const id = claimedId(entry.record);
      if (id !== null && known.has(id)) continue;
      diverged.push(entry.seq);
      continue;
    }
    if (entry.seq !== applied + 1) break;
    applied = entry.seq;

    const raw = entry.record;
    const dead = (reason: DeadLetterReason, detail: string | null) =>
      deadLetters.push({
        seq: entry.seq,
        recordId: claimedId(raw),
        kind: isObject(raw) ? shortString(raw.kind, 64) : null,
        reason,
        detail,
        payload: boundedPayload(raw ?? null),
      });

    const version = versionOf(raw);
    const check = version === null ? 'ok' : checkVersion(version, window);
    if (check !== 'ok') {
      dead(check === 'too-old' ? 'schema-too-old' : 'schema-too-new', `v${version}; this server accepts v${min} to v${max}`);
      continue;
    }
    const parsed = kioskRecordSchema.safeParse(upgradeRecord(raw, window));
    if (!parsed.success) {
      dead('invalid-record', describeIssues(parsed.error));
      continue;
    }
    const record = parsed.data;
    if (record.stationId !== stationId) {
      dead('wrong-station', `record of ${record.stationId.slice(0, 64)}`);
      continue;
    }
    const digest = recordDigest(record);
    const stored = known.get(record.id);
    if (stored !== undefined) {
      // Idempotent by id: the same record is already here (an earlier epoch, or earlier in this batch). Another
      // station's id, or this station's id with other content, is kept aside with both versions readable.
      if (stored.stationId !== stationId) dead('id-conflict', null);
      else if (stored.digest !== null && stored.digest !== digest) dead('content-conflict', 'another version is stored under this id');
      continue;
    }
    if (record.kind === 'request-event') {
      // The centre's own events come from the centre, never through a station's token.
      if (record.actor === 'centre') {
        dead('illegal-transition', 'not-allowed-for-actor');
        continue;
      }
      const request = requests.get(record.requestId);
      if (!request || request.stationId !== stationId) {
        dead('unknown-request', null);
        continue;
      }
      const result = applyRequestEvent(request.status, record);
      if (!result.ok) {
        dead('illegal-transition', result.reason);
        continue;
      }
      const notHolder = holderRefusal(request.assignment, record);
      if (notHolder) {
        dead('illegal-transition', notHolder);
        continue;
      }
      request.status = result.status;
      request.assignment = assignAfter(request.assignment, record);
      statusChanges.delete(record.requestId);
      statusChanges.set(record.requestId, { requestId: record.requestId, status: result.status, event: record.type, at: record.at, assignment: request.assignment });
    }
    if (record.kind === 'request') {
      requests.set(record.id, { stationId, status: null, assignment: unassigned });
      newRequests.push({ id: record.id, number: record.number });
    }
    known.set(record.id, { stationId, digest });
    records.push({ id: record.id, seq: entry.seq, kind: record.kind, v: version ?? record.v, at: record.at, payload: record, digest });
  }

  if (diverged.length > 0) return { kind: 'diverged', seqs: diverged };
  return { kind: 'apply', appliedSeq: applied, records, deadLetters, newRequests, statusChanges: [...statusChanges.values()] };
};
