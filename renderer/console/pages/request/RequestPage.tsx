import type { RequestDetail } from '@protocol/console/dispatch.ts';
import { groupRequestNumber } from '@shared/format/request-number.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveReload } from '../../api/live.ts';
import { useApi } from '../../api/useApi.ts';
import { useDirectory } from '../../app/directory.ts';
import type { PageProps } from '../../app/pages.ts';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { KindLabel, OverdueBadge, StatusBadge, useCategoryName } from '../../ui/RequestBadges.tsx';
import { RequestFacts } from './RequestFacts.tsx';
import { StepsPanel } from './StepsPanel.tsx';
import { Timeline } from './Timeline.tsx';

/**
 * One request: what the resident asked (in the kiosk's words), where it is and with whom, its timeline, and the
 * steps the staff member may take now. Live: a station's push or a colleague's step shows at once.
 */
export default function RequestPage({ params }: PageProps) {
  const { t } = useTranslation('request');
  const session = useSession();
  const directory = useDirectory();
  const categoryName = useCategoryName();
  const requestId = params.requestId ?? '';
  const detail = useApi('request', { params: { requestId } });
  const [latest, setLatest] = useState<RequestDetail | null>(null);
  useLiveReload(detail.reload, (change) => change.type === 'resync' || change.event.requestId === requestId);
  // A step answers with the request as it now is; the live feed brings the same soon after.
  const shown = latest && detail.data && latest.request.updatedAt > detail.data.request.updatedAt ? latest : detail.data;

  if (detail.error && !shown) {
    return (
      <>
        <PageHeader title={t('title')} />
        <ErrorNotice error={detail.error} retry={detail.reload} />
        <Link to="/inbox">{t('back')}</Link>
      </>
    );
  }
  if (!shown) return <Loading />;
  const { request } = shown;
  return (
    <>
      <p className="crumb">
        <Link to="/inbox">{t('back')}</Link>
      </p>
      <PageHeader
        title={t('heading', { number: groupRequestNumber(request.number) })}
        lead={
          <span className="request-lead">
            <KindLabel kind={request.kind} /> · {categoryName(request.category)} <StatusBadge status={request.status} />
            {request.overdue ? <OverdueBadge /> : null}
          </span>
        }
      />
      {detail.error ? <ErrorNotice error={detail.error} retry={detail.reload} /> : null}
      {request.status === null ? <Notice tone="info">{t('arriving')}</Notice> : null}
      {shown.sameNumber.length > 0 ? (
        <Notice tone="warning">
          {t('sameNumber', { count: shown.sameNumber.length })}{' '}
          {shown.sameNumber.map((id, index) => (
            <Link key={id} to={`/requests/${id}`}>
              {t('sameNumberLink', { index: index + 1 })}
            </Link>
          ))}
        </Notice>
      ) : null}
      <div className="request-layout">
        <div className="request-layout__main">
          <RequestFacts detail={shown} directory={directory} />
          <Timeline entries={shown.timeline} directory={directory} />
        </div>
        <aside className="request-layout__side" aria-labelledby="steps-title">
          <StepsPanel detail={shown} role={session.staff.role} directory={directory} onDone={setLatest} onStale={detail.reload} />
        </aside>
      </div>
    </>
  );
}
