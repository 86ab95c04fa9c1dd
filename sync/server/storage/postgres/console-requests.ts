import type { KioskRecord, RequestEvent } from '../../../protocol/records.ts';
import type { RequestStatus } from '../../../protocol/request-state.ts';
import { rollUp } from '../console/count-tables.ts';
import { inboxSql, inboxWhere, postgresDialect } from '../console/inbox-sql.ts';
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
import { type ConsoleRequestRow, isoOf, toIndexState, toRequestRow } from '../console/rows.ts';
import type { CentreStepContext, ConsoleStorage, RequestChange } from '../console/types.ts';
import type { Client, PostgresConnection } from './connection.ts';
import { writeAudit } from './console-audit.ts';
import { auditEntry } from '../console/audit.ts';

const indexRows = async (client: Client, ids: readonly string[]): Promise<Map<string, IndexState>> => {
  if (ids.length === 0) return new Map();
  const { rows } = await client.query<ConsoleRequestRow>('SELECT * FROM console_requests WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE', [ids]);
  return new Map(rows.map((row) => [row.id, toIndexState(row)] as const));
};

/** Writes what ingest decided, a statement per table; the caller holds the transaction (the push's, or a centre step's). */
const writePlan = async (client: Client, plan: IngestPlan): Promise<void> => {
  const requests = [...plan.requests.values()].map((r) => r.state);
  if (requests.length > 0) {
    await client.query(
      `INSERT INTO console_requests (id, station_id, number, kind, category, status, submitted_at, updated_at, dispatched_to, dispatched_unit, taken_by, rating, done_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[], $9::text[], $10::text[], $11::text[], $12::int[], $13::timestamptz[])
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at, dispatched_to = excluded.dispatched_to,
         dispatched_unit = excluded.dispatched_unit, taken_by = excluded.taken_by, rating = excluded.rating, done_at = excluded.done_at`,
      [
        requests.map((r) => r.id),
        requests.map((r) => r.stationId),
        requests.map((r) => r.number),
        requests.map((r) => r.kind),
        requests.map((r) => r.category),
        requests.map((r) => r.status),
        requests.map((r) => r.submittedAt),
        requests.map((r) => r.updatedAt),
        requests.map((r) => targetJson(r.dispatchedTo)),
        requests.map((r) => r.dispatchedUnit),
        requests.map((r) => targetJson(r.takenBy)),
        requests.map((r) => r.rating),
        requests.map((r) => r.doneAt),
      ],
    );
  }
  // One row at a time, in order: their serial numbers are the server's order of the request's events.
  for (const event of plan.events) {
    await client.query('INSERT INTO console_request_events (id, request_id, at, received_at, source, event, staff_id) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING', [
      event.id,
      event.requestId,
      event.at,
      event.receivedAt,
      event.source,
      JSON.stringify(event.event),
      event.staffId,
    ]);
  }
  // Sorted by key: two pushes adding to the same counters take their row locks in the same order (no deadlock).
  const counts = [...plan.counts.values()].sort((a, b) => `${a.metric}|${a.day}|${a.stationId}|${a.key}`.localeCompare(`${b.metric}|${b.day}|${b.stationId}|${b.key}`));
  if (counts.length > 0) {
    await client.query(
      `INSERT INTO daily_counts (metric, day, station_id, key, count, total)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[])
       ON CONFLICT (metric, day, station_id, key) DO UPDATE SET count = daily_counts.count + excluded.count, total = daily_counts.total + excluded.total`,
      [counts.map((c) => c.metric), counts.map((c) => c.day), counts.map((c) => c.stationId), counts.map((c) => c.key), counts.map((c) => c.count), counts.map((c) => c.total)],
    );
    const { monthly, totals } = rollUp(counts);
    await client.query(
      `INSERT INTO monthly_counts (metric, month, station_id, key, count, total)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[])
       ON CONFLICT (metric, month, station_id, key) DO UPDATE SET count = monthly_counts.count + excluded.count, total = monthly_counts.total + excluded.total`,
      [monthly.map((c) => c.metric), monthly.map((c) => c.month), monthly.map((c) => c.stationId), monthly.map((c) => c.key), monthly.map((c) => c.count), monthly.map((c) => c.total)],
    );
    await client.query(
      `INSERT INTO daily_totals (metric, day, station_id, count, total)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[])
       ON CONFLICT (metric, day, station_id) DO UPDATE SET count = daily_totals.count + excluded.count, total = daily_totals.total + excluded.total`,
      [totals.map((c) => c.metric), totals.map((c) => c.day), totals.map((c) => c.stationId), totals.map((c) => c.count), totals.map((c) => c.total)],
    );
  }
  const referrals = [...plan.referrals.values()].map((r) => r.state);
  if (referrals.length > 0) {
    await client.query(
      `INSERT INTO console_referrals (id, station_id, service_id, day, outcome) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
       ON CONFLICT (id) DO UPDATE SET outcome = excluded.outcome`,
      [referrals.map((r) => r.id), referrals.map((r) => r.stationId), referrals.map((r) => r.serviceId), referrals.map((r) => r.day), referrals.map((r) => r.outcome)],
    );
  }
  if (plan.shiftEvents.length > 0) {
    const shifts = plan.shiftEvents;
    await client.query(
      'INSERT INTO shift_events (id, station_id, at_ms, payload) SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[]) ON CONFLICT (id) DO NOTHING',
      [shifts.map((s) => s.id), shifts.map((s) => s.stationId), shifts.map((s) => s.atMs), shifts.map((s) => s.payload)],
    );
  }
};

/** The console's part of a push: called by the push inside its transaction, after the records are written. */
export const postgresConsoleIngest = async (client: Client, stationId: string, records: readonly KioskRecord[], now: Date): Promise<void> => {
  if (records.length === 0) return;
  const { requestIds, referralIds } = ingestLookupIds(records);
  const referrals = new Map<string, ReferralState>();
  if (referralIds.length > 0) {
    const { rows } = await client.query<{ id: string; station_id: string; service_id: string; day: string; outcome: string | null }>(
      'SELECT * FROM console_referrals WHERE id = ANY($1::text[])',
      [referralIds],
    );
    for (const r of rows) referrals.set(r.id, { id: r.id, stationId: r.station_id, serviceId: r.service_id, day: r.day, outcome: r.outcome });
  }
  await writePlan(client, planIngest(stationId, records, { requests: await indexRows(client, requestIds), referrals }, now));
};

/** The console's part of a centre step (inside appendCentreRequestEvent's transaction); the row after it. */
export const postgresConsoleCentreStep = async (client: Client, event: RequestEvent, context: CentreStepContext, now: Date): Promise<IndexState | null> => {
  const state = (await indexRows(client, [event.requestId])).get(event.requestId);
  if (!state) return null;
  const plan = emptyPlan();
  const next = applyEventToIndex(plan, state, event, now.getTime(), context.dispatchedUnit);
  plan.requests.set(next.id, { state: next, created: false });
  plan.events.push({ id: event.id, requestId: event.requestId, at: now.toISOString(), receivedAt: now.toISOString(), source: 'centre', event, staffId: context.staffId });
  await writePlan(client, plan);
  if (context.audit) await writeAudit(client, auditEntry(context.audit, `request.${event.type}`, 'request', event.requestId, stepAudit(state), { ...stepAudit(next), note: event.note ?? null }));
  return next;
};

/** The inbox, a request's detail, and the feed of request changes the live stream polls. */
export const postgresConsoleRequests = ({ pool }: PostgresConnection): Pick<
  ConsoleStorage,
  'queryInbox' | 'countRequests' | 'getConsoleRequest' | 'getRequestDetail' | 'requestChangesSince' | 'latestChangeSeq'
> => ({
  async queryInbox(query) {
    const { dialect, args } = postgresDialect();
    const sql = inboxSql(query, dialect);
    return (await pool.query<ConsoleRequestRow>(sql, args)).rows.map(toRequestRow);
  },

  async countRequests(filter) {
    const { dialect, args } = postgresDialect();
    const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM console_requests ${inboxWhere(filter, dialect)}`, args);
    return Number(rows[0]!.n);
  },

  async getConsoleRequest(id) {
    const row = (await pool.query<ConsoleRequestRow>('SELECT * FROM console_requests WHERE id = $1', [id])).rows[0];
    return row ? toRequestRow(row) : null;
  },

  async getRequestDetail(id) {
    const row = (await pool.query<ConsoleRequestRow>('SELECT * FROM console_requests WHERE id = $1', [id])).rows[0];
    if (!row) return null;
    const record = (await pool.query<{ payload: string }>('SELECT payload FROM records WHERE id = $1', [id])).rows[0];
    const events = await pool.query<{ id: string; source: 'kiosk' | 'centre'; received_at: Date; event: string; staff_id: string | null; staff_name: string | null; staff_unit_id: string | null }>(
      `SELECT e.id, e.source, e.received_at, e.event, e.staff_id, s.name AS staff_name, s.unit_id AS staff_unit_id FROM console_request_events e
       LEFT JOIN staff s ON s.id = e.staff_id WHERE e.request_id = $1 ORDER BY e.seq`,
      [id],
    );
    const projects = await pool.query<{ project_id: string }>('SELECT project_id FROM project_requests WHERE request_id = $1 ORDER BY project_id', [id]);
    const sameNumber = await pool.query<{ id: string }>(
      'SELECT id FROM console_requests WHERE number = $1 AND station_id = $2 AND id <> $3 ORDER BY submitted_at, id',
      [row.number, row.station_id, id],
    );
    return {
      request: toRequestRow(row),
      payload: record ? (JSON.parse(record.payload) as Record<string, unknown>) : null,
      timeline: events.rows.map((e) => ({
        id: e.id,
        source: e.source,
        receivedAt: isoOf(e.received_at),
        event: JSON.parse(e.event) as Record<string, unknown>,
        staff: e.staff_id ? { id: e.staff_id, name: e.staff_name ?? '', unitId: e.staff_unit_id } : null,
      })),
      projectIds: projects.rows.map((p) => p.project_id),
      sameNumber: sameNumber.rows.map((r) => r.id),
    };
  },

  async requestChangesSince(seq, limit) {
    const { rows } = await pool.query<{ seq: string; id: string; scope: string; value: string }>(
      "SELECT seq, id, scope, value FROM centre_entries WHERE seq > $1 AND collection = 'request-status' AND NOT deleted ORDER BY seq LIMIT $2",
      [seq, limit],
    );
    return rows.map((row): RequestChange => {
      const value = JSON.parse(row.value) as { status: RequestStatus | null; at: string };
      return { seq: Number(row.seq), requestId: row.id, stationId: row.scope, status: value.status, at: new Date(value.at).toISOString() };
    });
  },

  async latestChangeSeq() {
    return Number((await pool.query<{ value: string }>("SELECT value FROM counters WHERE name = 'change_seq'")).rows[0]!.value);
  },
});
