import { communityScope } from '@protocol/centre.ts';
import { useLocalized } from '@shared/i18n/setup.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommunityChoice, useOrganisation } from '../../app/organisation.tsx';
import { CommunitySelect } from '../../ui/CommunitySelect.tsx';
import { type Column, DataTable } from '../../ui/DataTable.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { NoticeDialog } from './NoticeDialog.tsx';
import { type ItemOf, usePublish, usePublished } from './published.ts';

/**
 * Notices and activities (health clinics, legal talks, meetings, classes) for the whole community or one
 * station, with their start and end; pinned ones come first on the kiosk.
 */
export default function NoticesPage() {
  const { t } = useTranslation('publish');
  const localized = useLocalized();
  const { stationsOf, stationName } = useOrganisation();
  const [community, setCommunity] = useCommunityChoice();
  const notices = usePublished('notices');
  const publish = usePublish();
  const [editing, setEditing] = useState<ItemOf<'notices'> | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (!community) return <Notice tone="info">{t('console:scope.noCommunity')}</Notice>;
  const stations = stationsOf(community.id);
  const scopes = [communityScope(community.id), ...stations.map((station) => station.id)];
  const rows = notices.items.filter((item) => scopes.includes(item.scope));
  const where = (scope: string) => (scope === communityScope(community.id) ? t('notices.wholeCommunity') : stationName(scope));
  const withdraw = async (item: ItemOf<'notices'>) => {
    setError(null);
    try {
      await publish.withdraw(item);
      setMessage(t('console:withdrawn'));
      notices.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  const columns: Column<ItemOf<'notices'>>[] = [
    {
      key: 'title',
      header: t('notices.noticeTitle'),
      rowHeader: true,
      sortValue: (item) => localized(item.value.title),
      cell: (item) => (
        <>
          {item.value.pinned ? (
            <span className="badge badge--brand">
              <span aria-hidden="true">📌</span> {t('notices.pinned')}
            </span>
          ) : null}{' '}
          {localized(item.value.title)}
        </>
      ),
    },
    { key: 'kind', header: t('notices.kind'), sortValue: (item) => item.value.kind, cell: (item) => t(`noticeKind.${item.value.kind}`) },
    { key: 'where', header: t('notices.where'), sortValue: (item) => where(item.scope), cell: (item) => where(item.scope) },
    { key: 'starts', header: t('notices.startsAt'), sortValue: (item) => item.value.startsAt, firstDirection: 'descending', cell: (item) => item.value.startsAt?.replace('T', ' ') ?? '—' },
    { key: 'ends', header: t('notices.endsAt'), sortValue: (item) => item.value.endsAt, firstDirection: 'descending', cell: (item) => item.value.endsAt?.replace('T', ' ') ?? '—' },
    {
      key: 'actions',
      header: <span className="visually-hidden">{t('services.actions')}</span>,
      cell: (item) => (
        <span className="row-actions">
          <button type="button" className="btn btn--small" onClick={() => setEditing(item)}>
            {t('console:action.edit')}
          </button>
          <button type="button" className="btn btn--small btn--danger" onClick={() => void withdraw(item)}>
            {t('console:action.withdraw')}
          </button>
        </span>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('notices.title')}
        lead={t('notices.lead')}
        actions={
          <button type="button" className="btn btn--primary" onClick={() => setEditing('new')}>
            {t('notices.new')}
          </button>
        }
      />
      <div className="toolbar">
        <CommunitySelect value={community.id} onChange={setCommunity} />
      </div>
      {message ? <Notice tone="ok">{message}</Notice> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {notices.error ? <ErrorNotice error={notices.error} retry={notices.reload} /> : null}
      {notices.loaded ? <DataTable caption={t('notices.title')} columns={columns} rows={rows} rowKey={(item) => `${item.scope}/${item.id}`} empty={t('notices.empty')} initialSort={{ key: 'starts', direction: 'descending' }} /> : <Loading />}
      {editing ? (
        <NoticeDialog
          communityId={community.id}
          stations={stations}
          item={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setMessage(t('console:saved'));
            notices.reload();
          }}
        />
      ) : null}
    </>
  );
}
