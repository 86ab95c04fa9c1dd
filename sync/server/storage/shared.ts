import { type CentreCollection, type CentreItem, requestStatusSchema } from '../../protocol/centre.ts';
import { type RequestAssignment, unassigned } from '../../protocol/request-state.ts';
import { RECORD_SCHEMA_VERSION, type RequestEvent } from '../../protocol/records.ts';
import type { Change } from '../../protocol/wire.ts';
import { recordDigest } from '../push/digest.ts';
import type { RequestStatus } from '../../protocol/request-state.ts';
import type { CentreRequestEvent, FoundRequest, KnownRecord, StatusChange } from './types.ts';

/** Helpers both storage engines share, so the two stay the same where they can. */

export interface EntryRow {
  collection: string;
  id: string;
  value: string | null;
  deleted: boolean;
  seq: number;
}

export const toChange = (row: EntryRow): Change =>
  row.deleted
    ? { seq: String(row.seq), collection: row.collection as CentreCollection, op: 'delete', id: row.id }
    : ({ seq: String(row.seq), collection: row.collection as CentreCollection, op: 'put', id: row.id, value: JSON.parse(row.value ?? 'null') as unknown } as Change);

export interface PlannedWrite {
  collection: CentreCollection;
  id: string;
  /** null: a tombstone. */
  value: string | null;
}

/**
 * What a publish writes: every new or changed item, and a tombstone for every live item of a listed collection
 * that the publish no longer has. Unchanged items keep their seq, so pulls do not churn.
 */
export const planPublish = (
  collections: Partial<Record<CentreCollection, CentreItem[]>>,
  existing: ReadonlyMap<string, { value: string | null; deleted: boolean }>,
): { writes: PlannedWrite[]; put: number; deleted: number; unchanged: number } => {
  const writes: PlannedWrite[] = [];
  let put = 0;
  let unchanged = 0;
  let deleted = 0;
  const seen = new Set<string>();
  for (const [collection, items] of Object.entries(collections) as [CentreCollection, CentreItem[]][]) {
    for (const item of items) {
      const key = entryKey(collection, item.id);
      if (seen.has(key)) throw new Error(`duplicate id ${item.id} in ${collection}`);
      seen.add(key);
      const value = JSON.stringify(item.value);
      const before = existing.get(key);
      if (before && !before.deleted && before.value === value) unchanged += 1;
      else {
        writes.push({ collection, id: item.id, value });
        put += 1;
      }
    }
  }
  for (const [key, before] of existing) {
    if (before.deleted || seen.has(key)) continue;
    const [collection, id] = splitKey(key);
    if (!(collection in collections)) continue;
    writes.push({ collection, id, value: null });
    deleted += 1;
  }
  return { writes, put, deleted, unchanged };
};

export const entryKey = (collection: string, id: string): string => `${collection}\u0000${id}`;
const splitKey = (key: string): [CentreCollection, string] => {
  const at = key.indexOf('\u0000');
  return [key.slice(0, at) as CentreCollection, key.slice(at + 1)];
};

/** A centre request event as the record the kiosk pulls: the same shape as a kiosk-born request event. */
export const centreEventRecord = (event: CentreRequestEvent, stationId: string, now: Date): RequestEvent => ({
  id: event.id,
  stationId,
  at: now.toISOString(),
  v: RECORD_SCHEMA_VERSION,
  kind: 'request-event',
  requestId: event.requestId,
  type: event.type,
  actor: event.actor,
  ...(event.note !== undefined ? { note: event.note } : {}),
  ...(event.memberId !== undefined ? { memberId: event.memberId } : {}),
  ...(event.unitId !== undefined ? { unitId: event.unitId } : {}),
  ...(event.target !== undefined ? { target: event.target } : {}),
});

export const statusValue = (change: StatusChange, stationId: string) => ({
  requestId: change.requestId,
  stationId,
  status: change.status,
  event: change.event,
  at: change.at,
  dispatchedTo: change.assignment.dispatchedTo,
  takenBy: change.assignment.takenBy,
});

/**
 * Who a request is with, as its published status says (the value of its 'request-status' entry): the server's
 * memory of the assignment between events, so neither engine needs a column for it. Nobody, for a status
 * published before assignments were, or none at all.
 */
export const assignmentOf = (statusJson: string | null | undefined): RequestAssignment => {
  if (!statusJson) return unassigned;
  const parsed = requestStatusSchema.safeParse(JSON.parse(statusJson));
  return parsed.success ? { dispatchedTo: parsed.data.dispatchedTo ?? null, takenBy: parsed.data.takenBy ?? null } : unassigned;
};

export const json = (value: unknown): string => JSON.stringify(value ?? null);
export const parseJson = (text: string | null): unknown => (text === null ? null : (JSON.parse(text) as unknown));

/**
 * A stored record as a push sees it. Records stored before fingerprints were kept have none: theirs is computed
 * from the payload while it is whole (the engines select it only then); after a purge it cannot be, and a
 * record pushed again under such an id counts as the same (as it always did).
 */
export const knownRecord = (row: { station_id: string; digest: string | null; payload: string | null }): KnownRecord => ({
  stationId: row.station_id,
  digest: row.digest ?? (row.payload === null ? null : recordDigest(JSON.parse(row.payload))),
});

/** The SQL both engines use to read what a push needs of the records it names (see knownRecord). */
export const KNOWN_RECORD_COLUMNS = 'id, station_id, digest, CASE WHEN digest IS NULL AND personal_purged_at IS NULL THEN payload END AS payload';

/** What both engines select for a found request: the request row and its record (for kind, category, time). */
export const FOUND_REQUEST_COLUMNS = 'r.id, r.station_id, r.number, r.status, rec.at, rec.payload';

export const toFoundRequest = (row: { id: string; station_id: string; number: string | null; status: RequestStatus | null; at: string; payload: string }): FoundRequest => {
  const { requestKind, category } = JSON.parse(row.payload) as { requestKind: string; category: string };
  return { id: row.id, stationId: row.station_id, number: row.number, status: row.status, at: row.at, requestKind, category };
};

/**
 * When a heartbeat was sent, on the server's clock: the tablet's sentAt less the offset it measured at its last
 * sync, and never after the server received it (a tablet's clock can say anything). Null while the tablet has not
 * measured its clock. Storage keeps a station's heartbeat only from a later send, so a late or repeated delivery
 * of an older one does not bring back what it said (records waiting, an error long fixed).
 */
export const heartbeatSentMs = (beat: { sentAt: string; clockOffsetMs: number | null; receivedAt: Date }): number | null =>
  beat.clockOffsetMs === null ? null : Math.min(Date.parse(beat.sentAt) - beat.clockOffsetMs, beat.receivedAt.getTime());
