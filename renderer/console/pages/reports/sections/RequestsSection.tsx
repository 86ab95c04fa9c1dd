import type { ReactNode } from 'react';
import { doneBuckets, type RequestsReport } from '@protocol/console/reports.ts';
import { useTranslation } from 'react-i18next';
import { ChartCard } from '../../../ui/chart/ChartCard.tsx';
import { DataTable } from '../../../ui/DataTable.tsx';
import { useFormat } from '../../../ui/format.ts';
import { daysBetween, fillDays } from '../report-range.ts';

/** Requests by kind (微心愿 / 微诉求 / 微梦想): how many came, how many were done, and how long that took. */
export function RequestsSection({ report, from, to, actions }: { report: RequestsReport; from: string; to: string; actions?: ReactNode }) {
  const { t } = useTranslation('reports');
  const format = useFormat();
  const days = daysBetween(from, to);
  const kindName = (kind: string) => t(`requests:kinds.${kind}.name`);
  return (
    <div className="report-grid">
      <ChartCard
        id="requests-day"
        title={t('requests.byDay')}
        summary={t('requests.summary', {
          submitted: format.number(report.byKind.reduce((sum, row) => sum + row.submitted, 0)),
          done: format.number(report.byKind.reduce((sum, row) => sum + row.done, 0)),
        })}
        actions={actions}
        spec={{
          kind: 'line',
          categories: days.map((day) => day.slice(5)),
          series: [
            { name: t('requests.submitted'), values: fillDays(report.byDay, from, to, (row) => row.submitted) },
            { name: t('requests.done'), values: fillDays(report.byDay, from, to, (row) => row.done) },
          ],
        }}
        table={null}
      />
      <ChartCard
        id="requests-kind"
        title={t('requests.timeToDone')}
        summary={t('requests.bucketsSummary')}
        spec={{
          kind: 'bar',
          stacked: true,
          categories: report.byKind.map((row) => kindName(row.kind)),
          series: doneBuckets.map((bucket) => ({ name: t(`requests.bucket.${bucket}`), values: report.byKind.map((row) => row.buckets[bucket] ?? 0) })),
        }}
        table={
          <DataTable
            caption={t('requests.byKind')}
            columns={[
              { key: 'kind', header: t('requests.kind'), rowHeader: true, sortValue: (row) => kindName(row.kind), cell: (row) => kindName(row.kind) },
              { key: 'submitted', header: t('requests.submitted'), numeric: true, firstDirection: 'descending', sortValue: (row) => row.submitted, cell: (row) => format.number(row.submitted) },
              { key: 'done', header: t('requests.done'), numeric: true, firstDirection: 'descending', sortValue: (row) => row.done, cell: (row) => format.number(row.done) },
              {
                key: 'mean',
                header: t('requests.meanToDone'),
                numeric: true,
                sortValue: (row) => row.meanHoursToDone,
                cell: (row) => (row.meanHoursToDone === null ? '—' : format.span(row.meanHoursToDone * 3_600_000)),
              },
              ...doneBuckets.map((bucket) => ({
                key: bucket,
                header: t(`requests.bucket.${bucket}`),
                numeric: true,
                sortValue: (row: RequestsReport['byKind'][number]) => row.buckets[bucket] ?? 0,
                cell: (row: RequestsReport['byKind'][number]) => format.number(row.buckets[bucket] ?? 0),
              })),
              { key: 'rating', header: t('requests.rating'), numeric: true, sortValue: (row) => row.averageRating, cell: (row) => (row.averageRating === null ? '—' : `${row.averageRating.toFixed(1)}（${row.ratings}）`) },
            ]}
            rows={report.byKind}
            rowKey={(row) => row.kind}
            empty={t('none')}
          />
        }
      />
    </div>
  );
}
