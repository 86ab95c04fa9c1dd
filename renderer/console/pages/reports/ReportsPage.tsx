import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/useApi.ts';
import { Link, useQueryParam, useQueryState } from '../../app/router.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Tabs } from '../../ui/Tabs.tsx';
import { todayAtStations } from '../roster/calendar.ts';
import { CsvLink } from './CsvLink.tsx';
import { ReportFilters, whereOf } from './ReportFilters.tsx';
import { reportRange } from './report-range.ts';
import { ReferralsSection } from './sections/ReferralsSection.tsx';
import { RequestsSection } from './sections/RequestsSection.tsx';
import { ServicesSection } from './sections/ServicesSection.tsx';
import { VisitsSection } from './sections/VisitsSection.tsx';

const tabs = ['visits', 'services', 'referrals', 'requests'] as const;
type Tab = (typeof tabs)[number];

/**
 * The numbers the source reports, for a range of days: visits per day, station and purpose; services used;
 * referrals and their outcomes; requests by kind and their time to done. Counted by the server as records
 * arrive; each chart has its table, each report its CSV.
 */
export default function ReportsPage() {
  const { t } = useTranslation('reports');
  const [query] = useQueryState();
  const [tabParam, setTab] = useQueryParam('tab');
  const tab: Tab = (tabs as readonly string[]).includes(tabParam) ? (tabParam as Tab) : 'visits';
  const range = reportRange(query, todayAtStations());
  const reportQuery = { ...range, ...whereOf(query) };
  const visits = useApi('visitsReport', tab === 'visits' ? { query: reportQuery } : null);
  const services = useApi('servicesReport', tab === 'services' ? { query: reportQuery } : null);
  const referrals = useApi('referralsReport', tab === 'referrals' ? { query: reportQuery } : null);
  const requests = useApi('requestsReport', tab === 'requests' ? { query: reportQuery } : null);
  const current = { visits, services, referrals, requests }[tab];
  const csv = <CsvLink report={tab} query={reportQuery} />;
  return (
    <>
      <PageHeader
        title={t('title')}
        lead={t('lead')}
        actions={
          <>
            {tab === 'visits' ? <CsvLink report="visit-log" query={reportQuery} label={t('visitLog')} /> : null}
            <Link to="/reports/monthly" className="btn">
              {t('monthly.open')}
            </Link>
          </>
        }
      />
      <ReportFilters range={range} />
      <Tabs id="report" label={t('tabs')} items={tabs.map((key) => ({ key, label: t(`tab.${key}`) }))} selected={tab} onSelect={(key) => setTab(key === 'visits' ? '' : key)} />
      <div role="tabpanel" id="report-panel" aria-labelledby={`report-${tab}`} tabIndex={0}>
        {current.error ? <ErrorNotice error={current.error} retry={current.reload} /> : null}
        {current.loading && !current.data ? <Loading /> : null}
        {tab === 'visits' && visits.data ? <VisitsSection report={visits.data} {...range} actions={csv} /> : null}
        {tab === 'services' && services.data ? <ServicesSection report={services.data} actions={csv} /> : null}
        {tab === 'referrals' && referrals.data ? <ReferralsSection report={referrals.data} {...range} actions={csv} /> : null}
        {tab === 'requests' && requests.data ? <RequestsSection report={requests.data} {...range} actions={csv} /> : null}
      </div>
    </>
  );
}
