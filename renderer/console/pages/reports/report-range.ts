import { MAX_REPORT_DAYS } from '@protocol/console/common.ts';
import { addDays } from '@protocol/roster.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const DEFAULT_REPORT_DAYS = 30;

/**
 * The days a report covers, from the address (?from=&to=), else the last 30 days up to today at the stations.
 * A range the API would refuse (reversed, longer than a year and a day) is put right rather than sent.
 */
export const reportRange = (query: URLSearchParams, today: string): { from: string; to: string } => {
  const to = DAY.test(query.get('to') ?? '') ? (query.get('to') as string) : today;
  let from = DAY.test(query.get('from') ?? '') ? (query.get('from') as string) : addDays(to, -(DEFAULT_REPORT_DAYS - 1));
  if (from > to) from = to;
  if (from < addDays(to, -(MAX_REPORT_DAYS - 1))) from = addDays(to, -(MAX_REPORT_DAYS - 1));
  return { from, to };
};

/** The month a monthly view shows (?month=), else the current one at the stations. */
export const reportMonth = (query: URLSearchParams, today: string): string => {
  const month = query.get('month') ?? '';
  return MONTH.test(month) ? month : today.slice(0, 7);
};

/** Every day of a range, in order: a day without records still gets its place on a chart (as 0). */
export const daysBetween = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
};

/** Values by day on every day of the range, 0 where the report has none. */
export const fillDays = <Row extends { day: string }>(rows: readonly Row[], from: string, to: string, value: (row: Row) => number): number[] => {
  const byDay = new Map(rows.map((row) => [row.day, value(row)]));
  return daysBetween(from, to).map((day) => byDay.get(day) ?? 0);
};
