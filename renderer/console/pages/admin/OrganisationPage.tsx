import type { Community, ConsoleStation, Subdistrict } from '@protocol/console/organisation.ts';
import { DEFAULT_TARGET_HOURS } from '@protocol/console/organisation.ts';
import { STATION_ID_PATTERN } from '@protocol/wire.ts';
import { useLocalized } from '@shared/i18n/setup.ts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/ApiProvider.tsx';
import { useOrganisation } from '../../app/organisation.tsx';
import { useSession } from '../../app/session.tsx';
import { type Column, DataTable } from '../../ui/DataTable.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { emptyLocalized, isFilled, LocalizedInput, trimmed } from '../../ui/LocalizedInput.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { SLUG_PATTERN, slugFrom } from '../../ui/slug.ts';

type Editing = { kind: 'subdistrict'; item: Subdistrict | null } | { kind: 'community'; item: Community | null } | { kind: 'station'; item: ConsoleStation | null };

/**
 * The organisation tree the staff member sees: subdistricts (街道), their communities (社区, each with the hours
 * a request may take before it counts as overdue), and the stations (红色驿站). District admins add subdistricts
 * and move stations between communities; subdistrict staff add communities; community staff add stations and
 * set their community's target time.
 */
export default function OrganisationPage() {
  const { t } = useTranslation('admin');
  const localized = useLocalized();
  const session = useSession();
  const { organisation, communityName, reload } = useOrganisation();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const role = session.staff.role.kind;
  const subdistrictName = (id: string) => {
    const subdistrict = organisation.subdistricts.find((candidate) => candidate.id === id);
    return subdistrict ? localized(subdistrict.name) : id;
  };
  const communities: Column<Community>[] = [
    { key: 'name', header: t('org.name'), rowHeader: true, sortValue: (community) => localized(community.name), cell: (community) => localized(community.name) },
    { key: 'subdistrict', header: t('org.subdistrict'), sortValue: (community) => subdistrictName(community.subdistrictId), cell: (community) => subdistrictName(community.subdistrictId) },
    { key: 'target', header: t('org.targetHours'), numeric: true, sortValue: (community) => community.targetHours, cell: (community) => t('org.hours', { count: community.targetHours }) },
    { key: 'stations', header: t('org.stations'), numeric: true, sortValue: (community) => organisation.stations.filter((station) => station.communityId === community.id).length, cell: (community) => organisation.stations.filter((station) => station.communityId === community.id).length },
    {
      key: 'actions',
      header: <span className="visually-hidden">{t('staff.actions')}</span>,
      cell: (community) => (
        <button type="button" className="btn btn--small" onClick={() => setEditing({ kind: 'community', item: community })} aria-label={t('org.editOf', { name: localized(community.name) })}>
          {t('console:action.edit')}
        </button>
      ),
    },
  ];
  const stations: Column<ConsoleStation>[] = [
    { key: 'name', header: t('org.name'), rowHeader: true, sortValue: (station) => station.name, cell: (station) => station.name },
    { key: 'id', header: t('org.id'), sortValue: (station) => station.id, cell: (station) => <span className="mono">{station.id}</span> },
    { key: 'community', header: t('org.community'), sortValue: (station) => communityName(station.communityId), cell: (station) => communityName(station.communityId) },
    { key: 'state', header: t('staff.state'), sortValue: (station) => (station.revokedAt ? 2 : station.enrolled ? 0 : 1), cell: (station) => (station.revokedAt ? t('stations:revoked') : station.enrolled ? t('stations:enrolment.enrolled') : t('stations:enrolment.new')) },
    {
      key: 'actions',
      header: <span className="visually-hidden">{t('staff.actions')}</span>,
      cell: (station) => (
        <button type="button" className="btn btn--small" onClick={() => setEditing({ kind: 'station', item: station })} aria-label={t('org.editOf', { name: station.name })}>
          {t('console:action.edit')}
        </button>
      ),
    },
  ];
  const saved = (text: string) => {
    setEditing(null);
    setMessage(text);
    reload();
  };
  return (
    <>
      <PageHeader
        title={t('org.title')}
        lead={t('org.lead')}
        actions={
          <>
            {role === 'district-admin' ? (
              <button type="button" className="btn" onClick={() => setEditing({ kind: 'subdistrict', item: null })}>
                {t('org.newSubdistrict')}
              </button>
            ) : null}
            {role === 'district-admin' || role === 'subdistrict-staff' ? (
              <button type="button" className="btn" onClick={() => setEditing({ kind: 'community', item: null })}>
                {t('org.newCommunity')}
              </button>
            ) : null}
            <button type="button" className="btn btn--primary" onClick={() => setEditing({ kind: 'station', item: null })}>
              {t('org.newStation')}
            </button>
          </>
        }
      />
      {message ? <Notice tone="ok">{message}</Notice> : null}
      {role === 'district-admin' || role === 'subdistrict-staff' ? (
        <section className="section" aria-labelledby="org-subdistricts">
          <h2 id="org-subdistricts" className="section__title">
            {t('org.subdistricts')}
          </h2>
          <ul className="chip-list">
            {organisation.subdistricts.map((subdistrict) => (
              <li key={subdistrict.id} className="chip">
                {localized(subdistrict.name)}
                <button type="button" className="btn btn--quiet btn--small" onClick={() => setEditing({ kind: 'subdistrict', item: subdistrict })} aria-label={t('org.editOf', { name: localized(subdistrict.name) })}>
                  {t('console:action.edit')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="section" aria-labelledby="org-communities">
        <h2 id="org-communities" className="section__title">
          {t('org.communities')}
        </h2>
        <DataTable caption={t('org.communities')} columns={communities} rows={organisation.communities} rowKey={(community) => community.id} empty={t('org.noCommunities')} />
      </section>
      <section className="section" aria-labelledby="org-stations">
        <h2 id="org-stations" className="section__title">
          {t('org.stationsTitle')}
        </h2>
        <DataTable caption={t('org.stationsTitle')} columns={stations} rows={organisation.stations} rowKey={(station) => station.id} empty={t('org.noStations')} initialSort={{ key: 'community', direction: 'ascending' }} />
      </section>
      {editing ? <OrganisationDialog editing={editing} mayMove={role === 'district-admin'} onClose={() => setEditing(null)} onSaved={saved} /> : null}
    </>
  );
}

function OrganisationDialog({ editing, mayMove, onClose, onSaved }: { editing: Editing; mayMove: boolean; onClose: () => void; onSaved: (message: string) => void }) {
  const { t } = useTranslation('admin');
  const localized = useLocalized();
  const client = useClient();
  const { organisation } = useOrganisation();
  const creating = editing.item === null;
  const [name, setName] = useState(editing.kind !== 'station' && editing.item ? editing.item.name : emptyLocalized());
  const [stationName, setStationName] = useState(editing.kind === 'station' && editing.item ? editing.item.name : '');
  const [id, setId] = useState(editing.item?.id ?? '');
  const [subdistrictId, setSubdistrictId] = useState(editing.kind === 'community' && editing.item ? editing.item.subdistrictId : (organisation.subdistricts[0]?.id ?? ''));
  const [communityId, setCommunityId] = useState(editing.kind === 'station' ? (editing.item?.communityId ?? organisation.communities[0]?.id ?? '') : '');
  const [targetHours, setTargetHours] = useState(editing.kind === 'community' && editing.item ? editing.item.targetHours : DEFAULT_TARGET_HOURS);
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const idPattern = editing.kind === 'station' ? STATION_ID_PATTERN : SLUG_PATTERN;
  const finalId = id.trim() || (editing.kind === 'station' ? '' : slugFrom(name.en, editing.kind));
  const idValid = !creating || idPattern.test(finalId);
  const hoursValid = Number.isInteger(targetHours) && targetHours >= 1 && targetHours <= 24 * 60;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!idValid) return;
    setError(null);
    try {
      if (editing.kind === 'subdistrict') {
        if (!isFilled(name)) return;
        if (editing.item) await client.call('updateSubdistrict', { params: { subdistrictId: editing.item.id }, body: { name: trimmed(name) } });
        else await client.call('createSubdistrict', { body: { id: finalId, name: trimmed(name) } });
      } else if (editing.kind === 'community') {
        if (!isFilled(name) || !hoursValid) return;
        if (editing.item) await client.call('updateCommunity', { params: { communityId: editing.item.id }, body: { name: trimmed(name), targetHours } });
        else await client.call('createCommunity', { body: { id: finalId, subdistrictId, name: trimmed(name), targetHours } });
      } else {
        if (!stationName.trim() || !communityId) return;
        if (editing.item) {
          const move = mayMove && communityId !== editing.item.communityId ? { communityId } : {};
          await client.call('updateStation', { params: { stationId: editing.item.id }, body: { name: stationName.trim(), ...move } });
        } else await client.call('createStation', { body: { id: finalId, name: stationName.trim(), communityId } });
      }
      onSaved(t('org.saved'));
    } catch (failure) {
      setError(failure);
    }
  };
  const title = t(`org.${creating ? 'new' : 'edit'}.${editing.kind}`);
  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('console:action.cancel')}
          </button>
          <button type="submit" form="org-form" className="btn btn--primary">
            {t('console:action.save')}
          </button>
        </>
      }
    >
      <form id="org-form" className="form" onSubmit={(event) => void submit(event)} noValidate>
        {error ? <ErrorNotice error={error} /> : null}
        {editing.kind === 'station' ? (
          <Field label={t('org.name')} error={checked && !stationName.trim() ? t('org.nameMissing') : undefined}>
            <input className="input" maxLength={64} value={stationName} onChange={(event) => setStationName(event.target.value)} />
          </Field>
        ) : (
          <LocalizedInput legend={t('org.name')} value={name} onChange={setName} error={checked} maxLength={60} />
        )}
        {creating ? (
          <Field label={t('org.id')} hint={editing.kind === 'station' ? t('org.stationIdHint') : t('org.idHint')} error={checked && !idValid ? t('org.idInvalid') : undefined}>
            <input className="input mono" autoCapitalize="none" spellCheck={false} value={id} placeholder={editing.kind === 'station' ? 'east-gate' : finalId} onChange={(event) => setId(event.target.value.toLowerCase())} />
          </Field>
        ) : null}
        {editing.kind === 'community' && creating ? (
          <Field label={t('org.subdistrict')}>
            <select className="select" value={subdistrictId} onChange={(event) => setSubdistrictId(event.target.value)}>
              {organisation.subdistricts.map((subdistrict) => (
                <option key={subdistrict.id} value={subdistrict.id}>
                  {localized(subdistrict.name)}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {editing.kind === 'community' ? (
          <Field label={t('org.targetHours')} hint={t('org.targetHint')} error={checked && !hoursValid ? t('org.targetInvalid') : undefined}>
            <input className="input" type="number" min={1} max={24 * 60} value={targetHours} onChange={(event) => setTargetHours(Number(event.target.value))} />
          </Field>
        ) : null}
        {editing.kind === 'station' && (creating || mayMove) ? (
          <Field label={t('org.community')} error={checked && !communityId ? t('org.communityMissing') : undefined}>
            <select className="select" value={communityId} onChange={(event) => setCommunityId(event.target.value)}>
              {organisation.communities.map((community) => (
                <option key={community.id} value={community.id}>
                  {localized(community.name)}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
      </form>
    </Dialog>
  );
}
