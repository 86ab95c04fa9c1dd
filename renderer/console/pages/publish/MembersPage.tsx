import { communityScope } from '@protocol/centre.ts';
import { maskPhone } from '@protocol/masking.ts';
import { useLocalized } from '@shared/i18n/setup.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/useApi.ts';
import { useCommunityChoice } from '../../app/organisation.tsx';
import { useSession } from '../../app/session.tsx';
import { CommunitySelect } from '../../ui/CommunitySelect.tsx';
import { type Column, DataTable } from '../../ui/DataTable.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { MemberDialog } from './MemberDialog.tsx';
import { PinDialog } from './PinDialog.tsx';
import { type ItemOf, usePublish, usePublished } from './published.ts';
import { QrBadgeDialog } from './QrBadgeDialog.tsx';

type Open = { kind: 'edit'; item: ItemOf<'members'> | null } | { kind: 'pin'; item: ItemOf<'members'> } | { kind: 'qr'; item: ItemOf<'members'> };

/**
 * 党员与志愿者: the community's members (双报到党员, grid workers, unit staff) with their unit and skills (the
 * resource list 资源清单), and how each signs in at the kiosk: a PIN (hashed here, in the browser: only the hash
 * is sent) and a QR badge. A partner-unit lead sees and manages their unit's members.
 */
export default function MembersPage() {
  const { t } = useTranslation('publish');
  const localized = useLocalized();
  const session = useSession();
  const [community, setCommunity] = useCommunityChoice();
  const scope = community ? communityScope(community.id) : undefined;
  const members = usePublished('members', scope);
  const units = usePublished('units', scope);
  const credentials = useApi('memberCredentials', scope ? { query: { scope } } : null);
  const publish = usePublish();
  const [open, setOpen] = useState<Open | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (!community || !scope) return <Notice tone="info">{t('console:scope.noCommunity')}</Notice>;
  const leadUnit = session.staff.role.kind === 'unit-lead' ? session.staff.role.unitId : null;
  const unitName = (id: string) => {
    const unit = units.items.find((item) => item.value.id === id);
    return unit ? localized(unit.value.name) : id;
  };
  const status = (memberId: string) => credentials.data?.credentials.find((entry) => entry.memberId === memberId);
  const withdraw = async (item: ItemOf<'members'>) => {
    setError(null);
    try {
      await publish.withdraw(item);
      setMessage(t('console:withdrawn'));
      members.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  const done = (text: string) => {
    setOpen(null);
    setMessage(text);
    members.reload();
    credentials.reload();
  };
  const columns: Column<ItemOf<'members'>>[] = [
    { key: 'name', header: t('members.name'), rowHeader: true, sortValue: (item) => item.value.name, cell: (item) => item.value.name },
    { key: 'unit', header: t('members.unit'), sortValue: (item) => unitName(item.value.unitId), cell: (item) => unitName(item.value.unitId) },
    { key: 'role', header: t('members.role'), sortValue: (item) => t(`memberRole.${item.value.role}`), cell: (item) => t(`memberRole.${item.value.role}`) },
    { key: 'skills', header: t('members.skills'), sortValue: (item) => item.value.skills.length, firstDirection: 'descending', cell: (item) => item.value.skills.map(localized).join('、') || '—' },
    { key: 'phone', header: t('members.phone'), cell: (item) => <span className="mono">{maskPhone(item.value.phone)}</span> },
    {
      key: 'signIn',
      header: t('members.signIn'),
      cell: (item) => {
        const entry = status(item.value.id);
        return (
          <span className="nowrap">
            <span className={`badge badge--${entry?.hasPin ? 'ok' : 'neutral'}`}>{entry?.hasPin ? t('members.pinSet') : t('members.noPin')}</span>{' '}
            <span className={`badge badge--${entry?.hasQr ? 'ok' : 'neutral'}`}>{entry?.hasQr ? t('members.qrSet') : t('members.noQr')}</span>
          </span>
        );
      },
    },
    {
      key: 'actions',
      header: <span className="visually-hidden">{t('services.actions')}</span>,
      cell: (item) => (
        <span className="row-actions">
          <button type="button" className="btn btn--small" onClick={() => setOpen({ kind: 'edit', item })} aria-label={t('members.editOf', { name: item.value.name })}>
            {t('console:action.edit')}
          </button>
          <button type="button" className="btn btn--small" onClick={() => setOpen({ kind: 'pin', item })} aria-label={t('members.pinOf', { name: item.value.name })}>
            {t('members.pin')}
          </button>
          <button type="button" className="btn btn--small" onClick={() => setOpen({ kind: 'qr', item })} aria-label={t('members.qrOf', { name: item.value.name })}>
            {t('members.qr')}
          </button>
          <button type="button" className="btn btn--small btn--danger" onClick={() => void withdraw(item)} aria-label={t('members.withdrawOf', { name: item.value.name })}>
            {t('console:action.withdraw')}
          </button>
        </span>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('members.title')}
        lead={t('members.lead')}
        actions={
          <button type="button" className="btn btn--primary" onClick={() => setOpen({ kind: 'edit', item: null })}>
            {t('members.new')}
          </button>
        }
      />
      <div className="toolbar">
        <CommunitySelect value={community.id} onChange={setCommunity} />
      </div>
      {message ? <Notice tone="ok">{message}</Notice> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {members.error ? <ErrorNotice error={members.error} retry={members.reload} /> : null}
      {members.loaded ? <DataTable caption={t('members.title')} columns={columns} rows={members.items} rowKey={(item) => item.id} empty={t('members.empty')} initialSort={{ key: 'unit', direction: 'ascending' }} /> : <Loading />}
      {open?.kind === 'edit' ? (
        <MemberDialog
          scope={scope}
          item={open.item}
          units={units.items.filter((item) => leadUnit === null || item.value.id === leadUnit).map((item) => item.value)}
          onClose={() => setOpen(null)}
          onSaved={() => done(t('console:saved'))}
        />
      ) : null}
      {open?.kind === 'pin' ? <PinDialog scope={scope} member={open.item.value} hasPin={status(open.item.value.id)?.hasPin ?? false} onClose={() => setOpen(null)} onSaved={done} /> : null}
      {open?.kind === 'qr' ? (
        <QrBadgeDialog
          scope={scope}
          member={open.item.value}
          unitName={unitName(open.item.value.unitId)}
          communityName={localized(community.name)}
          hasQr={status(open.item.value.id)?.hasQr ?? false}
          onClose={() => setOpen(null)}
          onSaved={() => credentials.reload()}
          onWithdrawn={done}
        />
      ) : null}
    </>
  );
}
