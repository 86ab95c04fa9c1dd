import type { RosterOccurrence } from '@protocol/console/rotation.ts';
import type { Shift } from '@protocol/catalogue.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/useApi.ts';
import { useDirectory } from '../../app/directory.ts';
import { useCommunityChoice, useOrganisation } from '../../app/organisation.tsx';
import { useQueryParam } from '../../app/router.tsx';
import { CommunitySelect, StationSelect } from '../../ui/CommunitySelect.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { type RosterView, stepView, todayAtStations, viewRange } from './calendar.ts';
import { RosterMonth, RosterWeek } from './RosterGrid.tsx';
import { RotationDialog } from './RotationDialog.tsx';
import { ShiftDialog } from './ShiftDialog.tsx';
import { ShiftList } from './ShiftList.tsx';

export type ShiftEntry = { shift: Shift; version: number };

/**
 * 值班排班 of one station: a week or a month of shifts as they will occur (weekly rotations and dated shifts,
 * overnight ones included), the station's published shifts to edit, and the partner units' rotation template
 * that generates a month of dated shifts (晚间一小时 and 红色周末 slots too). Every change reaches the tablet on
 * its next pull.
 */
export default function RosterPage() {
  const { t } = useTranslation('roster');
  const format = useFormat();
  const { stationsOf } = useOrganisation();
  const directory = useDirectory();
  const [community, setCommunity] = useCommunityChoice();
  const [stationParam, setStationParam] = useQueryParam('station');
  const [viewParam, setViewParam] = useQueryParam('view');
  const [dayParam, setDayParam] = useQueryParam('day');
  const view: RosterView = viewParam === 'month' ? 'month' : 'week';
  const day = /^\d{4}-\d{2}-\d{2}$/.test(dayParam) ? dayParam : todayAtStations();
  const stations = community ? stationsOf(community.id) : [];
  const station = stations.find((candidate) => candidate.id === stationParam) ?? stations[0];
  const range = viewRange(view, day);
  const roster = useApi('roster', station ? { query: { stationId: station.id, ...range } } : null);
  const [editing, setEditing] = useState<ShiftEntry | 'new' | null>(null);
  const [rotation, setRotation] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  if (!community) return <Notice tone="info">{t('console:scope.noCommunity')}</Notice>;

  const openShift = (occurrence: RosterOccurrence) => {
    const entry = roster.data?.shifts.find((candidate) => candidate.shift.id === occurrence.shiftId);
    if (entry) setEditing(entry);
  };
  const saved = (text: string) => {
    setEditing(null);
    setRotation(false);
    setMessage(text);
    roster.reload();
  };
  const periodLabel = view === 'week' ? t('weekOf', { from: format.day(range.from), to: format.day(range.to) }) : format.month(range.from.slice(0, 7));

  return (
    <>
      <PageHeader
        title={t('title')}
        lead={t('lead')}
        actions={
          station ? (
            <>
              <button type="button" className="btn" onClick={() => setRotation(true)}>
                {t('rotation.open')}
              </button>
              <button type="button" className="btn btn--primary" onClick={() => setEditing('new')}>
                {t('shift.new')}
              </button>
            </>
          ) : null
        }
      />
      <div className="toolbar">
        <CommunitySelect value={community.id} onChange={setCommunity} />
        <StationSelect communityId={community.id} value={station?.id ?? ''} onChange={setStationParam} all={false} />
        <div className="segmented" role="group" aria-label={t('view.label')}>
          {(['week', 'month'] as const).map((option) => (
            <button key={option} type="button" className="segmented__option" aria-pressed={view === option} onClick={() => setViewParam(option === 'week' ? '' : option)}>
              {t(`view.${option}`)}
            </button>
          ))}
        </div>
        <div className="toolbar__end period">
          <button type="button" className="btn" onClick={() => setDayParam(stepView(view, day, -1))}>
            <span aria-hidden="true">‹</span> {t(`view.previous.${view}`)}
          </button>
          <button type="button" className="btn" onClick={() => setDayParam('')}>
            {t('view.today')}
          </button>
          <button type="button" className="btn" onClick={() => setDayParam(stepView(view, day, 1))}>
            {t(`view.next.${view}`)} <span aria-hidden="true">›</span>
          </button>
        </div>
      </div>
      {message ? <Notice tone="ok">{message}</Notice> : null}
      {!station ? (
        <Notice tone="info">{t('publish:settings.noStations')}</Notice>
      ) : roster.error ? (
        <ErrorNotice error={roster.error} retry={roster.reload} />
      ) : !roster.data ? (
        <Loading />
      ) : (
        <>
          <h2 className="section__title">
            {station.name} · {periodLabel}
          </h2>
          {view === 'week' ? (
            <RosterWeek day={day} occurrences={roster.data.occurrences} directory={directory} onOpen={openShift} />
          ) : (
            <RosterMonth month={day.slice(0, 7)} occurrences={roster.data.occurrences} directory={directory} onOpen={openShift} />
          )}
          <ShiftList shifts={roster.data.shifts} directory={directory} onEdit={setEditing} onWithdrawn={() => saved(t('console:withdrawn'))} stationId={station.id} />
        </>
      )}
      {editing && station ? (
        <ShiftDialog stationId={station.id} communityId={community.id} entry={editing === 'new' ? null : editing} directory={directory} onClose={() => setEditing(null)} onSaved={() => saved(t('console:saved'))} />
      ) : null}
      {rotation && station ? (
        <RotationDialog stationId={station.id} communityId={community.id} directory={directory} month={day.slice(0, 7)} onClose={() => setRotation(false)} onGenerated={saved} />
      ) : null}
    </>
  );
}
