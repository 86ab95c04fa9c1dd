import type Database from 'better-sqlite3';
import type { KioskRecord, RequestEvent } from '../../../protocol/records.ts';
import type { RequestStatus } from '../../../protocol/request-state.ts';
import { rollUp } from '../console/count-tables.ts';
import { inboxSql, inboxWhere, sqliteDialect } from '../console/inbox-sql.ts';
import {
  applyEventToIndex,
  emptyPlan,
  type IndexState,
  ingestLookupIds,
  type IngestPlan,
  planIngest,
  stepAudit,
  type ReferralState,
  targetJson,
} from '../console/ingest.ts';
import { type ConsoleRequestRow, toIndexState, toRequestRow } from '../console/rows.ts';
import type { CentreStepContext, ConsoleStorage, RequestChange } from '../console/types.ts';
import type { SqliteConnection } from './connection.ts';
import { writeAudit } from './console-audit.ts';
import { auditEntry } from '../console/audit.ts';

const indexRows = (db: Database.Database, ids: readonly string[]): Map<string, IndexState> =>
  new Map(
    db
      .prepare<[string], ConsoleRequestRow>('SELECT * FROM console_requests WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(ids))
      .map((row) => [row.id, toIndexState(row)] as const),
  );

/** Writes what ingest decided; the caller holds the transaction (the push's, or a centre step's). */
const writePlan = (db: Database.Database, plan: IngestPlan): void => {
  const upsertRequest = db.prepare(
    `INSERT INTO console_requests (id, station_id, number, kind, category, status, submitted_at, updated_at, dispatched_to, dispatched_unit, taken_by, rating, done_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at, dispatched_to = excluded.dispatched_to,
       dispatched_unit = excluded.dispatched_unit, taken_by = excluded.taken_by, rating = excluded.rating, done_at = excluded.done_at`,
  );
  for (const { state } of plan.requests.values()) {
    upsertRequest.run(
      state.id,
      state.stationId,
      state.number,
      state.kind,
      state.category,
      state.status,
      state.submittedAt,
      state.updatedAt,
      targetJson(state.dispatchedTo),
      state.dispatchedUnit,
      targetJson(state.takenBy),
      state.rating,
      state.doneAt,
    );
  }
  const insertEvent = db.prepare(
    'INSERT OR IGNORE INTO console_request_events (id, request_id, at, received_at, source, event, staff_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const event of plan.events) insertEvent.run(event.id, event.requestId, event.at, event.receivedAt, event.source, JSON.stringify(event.event), event.staffId);
  const addCount = db.prepare(
    `INSERT INTO daily_counts (metric, day, station_id, key, count, total) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (metric, day, station_id, key) DO UPDATE SET count = count + excluded.count, total = total + excluded.total`,
  );
  for (const delta of plan.counts.values()) addCount.run(delta.metric, delta.day, delta.stationId, delta.key, delta.count, delta.total);
  const { monthly, totals } = rollUp(plan.counts.values());
  const addMonthly = db.prepare(
    `INSERT INTO monthly_counts (metric, month, station_id, key, count, total) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (metric, month, station_id, key) DO UPDATE SET count = count + excluded.count, total = total + excluded.total`,
  );
  for (const row of monthly) addMonthly.run(row.metric, row.month, row.stationId, row.key, row.count, row.total);
  const addTotal = db.prepare(
    `INSERT INTO daily_totals (metric, day, station_id, count, total) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (metric, day, station_id) DO UPDATE SET count = count + excluded.count, total = total + excluded.total`,
  );
  for (const row of totals) addTotal.run(row.metric, row.day, row.stationId, row.count, row.total);
  const upsertReferral = db.prepare(
    'INSERT INTO console_referrals (id, station_id, service_id, day, outcome) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET outcome = excluded.outcome',
  );
  for (const { state } of plan.referrals.values()) upsertReferral.run(state.id, state.stationId, state.serviceId, state.day, state.outcome);
  const insertShift = db.prepare('INSERT OR IGNORE INTO shift_events (id, station_id, at_ms, payload) VALUES (?, ?, ?, ?)');
  for (const shift of plan.shiftEvents) insertShift.run(shift.id, shift.stationId, shift.atMs, shift.payload);
};

/** The console's part of a push: called by the push inside its transaction, after the records are written. */
export const sqliteConsoleIngest = (db: Database.Database, stationId: string, records: readonly KioskRecord[], now: Date): void => {
  if (records.length === 0) return;
  const { requestIds, referralIds } = ingestLookupIds(records);
  const referrals = new Map(
    db
      .prepare<[string], { id: string; station_id: string; service_id: string; day: string; outcome: string | null }>(
        'SELECT * FROM console_referrals WHERE id IN (SELECT value FROM json_each(?))',
      )
      .all(JSON.stringify(referralIds))
      .map((r): [string, ReferralState] => [r.id, { id: r.id, stationId: r.station_id, serviceId: r.service_id, day: r.day, outcome: r.outcome }]),
  );
  writePlan(db, planIngest(stationId, records, { requests: indexRows(db, requestIds), referrals }, now));
};

/** The console's part of a centre step (inside appendCentreRequestEvent's transaction); the row after it. */
export const sqliteConsoleCentreStep = (db: Database.Database, event: RequestEvent, context: CentreStepContext, now: Date): IndexState | null => {
  const state = indexRows(db, [event.requestId]).get(event.requestId);
  if (!state) return null;
  const plan = emptyPlan();
  const next = applyEventToIndex(plan, state, event, now.getTime(), context.dispatchedUnit);
  plan.requests.set(next.id, { state: next, created: false });
  plan.events.push({ id: event.id, requestId: event.requestId, at: now.toISOString(), receivedAt: now.toISOString(), source: 'centre', event, staffId: context.staffId });
  writePlan(db, plan);
  if (context.audit) writeAudit(db, auditEntry(context.audit, `request.${event.type}`, 'request', event.requestId, stepAudit(state), { ...stepAudit(next), note: event.note ?? null }));
  return next;
};

interface EventRow {
  id: string;
  source: 'kiosk' | 'centre';
  received_at: string;
  event: string;
  staff_id: string | null;
  staff_name: string | null;
  staff_unit_id: string | null;
}

/** The inbox, a request's detail, and the feed of request changes the live stream polls. */
export const sqliteConsoleRequests = ({ db }: SqliteConnection): Pick<
  ConsoleStorage,
  'queryInbox' | 'countRequests' | 'getConsoleRequest' | 'getRequestDetail' | 'requestChangesSince' | 'latestChangeSeq'
> => ({
  async queryInbox(query) {
    const { dialect, args } = sqliteDialect();
    const sql = inboxSql(query, dialect);
    return db.prepare<unknown[], ConsoleRequestRow>(sql).all(...args).map(toRequestRow);
  },

  async countRequests(filter) {
    const { dialect, args } = sqliteDialect();
    const sql = `SELECT count(*) AS n FROM console_requests ${inboxWhere(filter, dialect)}`;
    return db.prepare<unknown[], { n: number }>(sql).get(...args)!.n;
  },

  async getConsoleRequest(id) {
    const row = db.prepare<[string], ConsoleRequestRow>('SELECT * FROM console_requests WHERE id = ?').get(id);
    return row ? toRequestRow(row) : null;
  },

  async getRequestDetail(id) {
    const row = db.prepare<[string], ConsoleRequestRow>('SELECT * FROM console_requests WHERE id = ?').get(id);
    if (!row) return null;
    const record = db.prepare<[string], { payload: string }>('SELECT payload FROM records WHERE id = ?').get(id);
    const events = db
      .prepare<[string], EventRow>(
        `SELECT e.id, e.source, e.received_at, e.event, e.staff_id, s.name AS staff_name, s.unit_id AS staff_unit_id FROM console_request_events e
         LEFT JOIN staff s ON s.id = e.staff_id WHERE e.request_id = ? ORDER BY e.seq`,
      )
      .all(id);
    const projects = db.prepare<[string], { project_id: string }>('SELECT project_id FROM project_requests WHERE request_id = ? ORDER BY project_id').all(id);
    const sameNumber = db
      .prepare<[string, string, string], { id: string }>('SELECT id FROM console_requests WHERE number = ? AND station_id = ? AND id <> ? ORDER BY submitted_at, id')
      .all(row.number, row.station_id, id);
    return {
      request: toRequestRow(row),
      payload: record ? (JSON.parse(record.payload) as Record<string, unknown>) : null,
      timeline: events.map((e) => ({
        id: e.id,
        source: e.source,
        receivedAt: e.received_at,
        event: JSON.parse(e.event) as Record<string, unknown>,
        staff: e.staff_id ? { id: e.staff_id, name: e.staff_name ?? '', unitId: e.staff_unit_id } : null,
      })),
      projectIds: projects.map((p) => p.project_id),
      sameNumber: sameNumber.map((r) => r.id),
    };
  },

  async requestChangesSince(seq, limit) {
    return db
      .prepare<[number, number], { seq: number; id: string; scope: string; value: string }>(
        "SELECT seq, id, scope, value FROM centre_entries WHERE seq > ? AND collection = 'request-status' AND deleted = 0 ORDER BY seq LIMIT ?",
      )
      .all(seq, limit)
      .map((row): RequestChange => {
        const value = JSON.parse(row.value) as { status: RequestStatus | null; at: string };
        return { seq: row.seq, requestId: row.id, stationId: row.scope, status: value.status, at: new Date(value.at).toISOString() };
      });
  },

  async latestChangeSeq() {
    return db.prepare<[], { value: number }>("SELECT value FROM counters WHERE name = 'change_seq'").get()!.value;
  },
});
