import type { HoursReport } from '@protocol/console/reports.ts';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/useApi.ts';
import { useDirectory } from '../../app/directory.ts';
import { useQueryState } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { ChartCard } from '../../ui/chart/ChartCard.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { todayAtStations } from '../roster/calendar.ts';
import { CsvLink } from './CsvLink.tsx';
import { ReportFilters, whereOf } from './ReportFilters.tsx';
import { reportMonth } from './report-range.ts';
import { ReviewQueue } from './ReviewQueue.tsx';

type MemberRow = HoursReport['byMember'][number];

/**
 * 志愿服务时长: a month's volunteer hours by partner unit and by member (the totals a member's hours
 * certificate needs), walk-in volunteers, and the queue of shifts staff must review (forgotten sign-outs closed
 * by policy, unscheduled sign-ins): approve, correct or decline, always with a reason. Hours are computed from
 * the shift events by the shared rules; a review is a record of its own, nothing is edited.
 */
export default function HoursPage() {
  const { t } = useTranslation('reports');
  const format = useFormat();
  const session = useSession();
  const directory = useDirectory();
  const [query] = useQueryState();
  const month = reportMonth(query, todayAtStations());
  const where = whereOf(query);
  const hours = useApi('hoursReport', { query: { month, ...where } });
  const mayReview = session.staff.role.kind !== 'unit-lead';
  const report = hours.data;
  const memberName = (row: MemberRow) => row.name ?? directory.memberName(row.memberId);
  return (
    <>
      <PageHeader title={t('hours.title')} lead={t('hours.lead')} actions={<CsvLink report="hours" query={{ month, ...where }} />} />
      <ReportFilters month={month} />
      {hours.error ? <ErrorNotice error={hours.error} retry={hours.reload} /> : null}
      {!report ? (
        hours.loading ? <Loading /> : null
      ) : (
        <div className="report-grid">
          <ChartCard
            id="hours-unit"
            title={t('hours.byUnit')}
            summary={t('hours.summary', {
              hours: format.hours(report.byMember.reduce((sum, row) => sum + row.minutes, 0) + report.walkIns.reduce((sum, row) => sum + row.minutes, 0)),
              members: report.byMember.length,
              pending: report.needsReview,
            })}
            spec={{
              kind: 'bar',
              stacked: true,
              horizontal: true,
              categories: report.byUnit.map((row) => directory.unitName(row.unitId)),
              series: [
                { name: t('hours.counted'), values: report.byUnit.map((row) => Math.round((row.minutes / 60) * 10) / 10) },
                { name: t('hours.pending'), values: report.byUnit.map((row) => Math.round((row.pendingMinutes / 60) * 10) / 10) },
              ],
            }}
            table={
              <DataTable
                caption={t('hours.byUnit')}
                columns={[
                  { key: 'unit', header: t('hours.unit'), rowHeader: true, sortValue: (row) => directory.unitName(row.unitId), cell: (row) => directory.unitName(row.unitId) },
                  { key: 'hours', header: t('hours.counted'), numeric: true, firstDirection: 'descending', sortValue: (row) => row.minutes, cell: (row) => format.hours(row.minutes) },
                  { key: 'pending', header: t('hours.pending'), numeric: true, firstDirection: 'descending', sortValue: (row) => row.pendingMinutes, cell: (row) => format.hours(row.pendingMinutes) },
                  { key: 'shifts', header: t('hours.shifts'), numeric: true, firstDirection: 'descending', sortValue: (row) => row.shifts, cell: (row) => format.number(row.shifts) },
                ]}
                rows={report.byUnit}
                rowKey={(row) => row.unitId}
                empty={t('none')}
                initialSort={{ key: 'hours', direction: 'descending' }}
              />
            }
          />
          <section className="card" aria-labelledby="hours-member">
            <h2 id="hours-member" className="section__title">
              {t('hours.byMember')}
            </h2>
            <DataTable
              caption={t('hours.byMember')}
              columns={[
                { key: 'member', header: t('hours.member'), rowHeader: true, sortValue: memberName, cell: memberName },
                { key: 'unit', header: t('hours.unit'), sortValue: (row) => (row.unitId ? directory.unitName(row.unitId) : null), cell: (row) => (row.unitId ? directory.unitName(row.unitId) : '—') },
                { key: 'hours', header: t('hours.counted'), numeric: true, firstDirection: 'descending', sortValue: (row) => row.minutes, cell: (row) => format.hours(row.minutes) },
                { key: 'pending', header: t('hours.pending'), numeric: true, firstDirection: 'descending', sortValue: (row) => row.pendingMinutes, cell: (row) => format.hours(row.pendingMinutes) },
                { key: 'shifts', header: t('hours.shifts'), numeric: true, firstDirection: 'descending', sortValue: (row) => row.shifts, cell: (row) => format.number(row.shifts) },
              ]}
              rows={report.byMember}
              rowKey={(row) => row.memberId}
              empty={t('none')}
              initialSort={{ key: 'hours', direction: 'descending' }}
            />
          </section>
          {report.walkIns.length ? (
            <section className="card" aria-labelledby="hours-walkins">
              <h2 id="hours-walkins" className="section__title">
                {t('hours.walkIns')}
              </h2>
              <DataTable
                caption={t('hours.walkIns')}
                columns={[
                  { key: 'name', header: t('hours.member'), rowHeader: true, sortValue: (row) => row.name, cell: (row) => row.name ?? t('hours.noName') },
                  { key: 'hours', header: t('hours.counted'), numeric: true, firstDirection: 'descending', sortValue: (row) => row.minutes, cell: (row) => format.hours(row.minutes) },
                  { key: 'pending', header: t('hours.pending'), numeric: true, sortValue: (row) => row.pendingMinutes, cell: (row) => format.hours(row.pendingMinutes) },
                  { key: 'shifts', header: t('hours.shifts'), numeric: true, sortValue: (row) => row.shifts, cell: (row) => format.number(row.shifts) },
                ]}
                rows={report.walkIns}
                rowKey={(row) => `${row.name ?? ''}/${row.shifts}/${row.minutes}`}
                empty={t('none')}
              />
            </section>
          ) : null}
        </div>
      )}
      <ReviewQueue month={month} where={where} mayReview={mayReview} directory={directory} onReviewed={hours.reload} />
    </>
  );
}
