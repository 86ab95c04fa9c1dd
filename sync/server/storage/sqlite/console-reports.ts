import type { ShiftEventInput } from '../../../protocol/hours.ts';
import { auditEntry } from '../console/audit.ts';
import type { ConsoleStorage, CountRow, HoursReviewRow } from '../console/types.ts';
import type { SqliteConnection } from './connection.ts';
import { writeAudit } from './console-audit.ts';

interface ReviewRow {
  sign_in_id: string;
  station_id: string;
  decision: HoursReviewRow['decision'];
  start_at: string | null;
  end_at: string | null;
  reason: string;
  at: string;
  staff_id: string | null;
  staff_name: string | null;
}
const toReview = (row: ReviewRow): HoursReviewRow => ({
  signInId: row.sign_in_id,
  stationId: row.station_id,
  decision: row.decision,
  start: row.start_at,
  end: row.end_at,
  reason: row.reason,
  at: row.at,
  staff: row.staff_id ? { id: row.staff_id, name: row.staff_name ?? '' } : null,
});
const REVIEW_SELECT = 'SELECT r.*, s.name AS staff_name FROM hours_reviews r LEFT JOIN staff s ON s.id = r.staff_id';

const COLUMN = { day: 'day', station: 'station_id', key: 'key' } as const;

/** `AND <column> IN (the @stations list)`, or nothing for every station (so no OR keeps SQLite off its indexes). */
export const stationsClause = (column: string, stationIds: readonly string[] | null): string =>
  stationIds === null ? '' : `AND ${column} IN (SELECT value FROM json_each(@stations))`;

/** What reports read: the daily counters, shift events by time, reviews of hours, the per-visit log. */
export const sqliteConsoleReports = ({ db }: SqliteConnection): Pick<
  ConsoleStorage,
  'sumCounts' | 'shiftEventsBetween' | 'getShiftSignIn' | 'hoursReviews' | 'addHoursReview' | 'visitLog'
> => ({
  async sumCounts({ metrics, stationIds, from, to, by }) {
    const columns = by.map((part) => COLUMN[part]);
    const group = ['metric', ...columns].join(', ');
    const rows = db
      .prepare<[{ metrics: string; from: string; to: string; stations: string }], Record<string, string | number | null>>(
        `SELECT ${group}, sum(count) AS count, sum(total) AS total FROM daily_counts
         WHERE metric IN (SELECT value FROM json_each(@metrics)) AND day BETWEEN @from AND @to ${stationsClause('station_id', stationIds)}
         GROUP BY ${group}`,
      )
      .all({ metrics: JSON.stringify(metrics), from, to, stations: JSON.stringify(stationIds ?? []) });
    return rows.map(
      (row): CountRow => ({
        metric: String(row.metric),
        day: by.includes('day') ? String(row.day) : null,
        stationId: by.includes('station') ? String(row.station_id) : null,
        key: by.includes('key') ? String(row.key) : null,
        count: Number(row.count),
        total: Number(row.total),
      }),
    );
  },

  async shiftEventsBetween({ stationIds, fromMs, toMs }) {
    return db
      .prepare<[{ from: number; to: number; stations: string }], { payload: string }>(
        `SELECT payload FROM shift_events WHERE at_ms >= @from AND at_ms < @to ${stationsClause('station_id', stationIds)} ORDER BY at_ms, id`,
      )
      .all({ from: fromMs, to: toMs, stations: JSON.stringify(stationIds ?? []) })
      .map((row) => JSON.parse(row.payload) as ShiftEventInput);
  },

  async getShiftSignIn(signInId) {
    const row = db.prepare<[string], { payload: string }>('SELECT payload FROM shift_events WHERE id = ?').get(signInId);
    const event = row ? (JSON.parse(row.payload) as ShiftEventInput) : null;
    return event?.type === 'sign-in' ? event : null;
  },

  async hoursReviews(signInIds) {
    return db
      .prepare<[string], ReviewRow>(`${REVIEW_SELECT} WHERE r.sign_in_id IN (SELECT value FROM json_each(?)) ORDER BY r.id`)
      .all(JSON.stringify(signInIds))
      .map(toReview);
  },

  async addHoursReview(review, audit) {
    return db
      .transaction(() => {
        const { lastInsertRowid } = db
          .prepare('INSERT INTO hours_reviews (sign_in_id, station_id, decision, start_at, end_at, reason, at, staff_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(review.signInId, review.stationId, review.decision, review.start, review.end, review.reason, audit.now.toISOString(), audit.staff?.id ?? null);
        const stored = toReview(db.prepare<[number | bigint], ReviewRow>(`${REVIEW_SELECT} WHERE r.id = ?`).get(lastInsertRowid)!);
        writeAudit(db, auditEntry(audit, `hours.${review.decision}`, 'shift', review.signInId, null, stored));
        return stored;
      })
      .immediate();
  },

  async visitLog({ stationIds, fromIso, toIso }) {
    return db
      .prepare<[{ from: string; to: string; stations: string }], { id: string; station_id: string; at: string; received_at: string; clock_skew_ms: number | null; who: string; purpose: string }>(
        `SELECT id, station_id, at, received_at, json_extract(payload, '$.clockSkewMs') AS clock_skew_ms,
           json_extract(payload, '$.who') AS who, json_extract(payload, '$.purpose') AS purpose FROM records
         WHERE kind = 'visit' AND at >= @from AND at < @to ${stationsClause('station_id', stationIds)} ORDER BY station_id, at`,
      )
      .all({ from: fromIso, to: toIso, stations: JSON.stringify(stationIds ?? []) })
      .map((row) => ({ id: row.id, stationId: row.station_id, at: row.at, receivedAt: row.received_at, clockSkewMs: row.clock_skew_ms, who: row.who, purpose: row.purpose }));
  },
});
