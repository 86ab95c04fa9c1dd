import { communityScope } from '@protocol/centre.ts';
import { useLocalized } from '@shared/i18n/setup.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommunityChoice, useOrganisation } from '../../app/organisation.tsx';
import { CommunitySelect } from '../../ui/CommunitySelect.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { type ItemOf, usePublish, usePublished } from './published.ts';
import { availableAt, withAvailability } from './availability.ts';
import { ServiceDialog } from './ServiceDialog.tsx';

/**
 * The community's service menu and where each service is offered: one row per service, one column per station
 * of the community, a checkbox in each cell. A tick publishes the change at once; every station gets it on its
 * next pull.
 */
export default function ServicesPage() {
  const { t } = useTranslation('publish');
  const localized = useLocalized();
  const { stationsOf } = useOrganisation();
  const [community, setCommunity] = useCommunityChoice();
  const scope = community ? communityScope(community.id) : undefined;
  const services = usePublished('services', scope);
  const categories = usePublished('categories');
  const publish = usePublish();
  const [editing, setEditing] = useState<ItemOf<'services'> | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (!community || !scope) return <Notice tone="info">{t('console:scope.noCommunity')}</Notice>;
  const stations = stationsOf(community.id);
  const rows = [...services.items].sort((a, b) => a.value.order - b.value.order);
  const categoryName = (id: string) => {
    const category = categories.items.find((item) => item.value.id === id);
    return category ? localized(category.value.name) : id;
  };

  const setAvailable = async (item: ItemOf<'services'>, stationId: string, available: boolean) => {
    setError(null);
    try {
      await publish.put('services', item.scope, withAvailability(item.value, stations.map((station) => station.id), stationId, available), item.version);
      setMessage(t('console:saved'));
    } catch (failure) {
      setError(failure);
    }
    services.reload();
  };
  const withdraw = async (item: ItemOf<'services'>) => {
    setError(null);
    try {
      await publish.withdraw(item);
      setMessage(t('console:withdrawn'));
    } catch (failure) {
      setError(failure);
    }
    services.reload();
  };

  return (
    <>
      <PageHeader
        title={t('services.title')}
        lead={t('services.lead')}
        actions={
          <button type="button" className="btn btn--primary" onClick={() => setEditing('new')}>
            {t('services.new')}
          </button>
        }
      />
      <div className="toolbar">
        <CommunitySelect value={community.id} onChange={setCommunity} />
      </div>
      {message ? <Notice tone="ok">{message}</Notice> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {services.error ? <ErrorNotice error={services.error} retry={services.reload} /> : null}
      {!services.loaded ? (
        <Loading />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('services.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('services.service')}</th>
                <th scope="col">{t('services.category')}</th>
                {stations.map((station) => (
                  <th key={station.id} scope="col" className="table__center">
                    {station.name}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">{t('services.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={stations.length + 3} className="table__empty">
                    {t('services.empty')}
                  </td>
                </tr>
              ) : (
                rows.map((item) => (
                  <tr key={item.id}>
                    <th scope="row">
                      <span aria-hidden="true" className="emoji">
                        {item.value.icon}
                      </span>{' '}
                      {localized(item.value.name)}
                    </th>
                    <td>{categoryName(item.value.categoryId)}</td>
                    {stations.map((station) => (
                      <td key={station.id} className="table__center">
                        <input
                          type="checkbox"
                          className="cell-check"
                          aria-label={t('services.availableAt', { service: localized(item.value.name), station: station.name })}
                          checked={availableAt(item.value, station.id)}
                          onChange={(event) => void setAvailable(item, station.id, event.target.checked)}
                        />
                      </td>
                    ))}
                    <td className="nowrap">
                      <button type="button" className="btn btn--small" onClick={() => setEditing(item)}>
                        {t('console:action.edit')}
                      </button>{' '}
                      <button type="button" className="btn btn--small btn--danger" onClick={() => void withdraw(item)}>
                        {t('console:action.withdraw')}
                      </button>
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      )}
      {editing ? (
        <ServiceDialog
          scope={scope}
          item={editing === 'new' ? null : editing}
          categories={categories.items.map((item) => item.value)}
          stations={stations}
          nextOrder={rows.reduce((max, item) => Math.max(max, item.value.order), 0) + 1}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setMessage(t('console:saved'));
            services.reload();
          }}
        />
      ) : null}
    </>
  );
}
