import { dayKey, monthKey } from '@protocol/time.ts';
import type { YizhanDb } from './db.ts';

export interface VisitStats {
  today: number;
  month: number;
  /** Visits this month per purpose (service category id). */
  monthByPurpose: Record<string, number>;
}

/**
 * Counts come from index ranges ("day" and "[purpose+day]"), never from loading records: a busy station
 * has 200,000 visits a year and the home screen must not wait on them (tests/bench/stats).
 */
export const visitStats = async (db: YizhanDb, purposes: readonly string[], now: Date = new Date()): Promise<VisitStats> => {
  const today = dayKey(now);
  const month = monthKey(now);
  const monthStart = `${month}-01`;
  const monthEnd = `${month}-\uffff`;
  return db.transaction('r', db.visits, async () => {
    const [todayCount, monthCount, ...perPurpose] = await Promise.all([
      db.visits.where('day').equals(today).count(),
      db.visits.where('day').between(monthStart, monthEnd, true, true).count(),
      ...purposes.map((p) => db.visits.where('[purpose+day]').between([p, monthStart], [p, monthEnd], true, true).count()),
    ]);
    return {
      today: todayCount ?? 0,
      month: monthCount ?? 0,
      monthByPurpose: Object.fromEntries(purposes.map((p, i) => [p, perPurpose[i] ?? 0])),
    };
  });
};

