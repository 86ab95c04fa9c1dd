import { communityScope } from '@protocol/centre.ts';
import { unitSchema } from '@protocol/catalogue.ts';
import { useLocalized } from '@shared/i18n/setup.ts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommunityChoice } from '../../app/organisation.tsx';
import { CommunitySelect } from '../../ui/CommunitySelect.tsx';
import { type Column, DataTable } from '../../ui/DataTable.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { emptyLocalized, isFilled, LocalizedInput, trimmed } from '../../ui/LocalizedInput.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { slugFrom } from '../../ui/slug.ts';
import { type ItemOf, usePublish, usePublished } from './published.ts';

/** 共建单位: the partner units of the community (the source has 13 on rotation), whose members staff shifts. */
export default function UnitsPage() {
  const { t } = useTranslation('publish');
  const localized = useLocalized();
  const [community, setCommunity] = useCommunityChoice();
  const scope = community ? communityScope(community.id) : undefined;
  const units = usePublished('units', scope);
  const members = usePublished('members', scope);
  const publish = usePublish();
  const [editing, setEditing] = useState<ItemOf<'units'> | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (!community || !scope) return <Notice tone="info">{t('console:scope.noCommunity')}</Notice>;
  const memberCount = (unitId: string) => members.items.filter((item) => item.value.unitId === unitId).length;
  const withdraw = async (item: ItemOf<'units'>) => {
    setError(null);
    try {
      await publish.withdraw(item);
      setMessage(t('console:withdrawn'));
      units.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  const columns: Column<ItemOf<'units'>>[] = [
    { key: 'name', header: t('units.name'), rowHeader: true, sortValue: (item) => localized(item.value.name), cell: (item) => localized(item.value.name) },
    { key: 'members', header: t('units.members'), numeric: true, sortValue: (item) => memberCount(item.value.id), cell: (item) => memberCount(item.value.id) },
    {
      key: 'actions',
      header: <span className="visually-hidden">{t('services.actions')}</span>,
      cell: (item) => (
        <span className="nowrap">
          <button type="button" className="btn btn--small" onClick={() => setEditing(item)}>
            {t('console:action.edit')}
          </button>{' '}
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
        title={t('units.title')}
        lead={t('units.lead')}
        actions={
          <button type="button" className="btn btn--primary" onClick={() => setEditing('new')}>
            {t('units.new')}
          </button>
        }
      />
      <div className="toolbar">
        <CommunitySelect value={community.id} onChange={setCommunity} />
      </div>
      {message ? <Notice tone="ok">{message}</Notice> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {units.error ? <ErrorNotice error={units.error} retry={units.reload} /> : null}
      {units.loaded ? <DataTable caption={t('units.title')} columns={columns} rows={units.items} rowKey={(item) => item.id} empty={t('units.empty')} initialSort={{ key: 'name', direction: 'ascending' }} /> : <Loading />}
      {editing ? (
        <UnitDialog
          scope={scope}
          item={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setMessage(t('console:saved'));
            units.reload();
          }}
        />
      ) : null}
    </>
  );
}

function UnitDialog({ scope, item, onClose, onSaved }: { scope: string; item: ItemOf<'units'> | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation('publish');
  const publish = usePublish();
  const [name, setName] = useState(item?.value.name ?? emptyLocalized());
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    const value = unitSchema.safeParse({ id: item?.value.id ?? slugFrom(name.en, 'unit'), name: trimmed(name) });
    if (!value.success || !isFilled(name)) return;
    try {
      await publish.put('units', scope, value.data, item?.version ?? null);
      onSaved();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <Dialog
      title={item ? t('units.edit') : t('units.new')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('console:action.cancel')}
          </button>
          <button type="submit" form="unit-form" className="btn btn--primary">
            {t('publishNow')}
          </button>
        </>
      }
    >
      <form id="unit-form" className="form" onSubmit={(event) => void submit(event)} noValidate>
        {error ? <ErrorNotice error={error} /> : null}
        <LocalizedInput legend={t('units.name')} value={name} onChange={setName} error={checked} maxLength={60} />
      </form>
    </Dialog>
  );
}
