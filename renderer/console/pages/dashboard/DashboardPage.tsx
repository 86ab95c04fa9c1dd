import { useTranslation } from 'react-i18next';
import { useLiveReload } from '../../api/live.ts';
import { useApi } from '../../api/useApi.ts';
import { useOrganisation } from '../../app/organisation.tsx';
import { Link, useQueryParam } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { CommunitySelect } from '../../ui/CommunitySelect.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { StationsSummary } from './StationsSummary.tsx';

/**
 * The source's four lists as live counts (member resources 资源清单, resident needs 群众需求, service projects,
 * completed), with what needs doing now: open and overdue requests. Counted by the server as records arrive;
 * any change to a request in scope reads them again.
 */
export default function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  const session = useSession();
  const { communityName } = useOrganisation();
  const [communityId, setCommunityId] = useQueryParam('community');
  const scope = communityId ? { communityId } : {};
  const overview = useApi('overview', { query: scope });
  const overdue = useApi('inbox', { query: { ...scope, overdue: 'true', limit: 1 } });
  useLiveReload(() => {
    overview.reload();
    overdue.reload();
  });
  const staff = session.staff.role.kind !== 'unit-lead';
  const counts = overview.data;
  const stat = (value: number, label: string, hint: string, to?: string) => {
    const body = (
      <>
        <span className="stat__value">{format.number(value)}</span>
        <span className="stat__label">{label}</span>
        <span className="stat__hint">{hint}</span>
      </>
    );
    return to ? (
      <Link to={to} className="stat card">
        {body}
      </Link>
    ) : (
      <div className="stat card">{body}</div>
    );
  };
  const inboxTo = (query: string) => {
    const params = new URLSearchParams(query);
    if (communityId) params.set('community', communityId);
    const text = params.toString();
    return `/inbox${text ? `?${text}` : ''}`;
  };
  return (
    <>
      <PageHeader
        title={t('title')}
        lead={t('lead', { scope: communityId ? communityName(communityId) : t('allInScope') })}
        actions={<CommunitySelect value={communityId} onChange={setCommunityId} all />}
      />
      {overview.error ? <ErrorNotice error={overview.error} retry={overview.reload} /> : null}
      {!counts ? (
        overview.loading ? <Loading /> : null
      ) : (
        <>
          <section className="section" aria-labelledby="lists">
            <h2 id="lists" className="section__title">
              {t('lists')}
            </h2>
            <div className="cards">
              {stat(counts.memberResources, t('memberResources'), t('memberResourcesHint', { members: format.number(counts.members) }), '/publish/members')}
              {stat(counts.residentNeeds, t('residentNeeds'), t('residentNeedsHint', { open: format.number(counts.openNeeds) }), inboxTo(''))}
              {stat(counts.serviceProjects, t('serviceProjects'), t('serviceProjectsHint'), '/projects')}
              {stat(counts.projectsCompleted, t('projectsCompleted'), t('projectsCompletedHint', { met: format.number(counts.needsMet) }), '/projects?status=completed')}
            </div>
          </section>
          <section className="section" aria-labelledby="now">
            <h2 id="now" className="section__title">
              {t('now')}
            </h2>
            <div className="cards">
              {stat(counts.openNeeds, t('open'), t('openHint'), inboxTo('status=submitted&status=dispatched&status=taken&status=reopened'))}
              {overdue.data ? stat(overdue.data.overdueCount, t('overdue'), t('overdueHint'), inboxTo('overdue=true')) : null}
            </div>
          </section>
        </>
      )}
      {staff ? <StationsSummary communityId={communityId || null} /> : null}
    </>
  );
}
