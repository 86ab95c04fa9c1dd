import type { ReactNode } from 'react';
import type { VisitsReport } from '@protocol/console/reports.ts';
import { useTranslation } from 'react-i18next';
import { useCatalogueNames } from '../../../app/catalogue-names.ts';
import { useOrganisation } from '../../../app/organisation.tsx';
import { ChartCard } from '../../../ui/chart/ChartCard.tsx';
import { DataTable } from '../../../ui/DataTable.tsx';
import { useFormat } from '../../../ui/format.ts';
import { daysBetween, fillDays } from '../report-range.ts';

/** Visits (签到) per day, per station, per purpose, and who came (residents, neighbours, visitors). */
export function VisitsSection({ report, from, to, actions }: { report: VisitsReport; from: string; to: string; actions?: ReactNode }) {
  const { t } = useTranslation('reports');
  const format = useFormat();
  const names = useCatalogueNames();
  const { stationName } = useOrganisation();
  const days = daysBetween(from, to);
  const total = format.number(report.total);
  return (
    <div className="report-grid">
      <ChartCard
        id="visits-day"
        title={t('visits.byDay')}
        summary={t('visits.summary', { total, days: days.length })}
        spec={{ kind: 'line', categories: days.map((day) => day.slice(5)), series: [{ name: t('visits.visits'), values: fillDays(report.byDay, from, to, (row) => row.visits) }] }}
        actions={actions}
        table={
          <DataTable
            caption={t('visits.byDay')}
            columns={[
              { key: 'day', header: t('day'), rowHeader: true, sortValue: (row) => row.day, cell: (row) => format.day(row.day) },
              { key: 'visits', header: t('visits.visits'), numeric: true, firstDirection: 'descending', sortValue: (row) => row.visits, cell: (row) => format.number(row.visits) },
            ]}
            rows={report.byDay}
            rowKey={(row) => row.day}
            empty={t('none')}
            initialSort={{ key: 'day', direction: 'ascending' }}
          />
        }
      />
      <ChartCard
        id="visits-station"
        title={t('visits.byStation')}
        summary={t('visits.stationsSummary', { count: report.byStation.length })}
        spec={{ kind: 'bar', horizontal: true, categories: report.byStation.map((row) => stationName(row.stationId)), series: [{ name: t('visits.visits'), values: report.byStation.map((row) => row.visits) }] }}
        table={
          <DataTable
            caption={t('visits.byStation')}
            columns={[
              { key: 'station', header: t('station'), rowHeader: true, sortValue: (row) => stationName(row.stationId), cell: (row) => stationName(row.stationId) },
              { key: 'visits', header: t('visits.visits'), numeric: true, firstDirection: 'descending', sortValue: (row) => row.visits, cell: (row) => format.number(row.visits) },
            ]}
            rows={report.byStation}
            rowKey={(row) => row.stationId}
            empty={t('none')}
            initialSort={{ key: 'visits', direction: 'descending' }}
          />
        }
      />
      <ChartCard
        id="visits-purpose"
        title={t('visits.byPurpose')}
        summary={t('visits.purposeSummary')}
        spec={{ kind: 'bar', horizontal: true, categories: report.byPurpose.map((row) => names.purpose(row.purpose)), series: [{ name: t('visits.visits'), values: report.byPurpose.map((row) => row.visits) }] }}
        table={
          <DataTable
            caption={t('visits.byPurpose')}
            columns={[
              { key: 'purpose', header: t('visits.purpose'), rowHeader: true, sortValue: (row) => names.purpose(row.purpose), cell: (row) => names.purpose(row.purpose) },
              { key: 'visits', header: t('visits.visits'), numeric: true, firstDirection: 'descending', sortValue: (row) => row.visits, cell: (row) => format.number(row.visits) },
            ]}
            rows={report.byPurpose}
            rowKey={(row) => row.purpose}
            empty={t('none')}
            initialSort={{ key: 'visits', direction: 'descending' }}
          />
        }
      />
      <ChartCard
        id="visits-who"
        title={t('visits.byVisitor')}
        summary={t('visits.visitorSummary')}
        spec={null}
        table={
          <DataTable
            caption={t('visits.byVisitor')}
            columns={[
              { key: 'who', header: t('visits.who'), rowHeader: true, sortValue: (row) => t(`visitor.${row.who}`), cell: (row) => t(`visitor.${row.who}`) },
              { key: 'visits', header: t('visits.visits'), numeric: true, firstDirection: 'descending', sortValue: (row) => row.visits, cell: (row) => format.number(row.visits) },
              { key: 'share', header: t('share'), numeric: true, sortValue: (row) => row.visits, cell: (row) => (report.total ? `${Math.round((row.visits / report.total) * 100)}%` : '—') },
            ]}
            rows={report.byVisitor}
            rowKey={(row) => row.who}
            empty={t('none')}
            initialSort={{ key: 'visits', direction: 'descending' }}
          />
        }
      />
    </div>
  );
}
