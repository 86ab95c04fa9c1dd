import type { ReactNode } from 'react';
import type { ServicesReport } from '@protocol/console/reports.ts';
import { useTranslation } from 'react-i18next';
import { useCatalogueNames } from '../../../app/catalogue-names.ts';
import { ChartCard } from '../../../ui/chart/ChartCard.tsx';
import { DataTable } from '../../../ui/DataTable.tsx';
import { useFormat } from '../../../ui/format.ts';

/** Services used: referrals per service (事务代办), bill payments per utility, amenities used and lent, ratings. */
export function ServicesSection({ report, actions }: { report: ServicesReport; actions?: ReactNode }) {
  const { t } = useTranslation('reports');
  const format = useFormat();
  const names = useCatalogueNames();
  const average = report.feedback.averageRating;
  return (
    <div className="report-grid">
      <ChartCard
        id="services-service"
        title={t('services.byService')}
        summary={t('services.summary', { count: report.byService.reduce((sum, row) => sum + row.referrals, 0) })}
        actions={actions}
        spec={{ kind: 'bar', horizontal: true, categories: report.byService.map((row) => names.service(row.serviceId)), series: [{ name: t('services.referrals'), values: report.byService.map((row) => row.referrals) }] }}
        table={
          <DataTable
            caption={t('services.byService')}
            columns={[
              { key: 'service', header: t('services.service'), rowHeader: true, sortValue: (row) => names.service(row.serviceId), cell: (row) => names.service(row.serviceId) },
              { key: 'referrals', header: t('services.referrals'), numeric: true, firstDirection: 'descending', sortValue: (row) => row.referrals, cell: (row) => format.number(row.referrals) },
            ]}
            rows={report.byService}
            rowKey={(row) => row.serviceId}
            empty={t('none')}
            initialSort={{ key: 'referrals', direction: 'descending' }}
          />
        }
      />
      <ChartCard
        id="services-bills"
        title={t('services.bills')}
        summary={t('services.billsSummary')}
        spec={{ kind: 'bar', categories: report.bills.map((row) => names.utility(row.utility)), series: [{ name: t('services.referrals'), values: report.bills.map((row) => row.referrals) }] }}
        table={
          <DataTable
            caption={t('services.bills')}
            columns={[
              { key: 'utility', header: t('services.utility'), rowHeader: true, sortValue: (row) => names.utility(row.utility), cell: (row) => names.utility(row.utility) },
              { key: 'referrals', header: t('services.referrals'), numeric: true, firstDirection: 'descending', sortValue: (row) => row.referrals, cell: (row) => format.number(row.referrals) },
            ]}
            rows={report.bills}
            rowKey={(row) => row.utility}
            empty={t('none')}
          />
        }
      />
      <ChartCard
        id="services-amenities"
        title={t('services.amenities')}
        summary={t('services.amenitiesSummary')}
        spec={{
          kind: 'bar',
          stacked: true,
          horizontal: true,
          categories: report.amenities.map((row) => names.amenity(row.amenityId)),
          series: [
            { name: t('services.used'), values: report.amenities.map((row) => row.used) },
            { name: t('services.lent'), values: report.amenities.map((row) => row.lent) },
          ],
        }}
        table={
          <DataTable
            caption={t('services.amenities')}
            columns={[
              { key: 'amenity', header: t('services.amenity'), rowHeader: true, sortValue: (row) => names.amenity(row.amenityId), cell: (row) => names.amenity(row.amenityId) },
              { key: 'used', header: t('services.used'), numeric: true, firstDirection: 'descending', sortValue: (row) => row.used, cell: (row) => format.number(row.used) },
              { key: 'lent', header: t('services.lent'), numeric: true, firstDirection: 'descending', sortValue: (row) => row.lent, cell: (row) => format.number(row.lent) },
              { key: 'returned', header: t('services.returned'), numeric: true, firstDirection: 'descending', sortValue: (row) => row.returned, cell: (row) => format.number(row.returned) },
            ]}
            rows={report.amenities}
            rowKey={(row) => row.amenityId}
            empty={t('none')}
          />
        }
      />
      <section className="card" aria-labelledby="services-feedback">
        <h2 id="services-feedback" className="section__title">
          {t('services.feedback')}
        </h2>
        <p className="stat">
          <span className="stat__value">{average === null ? '—' : average.toFixed(1)}</span>
          <span className="stat__label">{t('services.averageRating')}</span>
          <span className="stat__hint">{t('services.ratings', { count: report.feedback.count })}</span>
        </p>
      </section>
    </div>
  );
}
