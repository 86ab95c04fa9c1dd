import { doneBuckets, type ReferralsReport, type RequestsReport, type ServicesReport, type VisitsReport } from '../../protocol/console/reports.ts';
import { requestKinds, visitorTypes } from '../../protocol/records.ts';
import type { CountRow } from '../storage/console/types.ts';
import type { Storage } from '../storage/types.ts';

/**
 * Reports from the daily counters (storage/console/ingest.ts keeps them as records arrive): a handful of grouped
 * sums per page, whatever the number of records behind them.
 */
export interface ReportRange {
  from: string;
  to: string;
  /** null: every station. */
  stationIds: string[] | null;
}

const sum = (storage: Storage, range: ReportRange, metrics: string[], by: ('day' | 'station' | 'key')[]): Promise<CountRow[]> =>
  storage.sumCounts({ metrics, stationIds: range.stationIds, from: range.from, to: range.to, by });

const byCountDesc = <T extends { key: string; count: number }>(a: T, b: T) => b.count - a.count || a.key.localeCompare(b.key);

export const visitsReport = async (storage: Storage, range: ReportRange): Promise<VisitsReport> => {
  const [days, stations, keys] = await Promise.all([sum(storage, range, ['visit'], ['day']), sum(storage, range, ['visit'], ['station']), sum(storage, range, ['visit', 'visit-who'], ['key'])]);
  const purposes = keys.filter((r) => r.metric === 'visit').map((r) => ({ key: r.key!, count: r.count }));
  const who = new Map(keys.filter((r) => r.metric === 'visit-who').map((r) => [r.key!, r.count] as const));
  return {
    total: days.reduce((total, r) => total + r.count, 0),
    byDay: days.map((r) => ({ day: r.day!, visits: r.count })).sort((a, b) => a.day.localeCompare(b.day)),
    byStation: stations.map((r) => ({ stationId: r.stationId!, visits: r.count })).sort((a, b) => b.visits - a.visits || a.stationId.localeCompare(b.stationId)),
    byPurpose: purposes.sort(byCountDesc).map((r) => ({ purpose: r.key, visits: r.count })),
    byVisitor: visitorTypes.map((type) => ({ who: type, visits: who.get(type) ?? 0 })),
  };
};

export const servicesReport = async (storage: Storage, range: ReportRange): Promise<ServicesReport> => {
  const rows = await sum(storage, range, ['referral', 'bill', 'amenity', 'feedback'], ['key']);
  const of = (metric: string) => rows.filter((r) => r.metric === metric).map((r) => ({ key: r.key!, count: r.count }));
  const amenities = new Map<string, { amenityId: string; used: number; lent: number; returned: number }>();
  for (const { key, count } of of('amenity')) {
    const [amenityId = key, action] = key.split(':');
    const row = amenities.get(amenityId) ?? { amenityId, used: 0, lent: 0, returned: 0 };
    if (action === 'use') row.used += count;
    if (action === 'lend') row.lent += count;
    if (action === 'return') row.returned += count;
    amenities.set(amenityId, row);
  }
  const feedback = rows.filter((r) => r.metric === 'feedback');
  const feedbackCount = feedback.reduce((total, r) => total + r.count, 0);
  const ratingTotal = feedback.reduce((total, r) => total + r.total, 0);
  return {
    byService: of('referral').sort(byCountDesc).map((r) => ({ serviceId: r.key, referrals: r.count })),
    bills: of('bill').sort(byCountDesc).map((r) => ({ utility: r.key, referrals: r.count })),
    amenities: [...amenities.values()].sort((a, b) => b.used + b.lent - (a.used + a.lent) || a.amenityId.localeCompare(b.amenityId)),
    feedback: { count: feedbackCount, averageRating: feedbackCount ? Math.round((ratingTotal / feedbackCount) * 100) / 100 : null },
  };
};

export const referralsReport = async (storage: Storage, range: ReportRange): Promise<ReferralsReport> => {
  const [keys, days] = await Promise.all([sum(storage, range, ['referral', 'referral-outcome'], ['key']), sum(storage, range, ['referral'], ['day'])]);
  const services = new Map<string, { serviceId: string; referrals: number; done: number; passedOn: number; noShow: number }>();
  const row = (serviceId: string) => services.get(serviceId) ?? services.set(serviceId, { serviceId, referrals: 0, done: 0, passedOn: 0, noShow: 0 }).get(serviceId)!;
  for (const r of keys) {
    if (r.metric === 'referral') row(r.key!).referrals += r.count;
    else {
      const at = r.key!.lastIndexOf(':');
      const target = row(r.key!.slice(0, at));
      const outcome = r.key!.slice(at + 1);
      if (outcome === 'done') target.done += r.count;
      if (outcome === 'passed-on') target.passedOn += r.count;
      if (outcome === 'no-show') target.noShow += r.count;
    }
  }
  const byService = [...services.values()].sort((a, b) => b.referrals - a.referrals || a.serviceId.localeCompare(b.serviceId));
  return {
    total: byService.reduce((total, s) => total + s.referrals, 0),
    outcomes: {
      done: byService.reduce((total, s) => total + s.done, 0),
      passedOn: byService.reduce((total, s) => total + s.passedOn, 0),
      noShow: byService.reduce((total, s) => total + s.noShow, 0),
    },
    byService,
    byDay: days.map((r) => ({ day: r.day!, referrals: r.count })).sort((a, b) => a.day.localeCompare(b.day)),
  };
};

export const requestsReport = async (storage: Storage, range: ReportRange): Promise<RequestsReport> => {
  const metrics = ['request-submitted', 'request-done', 'request-done-bucket', 'request-rated'];
  const [keys, days] = await Promise.all([sum(storage, range, metrics, ['key']), sum(storage, range, ['request-submitted', 'request-done'], ['day'])]);
  const of = (metric: string, key: string) => keys.find((r) => r.metric === metric && r.key === key);
  const byKind = requestKinds.map((kind) => {
    const done = of('request-done', kind);
    const rated = of('request-rated', kind);
    return {
      kind,
      submitted: of('request-submitted', kind)?.count ?? 0,
      done: done?.count ?? 0,
      meanHoursToDone: done?.count ? Math.round((done.total / done.count / 60) * 10) / 10 : null,
      buckets: Object.fromEntries(doneBuckets.map((bucket) => [bucket, of('request-done-bucket', `${kind}:${bucket}`)?.count ?? 0])) as RequestsReport['byKind'][number]['buckets'],
      ratings: rated?.count ?? 0,
      averageRating: rated?.count ? Math.round((rated.total / rated.count) * 100) / 100 : null,
    };
  });
  const perDay = new Map<string, { day: string; submitted: number; done: number }>();
  for (const r of days) {
    const row = perDay.get(r.day!) ?? { day: r.day!, submitted: 0, done: 0 };
    if (r.metric === 'request-submitted') row.submitted += r.count;
    else row.done += r.count;
    perDay.set(r.day!, row);
  }
  return { byKind, byDay: [...perDay.values()].sort((a, b) => a.day.localeCompare(b.day)) };
};
