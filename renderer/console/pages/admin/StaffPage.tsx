import type { Staff } from '@protocol/console/session.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/useApi.ts';
import { useDirectory } from '../../app/directory.ts';
import { useOrganisation } from '../../app/organisation.tsx';
import { useQueryParam } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { CommunitySelect } from '../../ui/CommunitySelect.tsx';
import { type Column, DataTable } from '../../ui/DataTable.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { assignableRoles } from './roles.ts';
import { StaffDialog } from './StaffDialog.tsx';
import { useRolePlace } from './useRolePlace.ts';

/**
 * Staff accounts: who may sign in, in which role and where in the organisation tree. Staff create accounts below
 * their own role and within their scope; accounts are disabled, never deleted (the audit log names them).
 */
export default function StaffPage() {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const session = useSession();
  const directory = useDirectory();
  const { communityName } = useOrganisation();
  const place = useRolePlace(directory);
  const [communityId, setCommunityId] = useQueryParam('community');
  const [includeDisabled, setIncludeDisabled] = useState(false);
  const list = useApi('listStaff', { query: { ...(communityId ? { communityId } : {}), ...(includeDisabled ? { includeDisabled: 'true' as const } : {}) } });
  const [editing, setEditing] = useState<Staff | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const canCreate = assignableRoles(session.staff.role).length > 0;
  const columns: Column<Staff>[] = [
    { key: 'name', header: t('staff.name'), rowHeader: true, sortValue: (staff) => staff.name, cell: (staff) => staff.name },
    { key: 'login', header: t('staff.login'), sortValue: (staff) => staff.login, cell: (staff) => <span className="mono">{staff.login}</span> },
    { key: 'role', header: t('staff.role'), sortValue: (staff) => t(`console:role.${staff.role.kind}`), cell: (staff) => t(`console:role.${staff.role.kind}`) },
    { key: 'where', header: t('staff.where'), sortValue: (staff) => place.describe(staff.role), cell: (staff) => place.describe(staff.role) },
    {
      key: 'state',
      header: t('staff.state'),
      sortValue: (staff) => (staff.disabled ? 2 : staff.lockedUntil ? 1 : 0),
      cell: (staff) =>
        staff.disabled ? (
          <span className="badge badge--neutral">{t('staff.disabled')}</span>
        ) : staff.lockedUntil && Date.parse(staff.lockedUntil) > Date.now() ? (
          <span className="badge badge--warn">{t('staff.locked', { until: format.time(staff.lockedUntil) })}</span>
        ) : (
          <span className="badge badge--ok">{t('staff.active')}</span>
        ),
    },
    { key: 'last', header: t('staff.lastLogin'), sortValue: (staff) => staff.lastLoginAt, firstDirection: 'descending', cell: (staff) => (staff.lastLoginAt ? format.dateTime(staff.lastLoginAt) : t('staff.never')) },
    {
      key: 'actions',
      header: <span className="visually-hidden">{t('staff.actions')}</span>,
      cell: (staff) =>
        staff.id === session.staff.id ? (
          <span className="muted">{t('staff.you')}</span>
        ) : (
          <button type="button" className="btn btn--small" onClick={() => setEditing(staff)} aria-label={t('staff.editOf', { name: staff.name })}>
            {t('console:action.edit')}
          </button>
        ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('staff.title')}
        lead={t('staff.lead')}
        actions={
          canCreate ? (
            <button type="button" className="btn btn--primary" onClick={() => setEditing('new')}>
              {t('staff.new')}
            </button>
          ) : null
        }
      />
      <div className="toolbar">
        <CommunitySelect value={communityId} onChange={setCommunityId} all />
        <label className="check">
          <input type="checkbox" checked={includeDisabled} onChange={(event) => setIncludeDisabled(event.target.checked)} />
          {t('staff.showDisabled')}
        </label>
      </div>
      {message ? <Notice tone="ok">{message}</Notice> : null}
      {list.error ? <ErrorNotice error={list.error} retry={list.reload} /> : null}
      {list.data ? (
        <DataTable caption={t('staff.title')} columns={columns} rows={list.data.staff} rowKey={(staff) => staff.id} empty={communityId ? t('staff.emptyIn', { community: communityName(communityId) }) : t('staff.empty')} initialSort={{ key: 'name', direction: 'ascending' }} rowClass={(staff) => (staff.disabled ? 'row--muted' : undefined)} />
      ) : list.loading ? (
        <Loading />
      ) : null}
      {editing ? (
        <StaffDialog
          staff={editing === 'new' ? null : editing}
          place={place}
          onClose={() => setEditing(null)}
          onSaved={(text) => {
            setEditing(null);
            setMessage(text);
            list.reload();
          }}
        />
      ) : null}
    </>
  );
}
