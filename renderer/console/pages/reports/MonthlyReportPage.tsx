import { daysOfMonth } from '@protocol/console/rotation.ts';
import { useLocalized } from '@shared/i18n/setup.ts';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/useApi.ts';
import { useDirectory } from '../../app/directory.ts';
import { useCommunityChoice } from '../../app/organisation.tsx';
import { useQueryParam } from '../../app/router.tsx';
import { CommunitySelect } from '../../ui/CommunitySelect.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { todayAtStations } from '../roster/calendar.ts';
import { ReferralsSection } from './sections/ReferralsSection.tsx';
import { RequestsSection } from './sections/RequestsSection.tsx';
import { ServicesSection } from './sections/ServicesSection.tsx';
import { VisitsSection } from './sections/VisitsSection.tsx';

/**
 * A community's month on paper: the key figures, visits, services, referrals, requests and volunteer hours, laid
 * out to print (A4, no navigation, each part starting where it fits) for the community's files and the district.
 */
export default function MonthlyReportPage() {
  const { t } = useTranslation('reports');
  const localized = useLocalized();
  const format = useFormat();
  const directory = useDirectory();
  const [community, setCommunity] = useCommunityChoice();
  const [monthParam, setMonth] = useQueryParam('month');
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(monthParam) ? monthParam : todayAtStations().slice(0, 7);
  const report = useApi('monthlyReport', community ? { query: { communityId: community.id, month } } : null);
  if (!community) return <Notice tone="info">{t('console:scope.noCommunity')}</Notice>;
  const days = daysOfMonth(month);
  const range = { from: days[0]!, to: days.at(-1)! };
  const data = report.data;
  const totalMinutes = data ? data.hours.byMember.reduce((sum, row) => sum + row.minutes, 0) + data.hours.walkIns.reduce((sum, row) => sum + row.minutes, 0) : 0;
  return (
    <div className="monthly">
      <div className="no-print">
        <PageHeader
          title={t('monthly.title')}
          lead={t('monthly.lead')}
          actions={
            <button type="button" className="btn btn--primary" onClick={() => window.print()} disabled={!data}>
              {t('console:action.print')}
            </button>
          }
        />
        <div className="toolbar">
          <CommunitySelect value={community.id} onChange={setCommunity} />
          <Field label={t('month')}>
            <input className="input" type="month" value={month} onChange={(event) => setMonth(event.target.value)} />
          </Field>
        </div>
      </div>
      {report.error ? <ErrorNotice error={report.error} retry={report.reload} /> : null}
      {!data ? (
        report.loading ? <Loading /> : null
      ) : (
        <article className="print-report" aria-labelledby="monthly-title">
          <header className="print-report__head">
            <h2 id="monthly-title" className="print-report__title">
              {t('monthly.heading', { community: localized(data.community.name), month: format.month(data.month) })}
            </h2>
            <p className="muted">
              {t('monthly.stations', { list: data.stations.map((station) => station.name).join('、') })} · {t('monthly.generated', { at: format.dateTime(data.generatedAt) })}
            </p>
          </header>
          <section className="print-report__figures" aria-label={t('monthly.figures')}>
            <dl className="figures">
              <div>
                <dt>{t('monthly.visits')}</dt>
                <dd>{format.number(data.visits.total)}</dd>
              </div>
              <div>
                <dt>{t('monthly.referrals')}</dt>
                <dd>{format.number(data.referrals.total)}</dd>
              </div>
              <div>
                <dt>{t('monthly.requests')}</dt>
                <dd>{format.number(data.requests.byKind.reduce((sum, row) => sum + row.submitted, 0))}</dd>
              </div>
              <div>
                <dt>{t('monthly.requestsDone')}</dt>
                <dd>{format.number(data.requests.byKind.reduce((sum, row) => sum + row.done, 0))}</dd>
              </div>
              <div>
                <dt>{t('monthly.hours')}</dt>
                <dd>{format.hours(totalMinutes)}</dd>
              </div>
              <div>
                <dt>{t('monthly.volunteers')}</dt>
                <dd>{format.number(data.hours.byMember.length + data.hours.walkIns.length)}</dd>
              </div>
            </dl>
          </section>
          <h2 className="print-report__part">{t('tab.visits')}</h2>
          <VisitsSection report={data.visits} {...range} />
          <h2 className="print-report__part">{t('tab.services')}</h2>
          <ServicesSection report={data.services} />
          <h2 className="print-report__part">{t('tab.referrals')}</h2>
          <ReferralsSection report={data.referrals} {...range} />
          <h2 className="print-report__part">{t('tab.requests')}</h2>
          <RequestsSection report={data.requests} {...range} />
          <h2 className="print-report__part">{t('hours.title')}</h2>
          <DataTable
            caption={t('hours.byUnit')}
            captionHidden={false}
            columns={[
              { key: 'unit', header: t('hours.unit'), rowHeader: true, sortValue: (row) => directory.unitName(row.unitId), cell: (row) => directory.unitName(row.unitId) },
              { key: 'hours', header: t('hours.counted'), numeric: true, firstDirection: 'descending', sortValue: (row) => row.minutes, cell: (row) => format.hours(row.minutes) },
              { key: 'shifts', header: t('hours.shifts'), numeric: true, sortValue: (row) => row.shifts, cell: (row) => format.number(row.shifts) },
            ]}
            rows={data.hours.byUnit}
            rowKey={(row) => row.unitId}
            empty={t('none')}
            initialSort={{ key: 'hours', direction: 'descending' }}
          />
          <DataTable
            caption={t('hours.byMember')}
            captionHidden={false}
            columns={[
              { key: 'member', header: t('hours.member'), rowHeader: true, sortValue: (row) => row.name ?? directory.memberName(row.memberId), cell: (row) => row.name ?? directory.memberName(row.memberId) },
              { key: 'unit', header: t('hours.unit'), sortValue: (row) => (row.unitId ? directory.unitName(row.unitId) : null), cell: (row) => (row.unitId ? directory.unitName(row.unitId) : '—') },
              { key: 'hours', header: t('hours.counted'), numeric: true, firstDirection: 'descending', sortValue: (row) => row.minutes, cell: (row) => format.hours(row.minutes) },
              { key: 'shifts', header: t('hours.shifts'), numeric: true, sortValue: (row) => row.shifts, cell: (row) => format.number(row.shifts) },
            ]}
            rows={data.hours.byMember}
            rowKey={(row) => row.memberId}
            empty={t('none')}
            initialSort={{ key: 'hours', direction: 'descending' }}
          />
          {data.hours.needsReview > 0 ? <p className="muted">{t('monthly.pendingNote', { count: data.hours.needsReview })}</p> : null}
        </article>
      )}
    </div>
  );
}
