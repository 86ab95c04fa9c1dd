import { addDays } from '../../../protocol/roster.ts';
import type { CountDelta } from './ingest.ts';
import type { CountQuery } from './types.ts';

/**
 * The report counters are kept at three grains, all in the transaction that counts (push, a centre step):
 * daily_counts (metric, day, station, key), monthly_counts (the same by month) and daily_totals (by day and
 * station, every key together). A year's report by purpose then sums 12 months, not 365 days of every key of
 * every station, and a chart by day sums one row per station and day (tests/bench/console measured both).
 */
export interface MonthlyDelta {
  metric: string;
  month: string;
  stationId: string;
  key: string;
  count: number;
  total: number;
}

export interface TotalDelta {
  metric: string;
  day: string;
  stationId: string;
  count: number;
  total: number;
}

/** What a batch's daily deltas add to the month and to the day's total, sorted by key (one lock order in PostgreSQL). */
export const rollUp = (deltas: Iterable<CountDelta>): { monthly: MonthlyDelta[]; totals: TotalDelta[] } => {
  const monthly = new Map<string, MonthlyDelta>();
  const totals = new Map<string, TotalDelta>();
  for (const d of deltas) {
    const month = d.day.slice(0, 7);
    const m = `${d.metric}\u0000${month}\u0000${d.stationId}\u0000${d.key}`;
    const mRow = monthly.get(m) ?? monthly.set(m, { metric: d.metric, month, stationId: d.stationId, key: d.key, count: 0, total: 0 }).get(m)!;
    mRow.count += d.count;
    mRow.total += d.total;
    const t = `${d.metric}\u0000${d.day}\u0000${d.stationId}`;
    const tRow = totals.get(t) ?? totals.set(t, { metric: d.metric, day: d.day, stationId: d.stationId, count: 0, total: 0 }).get(t)!;
    tRow.count += d.count;
    tRow.total += d.total;
  }
  const byId = <T>(rows: Map<string, T>): T[] => [...rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
  return { monthly: byId(monthly), totals: byId(totals) };
};

/** A part of a sum: a table and the range of its day (yyyy-mm-dd) or month (yyyy-mm) column, both ends included. */
export type CountSource =
  | { table: 'daily_counts' | 'daily_totals'; column: 'day'; from: string; to: string }
  | { table: 'monthly_counts'; column: 'month'; from: string; to: string };

const monthOf = (day: string): string => day.slice(0, 7);
const firstDay = (month: string): string => `${month}-01`;
const nextMonth = (month: string): string => monthOf(addDays(`${month}-28`, 4));
const lastDay = (month: string): string => addDays(firstDay(nextMonth(month)), -1);
const previousMonth = (month: string): string => monthOf(addDays(firstDay(month), -1));

/**
 * Where a sum over the days [from, to] grouped by `by` reads. Without the key: the day totals. By day and key:
 * the daily counters. By key without the day: the whole months inside the range from the monthly counters, the
 * days before and after them from the daily ones.
 */
export const countSources = ({ from, to, by }: Pick<CountQuery, 'from' | 'to' | 'by'>): CountSource[] => {
  if (!by.includes('key')) return [{ table: 'daily_totals', column: 'day', from, to }];
  if (by.includes('day')) return [{ table: 'daily_counts', column: 'day', from, to }];
  const firstWhole = from === firstDay(monthOf(from)) ? monthOf(from) : nextMonth(monthOf(from));
  const lastWhole = to === lastDay(monthOf(to)) ? monthOf(to) : previousMonth(monthOf(to));
  if (firstWhole > lastWhole) return [{ table: 'daily_counts', column: 'day', from, to }];
  const sources: CountSource[] = [];
  if (from < firstDay(firstWhole)) sources.push({ table: 'daily_counts', column: 'day', from, to: lastDay(previousMonth(firstWhole)) });
  sources.push({ table: 'monthly_counts', column: 'month', from: firstWhole, to: lastWhole });
  if (to > lastDay(lastWhole)) sources.push({ table: 'daily_counts', column: 'day', from: firstDay(nextMonth(lastWhole)), to });
  return sources;
};
