import type { ReactNode } from 'react';
import type { ReferralsReport } from '@protocol/console/reports.ts';
import { useTranslation } from 'react-i18next';
import { useCatalogueNames } from '../../../app/catalogue-names.ts';
import { ChartCard } from '../../../ui/chart/ChartCard.tsx';
import { DataTable } from '../../../ui/DataTable.tsx';
import { useFormat } from '../../../ui/format.ts';
import { daysBetween, fillDays } from '../report-range.ts';

/** Referrals (事务代办 / 转介) and what came of them: done, passed on to an office, not there when called. */
export function ReferralsSection({ report, from, to, actions }: { report: ReferralsReport; from: string; to: string; actions?: ReactNode }) {
  const { t } = useTranslation('reports');
  const format = useFormat();
  const names = useCatalogueNames();
  const days = daysBetween(from, to);
  const { done, passedOn, noShow } = report.outcomes;
  const waiting = Math.max(0, report.total - done - passedOn - noShow);
  return (
    <div className="report-grid">
      <ChartCard
        id="referrals-day"
        title={t('referrals.byDay')}
        summary={t('referrals.summary', { total: format.number(report.total), done: format.number(done), passedOn: format.number(passedOn), noShow: format.number(noShow), waiting: format.number(waiting) })}
        actions={actions}
        spec={{ kind: 'bar', categories: days.map((day) => day.slice(5)), series: [{ name: t('referrals.referrals'), values: fillDays(report.byDay, from, to, (row) => row.referrals) }] }}
        table={null}
      />
      <ChartCard
        id="referrals-service"
        title={t('referrals.byService')}
        summary={t('referrals.outcomesSummary')}
        spec={{
          kind: 'bar',
          stacked: true,
          horizontal: true,
          categories: report.byService.map((row) => names.service(row.serviceId)),
          series: [
            { name: t('referrals.done'), values: report.byService.map((row) => row.done) },
            { name: t('referrals.passedOn'), values: report.byService.map((row) => row.passedOn) },
            { name: t('referrals.noShow'), values: report.byService.map((row) => row.noShow) },
          ],
        }}
        table={
          <DataTable
            caption={t('referrals.byService')}
            columns={[
              { key: 'service', header: t('services.service'), rowHeader: true, sortValue: (row) => names.service(row.serviceId), cell: (row) => names.service(row.serviceId) },
              { key: 'referrals', header: t('referrals.referrals'), numeric: true, firstDirection: 'descending', sortValue: (row) => row.referrals, cell: (row) => format.number(row.referrals) },
              { key: 'done', header: t('referrals.done'), numeric: true, firstDirection: 'descending', sortValue: (row) => row.done, cell: (row) => format.number(row.done) },
              { key: 'passedOn', header: t('referrals.passedOn'), numeric: true, firstDirection: 'descending', sortValue: (row) => row.passedOn, cell: (row) => format.number(row.passedOn) },
              { key: 'noShow', header: t('referrals.noShow'), numeric: true, firstDirection: 'descending', sortValue: (row) => row.noShow, cell: (row) => format.number(row.noShow) },
            ]}
            rows={report.byService}
            rowKey={(row) => row.serviceId}
            empty={t('none')}
            initialSort={{ key: 'referrals', direction: 'descending' }}
          />
        }
      />
    </div>
  );
}
