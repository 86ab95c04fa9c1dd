import type { AuditEntry } from '../../protocol/console/audit.ts';
import type { HoursReport, ReferralsReport, RequestsReport, ServicesReport } from '../../protocol/console/reports.ts';
import { doneBuckets } from '../../protocol/console/reports.ts';
import { type CsvValue, toCsv } from '../../protocol/console/csv.ts';
import type { CountRow, VisitLogRow } from '../storage/console/types.ts';
import { CHINA_UTC_OFFSET_MINUTES } from '../../protocol/roster.ts';

/** Each report as a CSV table: a header row in the console's language, then one row per line of the report. */
export type CsvLang = 'zh-CN' | 'en';

const header = (lang: CsvLang, columns: readonly (readonly [string, string])[]): string[] => columns.map(([zh, en]) => (lang === 'zh-CN' ? zh : en));

export const visitsCsv = (lang: CsvLang, rows: readonly CountRow[], stationNames: ReadonlyMap<string, string>): string =>
  toCsv(
    header(lang, [
      ['日期', 'Day'],
      ['站点编号', 'Station id'],
      ['站点', 'Station'],
      ['来访目的', 'Purpose'],
      ['到访人次', 'Visits'],
    ]),
    [...rows]
      .sort((a, b) => a.day!.localeCompare(b.day!) || a.stationId!.localeCompare(b.stationId!) || a.key!.localeCompare(b.key!))
      .map((r) => [r.day, r.stationId, stationNames.get(r.stationId!) ?? '', r.key, r.count]),
  );

export const servicesCsv = (lang: CsvLang, report: ServicesReport): string =>
  toCsv(
    header(lang, [
      ['类别', 'Kind'],
      ['编号', 'Id'],
      ['转介/使用', 'Referred or used'],
      ['借出', 'Lent'],
      ['归还', 'Returned'],
    ]),
    [
      ...report.byService.map((s): CsvValue[] => ['service', s.serviceId, s.referrals, null, null]),
      ...report.bills.map((b): CsvValue[] => ['bill', b.utility, b.referrals, null, null]),
      ...report.amenities.map((a): CsvValue[] => ['amenity', a.amenityId, a.used, a.lent, a.returned]),
    ],
  );

export const referralsCsv = (lang: CsvLang, report: ReferralsReport): string =>
  toCsv(
    header(lang, [
      ['服务', 'Service'],
      ['转介', 'Referrals'],
      ['已办结', 'Done'],
      ['已转办', 'Passed on'],
      ['未到', 'No-show'],
    ]),
    report.byService.map((s) => [s.serviceId, s.referrals, s.done, s.passedOn, s.noShow]),
  );

export const requestsCsv = (lang: CsvLang, report: RequestsReport): string =>
  toCsv(
    header(lang, [
      ['类型', 'Kind'],
      ['提交', 'Submitted'],
      ['办结', 'Done'],
      ['平均办结小时', 'Mean hours to done'],
      ['1天内', 'Under 1 day'],
      ['3天内', 'Under 3 days'],
      ['7天内', 'Under 7 days'],
      ['超过7天', 'Over 7 days'],
      ['评价数', 'Ratings'],
      ['平均评分', 'Average rating'],
    ]),
    report.byKind.map((k) => [k.kind, k.submitted, k.done, k.meanHoursToDone, ...doneBuckets.map((b) => k.buckets[b]), k.ratings, k.averageRating]),
  );

const hours = (minutes: number): number => Math.round((minutes / 60) * 100) / 100;

export const hoursCsv = (lang: CsvLang, report: HoursReport): string =>
  toCsv(
    header(lang, [
      ['月份', 'Month'],
      ['志愿者编号', 'Member id'],
      ['姓名', 'Name'],
      ['单位', 'Unit'],
      ['服务时长(小时)', 'Hours'],
      ['待审核时长(小时)', 'Hours pending review'],
      ['班次', 'Shifts'],
    ]),
    [
      ...report.byMember.map((m): CsvValue[] => [report.month, m.memberId, m.name, m.unitId, hours(m.minutes), hours(m.pendingMinutes), m.shifts]),
      ...report.walkIns.map((w): CsvValue[] => [report.month, null, w.name, null, hours(w.minutes), hours(w.pendingMinutes), w.shifts]),
    ],
  );

/** The station's local time of an instant, yyyy-mm-dd HH:MM (what a spreadsheet reads as a date and time). */
const localTime = (iso: string): string => new Date(Date.parse(iso) + CHINA_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 16).replace('T', ' ');

export const visitLogCsv = (lang: CsvLang, rows: readonly VisitLogRow[], stationNames: ReadonlyMap<string, string>): string =>
  toCsv(
    header(lang, [
      ['记录编号', 'Record id'],
      ['站点编号', 'Station id'],
      ['站点', 'Station'],
      ['时间', 'Time'],
      ['来访者', 'Visitor'],
      ['来访目的', 'Purpose'],
      ['中心收到时间', 'Received by the centre'],
      ['平板时钟偏差（分钟）', 'Tablet clock off by (minutes)'],
    ]),
    rows.map((r) => [
      r.id,
      r.stationId,
      stationNames.get(r.stationId) ?? '',
      localTime(r.at),
      r.who,
      r.purpose,
      localTime(r.receivedAt),
      r.clockSkewMs === null ? null : Math.round(r.clockSkewMs / 60_000),
    ]),
  );

export const auditCsv = (lang: CsvLang, entries: readonly AuditEntry[]): string =>
  toCsv(
    header(lang, [
      ['编号', 'Id'],
      ['时间', 'At'],
      ['账号', 'Login'],
      ['姓名', 'Name'],
      ['操作', 'Action'],
      ['对象类型', 'Target type'],
      ['对象', 'Target'],
      ['修改前', 'Before'],
      ['修改后', 'After'],
      ['地址', 'Address'],
    ]),
    entries.map((e) => [e.id, e.at, e.staff?.login, e.staff?.name, e.action, e.targetType, e.targetId, JSON.stringify(e.before), JSON.stringify(e.after), e.ip]),
  );
