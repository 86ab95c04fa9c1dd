import type { ShiftEventInput } from '../../../protocol/hours.ts';
import { auditEntry } from '../console/audit.ts';
import { isoOf, isoOrNull } from '../console/rows.ts';
import type { ConsoleStorage, CountRow, HoursReviewRow } from '../console/types.ts';
import type { PostgresConnection } from './connection.ts';
import { writeAudit } from './console-audit.ts';

interface ReviewRow {
  sign_in_id: string;
  station_id: string;
  decision: HoursReviewRow['decision'];
  start_at: Date | null;
  end_at: Date | null;
  reason: string;
  at: Date;
  staff_id: string | null;
  staff_name: string | null;
}
const toReview = (row: ReviewRow): HoursReviewRow => ({
  signInId: row.sign_in_id,
  stationId: row.station_id,
  decision: row.decision,
  start: isoOrNull(row.start_at),
  end: isoOrNull(row.end_at),
  reason: row.reason,
  at: isoOf(row.at),
  staff: row.staff_id ? { id: row.staff_id, name: row.staff_name ?? '' } : null,
});
const REVIEW_SELECT = 'SELECT r.*, s.name AS staff_name FROM hours_reviews r LEFT JOIN staff s ON s.id = r.staff_id';

const COLUMN = { day: 'day', station: 'station_id', key: 'key' } as const;

/** What reports read: the daily counters, shift events by time, reviews of hours, the per-visit log. */
export const postgresConsoleReports = ({ pool, transaction }: PostgresConnection): Pick<
  ConsoleStorage,
  'sumCounts' | 'shiftEventsBetween' | 'getShiftSignIn' | 'hoursReviews' | 'addHoursReview' | 'visitLog'
> => ({
  async sumCounts({ metrics, stationIds, from, to, by }) {
    const group = ['metric', ...by.map((part) => COLUMN[part])].join(', ');
    const { rows } = await pool.query<Record<string, string | null>>(
      `SELECT ${group}, sum(count) AS count, sum(total) AS total FROM daily_counts
       WHERE metric = ANY($1::text[]) AND day BETWEEN $2 AND $3 AND ($4::text[] IS NULL OR station_id = ANY($4::text[]))
       GROUP BY ${group}`,
      [metrics, from, to, stationIds],
    );
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
    const { rows } = await pool.query<{ payload: string }>(
      'SELECT payload FROM shift_events WHERE at_ms >= $1 AND at_ms < $2 AND ($3::text[] IS NULL OR station_id = ANY($3::text[])) ORDER BY at_ms, id',
      [fromMs, toMs, stationIds],
    );
    return rows.map((row) => JSON.parse(row.payload) as ShiftEventInput);
  },

  async getShiftSignIn(signInId) {
    const row = (await pool.query<{ payload: string }>('SELECT payload FROM shift_events WHERE id = $1', [signInId])).rows[0];
    const event = row ? (JSON.parse(row.payload) as ShiftEventInput) : null;
    return event?.type === 'sign-in' ? event : null;
  },

  async hoursReviews(signInIds) {
    return (await pool.query<ReviewRow>(`${REVIEW_SELECT} WHERE r.sign_in_id = ANY($1::text[]) ORDER BY r.id`, [signInIds])).rows.map(toReview);
  },

  async addHoursReview(review, audit) {
    return transaction(async (client) => {
      const { rows } = await client.query<{ id: string }>(
        'INSERT INTO hours_reviews (sign_in_id, station_id, decision, start_at, end_at, reason, at, staff_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id',
        [review.signInId, review.stationId, review.decision, review.start, review.end, review.reason, audit.now, audit.staff?.id ?? null],
      );
      const stored = toReview((await client.query<ReviewRow>(`${REVIEW_SELECT} WHERE r.id = $1`, [rows[0]!.id])).rows[0]!);
      await writeAudit(client, auditEntry(audit, `hours.${review.decision}`, 'shift', review.signInId, null, stored));
      return stored;
    });
  },

  async visitLog({ stationIds, fromIso, toIso }) {
    const { rows } = await pool.query<{ id: string; station_id: string; at: string; received_at: Date; clock_skew_ms: string | null; who: string; purpose: string }>(
      `SELECT id, station_id, at, received_at, payload::json->>'clockSkewMs' AS clock_skew_ms,
         payload::json->>'who' AS who, payload::json->>'purpose' AS purpose FROM records
       WHERE kind = 'visit' AND at >= $1 AND at < $2 AND ($3::text[] IS NULL OR station_id = ANY($3::text[])) ORDER BY station_id, at`,
      [fromIso, toIso, stationIds],
    );
    return rows.map((row) => ({
      id: row.id,
      stationId: row.station_id,
      at: row.at,
      receivedAt: row.received_at.toISOString(),
      clockSkewMs: row.clock_skew_ms === null ? null : Number(row.clock_skew_ms),
      who: row.who,
      purpose: row.purpose,
    }));
  },
});
