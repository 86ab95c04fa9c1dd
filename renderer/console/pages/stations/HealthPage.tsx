import type { StationHealth } from '@protocol/console/stations.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/useApi.ts';
import { useOrganisation } from '../../app/organisation.tsx';
import { Link, useQueryParam } from '../../app/router.tsx';
import { CommunitySelect } from '../../ui/CommunitySelect.tsx';
import { type Column, DataTable } from '../../ui/DataTable.tsx';
import { downloadCsv } from '../../ui/download.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useNow } from '../../ui/useNow.ts';
import { type HealthState, healthStates, LOW_STORAGE_BYTES, matchesHealth, SKEW_WARNING_MS, storageRunningOut } from './health-filter.ts';
import { StationActions } from './StationActions.tsx';

/**
 * The stations' health from their heartbeats: online or not and since when, app version, records waiting on the
 * tablet, storage left, clock skew, the last error, dead letters. A station silent for over a day stands out
 * (a row mark and the words); the board sorts by any column, filters by state and name, and exports as CSV.
 */
export default function HealthPage() {
  const { t } = useTranslation('stations');
  const format = useFormat();
  const { communityName } = useOrganisation();
  const [communityId, setCommunityId] = useQueryParam('community');
  const [stateParam, setStateParam] = useQueryParam('state');
  const [silentParam] = useQueryParam('silent');
  const [text, setText] = useState('');
  const [changed, setChanged] = useState<string | null>(null);
  const state: HealthState = (healthStates as readonly string[]).includes(stateParam) ? (stateParam as HealthState) : silentParam === 'true' ? 'silent' : 'all';
  const health = useApi('stationHealth', { query: communityId ? { communityId } : {} });
  const now = useNow();
  const serverNow = health.data ? Date.parse(health.data.serverTime) : now;
  const rows = (health.data?.stations ?? []).filter((station) => matchesHealth(station, state, text));

  const onlineCell = (station: StationHealth) => {
    if (!station.station.enrolled) return <span className="badge badge--neutral">{t('notEnrolled')}</span>;
    if (station.station.revokedAt) return <span className="badge badge--neutral">{t('revoked')}</span>;
    const since = station.since ? format.ago(station.since, serverNow) : null;
    return (
      <span className="stack">
        <span className={`badge badge--${station.online ? 'ok' : station.silent ? 'danger' : 'warn'}`}>{station.online ? t('online') : station.silent ? t('silent') : t('offline')}</span>
        {since ? <span className="muted small">{station.online ? t('onlineSince', { since }) : t('lastHeard', { since })}</span> : <span className="muted small">{t('neverHeard')}</span>}
      </span>
    );
  };
  const columns: Column<StationHealth>[] = [
    { key: 'station', header: t('column.station'), rowHeader: true, sortValue: (station) => station.station.name, cell: (station) => <span className="stack"><span>{station.station.name}</span><span className="muted small mono">{station.station.id}</span></span> },
    { key: 'community', header: t('column.community'), sortValue: (station) => communityName(station.station.communityId), cell: (station) => communityName(station.station.communityId) },
    { key: 'online', header: t('column.online'), sortValue: (station) => (station.silent ? 0 : station.online ? 2 : 1), cell: onlineCell },
    { key: 'version', header: t('column.version'), sortValue: (station) => station.heartbeat?.appVersion, cell: (station) => station.heartbeat?.appVersion ?? '—' },
    {
      key: 'waiting',
      header: t('column.waiting'),
      numeric: true,
      firstDirection: 'descending',
      sortValue: (station) => station.heartbeat?.recordsWaiting,
      cell: (station) => (station.heartbeat ? format.number(station.heartbeat.recordsWaiting) : '—'),
    },
    {
      key: 'storage',
      header: t('column.storage'),
      numeric: true,
      sortValue: (station) => station.heartbeat?.storageLeft,
      cell: (station) => {
        const beat = station.heartbeat;
        if (!beat || beat.storageLeft === null) return '—';
        const left = beat.storageLeft < LOW_STORAGE_BYTES ? t('low', { left: format.bytes(beat.storageLeft) }) : format.bytes(beat.storageLeft);
        const growth = beat.storageGrowthPerDay;
        const trend =
          growth === null ? null : beat.storageFullInDays !== null ? t('growthFull', { growth: format.bytes(growth), count: beat.storageFullInDays }) : growth > 0 ? t('growth', { growth: format.bytes(growth) }) : t('notGrowing');
        const warn = storageRunningOut(station);
        return (
          <span className={`stack${warn ? ' text-warn' : ''}`}>
            <span>{warn ? `⚠ ${left}` : left}</span>
            {trend ? <span className="small">{trend}</span> : null}
          </span>
        );
      },
    },
    {
      key: 'skew',
      header: t('column.skew'),
      numeric: true,
      firstDirection: 'descending',
      sortValue: (station) => (station.heartbeat?.clockSkewMs === null || station.heartbeat?.clockSkewMs === undefined ? null : Math.abs(station.heartbeat.clockSkewMs)),
      cell: (station) => {
        const skew = station.heartbeat?.clockSkewMs;
        if (skew === null || skew === undefined) return '—';
        const text = Math.abs(skew) < 1000 ? t('inStep') : t(skew > 0 ? 'ahead' : 'behind', { span: Math.abs(skew) < 60_000 ? t('seconds', { count: Math.round(Math.abs(skew) / 1000) }) : format.span(Math.abs(skew)) });
        return Math.abs(skew) >= SKEW_WARNING_MS ? <span className="text-warn">⚠ {text}</span> : text;
      },
    },
    { key: 'error', header: t('column.error'), sortValue: (station) => station.heartbeat?.lastError, cell: (station) => (station.heartbeat?.lastError ? <span className="clip" title={station.heartbeat.lastError}>{station.heartbeat.lastError}</span> : '—') },
    {
      key: 'deadLetters',
      header: t('column.deadLetters'),
      numeric: true,
      firstDirection: 'descending',
      sortValue: (station) => station.unresolvedDeadLetters + (station.heartbeat?.deadLetters ?? 0),
      cell: (station) => {
        const atCentre = station.unresolvedDeadLetters ? <Link to={`/stations/dead-letters?station=${station.station.id}`}>{format.number(station.unresolvedDeadLetters)}</Link> : '0';
        // The tablet's own count: its residents read "待工作人员核对" until a technician there acknowledges them.
        const atTablet = station.heartbeat?.deadLetters ?? 0;
        return atTablet > 0 ? (
          <span className="stack">
            <span>{atCentre}</span>
            <span className="small text-warn">{t('atTablet', { count: atTablet })}</span>
          </span>
        ) : (
          atCentre
        );
      },
    },
    { key: 'actions', header: <span className="visually-hidden">{t('column.actions')}</span>, cell: (station) => <StationActions health={station} onChanged={(message) => { setChanged(message); health.reload(); }} /> },
  ];
  const exportCsv = () =>
    downloadCsv(
      `stations-${new Date(serverNow).toISOString().slice(0, 10)}.csv`,
      [t('column.station'), 'id', t('column.community'), t('column.online'), t('csv.since'), t('column.version'), t('column.waiting'), t('csv.storageLeft'), t('csv.storageGrowth'), t('csv.storageFullInDays'), t('csv.skewSeconds'), t('column.error'), t('column.deadLetters'), t('csv.atTablet')],
      rows.map((station) => [
        station.station.name,
        station.station.id,
        communityName(station.station.communityId),
        station.online ? t('online') : station.silent ? t('silent') : t('offline'),
        station.since,
        station.heartbeat?.appVersion,
        station.heartbeat?.recordsWaiting,
        station.heartbeat?.storageLeft,
        station.heartbeat?.storageGrowthPerDay,
        station.heartbeat?.storageFullInDays,
        station.heartbeat?.clockSkewMs === null || station.heartbeat?.clockSkewMs === undefined ? null : Math.round(station.heartbeat.clockSkewMs / 1000),
        station.heartbeat?.lastError,
        station.unresolvedDeadLetters,
        station.heartbeat?.deadLetters,
      ]),
    );

  const silentCount = (health.data?.stations ?? []).filter((station) => station.silent).length;
  const runningOutCount = (health.data?.stations ?? []).filter(storageRunningOut).length;
  return (
    <>
      <PageHeader
        title={t('title')}
        lead={t('lead')}
        actions={
          <button type="button" className="btn" onClick={exportCsv} disabled={!health.data}>
            {t('console:action.exportCsv')}
          </button>
        }
      />
      {(
        [
          ['silent', silentCount, 'silentAlarm', 'showSilent'],
          ['storage', runningOutCount, 'storageAlarm', 'showStorage'],
        ] as const
      ).map(([alarmState, count, message, show]) =>
        count > 0 && state !== alarmState ? (
          <Notice key={alarmState} tone="warning">
            {t(message, { count })}{' '}
            <button type="button" className="btn btn--small" onClick={() => setStateParam(alarmState)}>
              {t(show)}
            </button>
          </Notice>
        ) : null,
      )}
      <div className="toolbar">
        <CommunitySelect value={communityId} onChange={setCommunityId} all />
        <Field label={t('filter.state')}>
          <select className="select" value={state} onChange={(event) => setStateParam(event.target.value === 'all' ? '' : event.target.value)}>
            {healthStates.map((option) => (
              <option key={option} value={option}>
                {t(`filter.${option}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('filter.find')}>
          <input className="input" type="search" value={text} onChange={(event) => setText(event.target.value)} />
        </Field>
        <p className="toolbar__end muted" role="status">
          {health.data ? t('shown', { shown: rows.length, total: health.data.stations.length }) : ''}
        </p>
      </div>
      {changed ? <Notice tone="ok">{changed}</Notice> : null}
      {health.error ? <ErrorNotice error={health.error} retry={health.reload} /> : null}
      {health.data ? (
        <DataTable caption={t('title')} columns={columns} rows={rows} rowKey={(station) => station.station.id} empty={t('empty')} initialSort={{ key: 'online', direction: 'ascending' }} rowClass={(station) => (station.silent ? 'row--alert' : undefined)} />
      ) : health.loading ? (
        <Loading />
      ) : null}
    </>
  );
}
