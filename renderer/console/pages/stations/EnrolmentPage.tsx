import type { ConsoleResponse } from '@protocol/console/routes.ts';
import { useLocalized } from '@shared/i18n/setup.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/ApiProvider.tsx';
import { useOrganisation } from '../../app/organisation.tsx';
import { useQueryParam } from '../../app/router.tsx';
import { CommunitySelect } from '../../ui/CommunitySelect.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field, FieldSet } from '../../ui/Field.tsx';
import { useFormat } from '../../ui/format.ts';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';


/**
 * Enrolment codes for a rollout: choose stations, make one-time codes for all of them, print the sheet the
 * technician carries from tablet to tablet (each code with its station and its expiry).
 * Stations already enrolled are left out unless asked for: a code re-enrols, replacing the working tablet.
 */
export default function EnrolmentPage() {
  const { t } = useTranslation('stations');
  const localized = useLocalized();
  const format = useFormat();
  const client = useClient();
  const { organisation, stationsOf, community } = useOrganisation();
  const [communityId, setCommunityId] = useQueryParam('community');
  const stations = stationsOf(communityId || null).filter((station) => !station.revokedAt);
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const picked = chosen ?? new Set(stations.filter((station) => !station.enrolled).map((station) => station.id));
  const [hours, setHours] = useState(168);
  const [includeEnrolled, setIncludeEnrolled] = useState(false);
  const [sheet, setSheet] = useState<ConsoleResponse<'enrolmentSheet'> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [nothing, setNothing] = useState(false);

  const make = async () => {
    const stationIds = stations.filter((station) => picked.has(station.id)).map((station) => station.id);
    if (stationIds.length === 0) return setNothing(true);
    setNothing(false);
    setError(null);
    try {
      setSheet(await client.call('enrolmentSheet', { body: { stationIds, hours, includeEnrolled } }));
    } catch (failure) {
      setError(failure);
    }
  };
  const toggle = (id: string, on: boolean) => {
    const next = new Set(picked);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };
  // Staff of one community print their community's sheet: "all communities" would be a scope they do not have.
  const only = organisation.communities.length === 1 ? organisation.communities[0]!.id : null;
  const named = communityId || only;
  const scopeName = named ? localized(community(named)?.name ?? { 'zh-CN': named, en: named }) : t('console:scope.allCommunities');

  return (
    <>
      <PageHeader title={t('enrolment.title')} lead={t('enrolment.lead')} actions={sheet ? <button type="button" className="btn btn--primary" onClick={() => window.print()}>{t('enrolment.print')}</button> : null} />
      <div className="no-print">
        <div className="toolbar">
          <CommunitySelect value={communityId} onChange={(id) => { setCommunityId(id); setChosen(null); }} all />
          <Field label={t('actions.validFor')}>
            <select className="select" value={hours} onChange={(event) => setHours(Number(event.target.value))}>
              {[24, 72, 168, 720].map((option) => (
                <option key={option} value={option}>
                  {t('actions.hours', { count: option })}
                </option>
              ))}
            </select>
          </Field>
          <label className="check">
            <input type="checkbox" checked={includeEnrolled} onChange={(event) => setIncludeEnrolled(event.target.checked)} />
            {t('enrolment.includeEnrolled')}
          </label>
          <div className="toolbar__end">
            <button type="button" className="btn btn--primary" onClick={() => void make()}>
              {t('enrolment.make', { count: picked.size })}
            </button>
          </div>
        </div>
        {nothing ? <Notice tone="error">{t('enrolment.nothing')}</Notice> : null}
        {error ? <ErrorNotice error={error} /> : null}
        <FieldSet legend={t('enrolment.stations', { scope: scopeName })}>
          {stations.length === 0 ? <p className="muted">{t('empty')}</p> : null}
          <div className="checks checks--columns">
            {stations.map((station) => (
              <label key={station.id} className="check">
                <input type="checkbox" checked={picked.has(station.id)} onChange={(event) => toggle(station.id, event.target.checked)} />
                {station.name} <span className="muted small">{station.enrolled ? t('enrolment.enrolled') : t('enrolment.new')}</span>
              </label>
            ))}
          </div>
        </FieldSet>
        {sheet && sheet.skipped.length ? <Notice tone="info">{t('enrolment.skipped', { list: sheet.skipped.map((entry) => `${organisation.stations.find((station) => station.id === entry.stationId)?.name ?? entry.stationId}（${t(`enrolment.reason.${entry.reason}`)}）`).join('、') })}</Notice> : null}
      </div>
      {sheet ? (
        <section className="enrolment-sheet print-sheet" aria-labelledby="sheet-title">
          <h2 id="sheet-title" className="section__title">
            {t('enrolment.sheetTitle', { scope: scopeName })}
          </h2>
          <p className="muted">{t('enrolment.sheetHint')}</p>
          <ol className="code-cards">
            {sheet.codes.map((code) => (
              <li key={code.stationId} className="code-card">
                <div className="code-card__text">
                  <p className="code-card__station">{code.stationName}</p>
                  <p className="mono muted">{code.stationId}</p>
                  <p className="code-card__code mono">{code.code}</p>
                  <p className="small">{t('actions.codeExpires', { at: format.dateTime(code.expiresAt) })}</p>
                </div>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}
