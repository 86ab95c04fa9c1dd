import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/useApi.ts';
import { Link } from '../../app/router.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useFormat } from '../../ui/format.ts';

/** How the stations in view are: online, offline, silent for over a day, and records still on their tablets. */
export function StationsSummary({ communityId }: { communityId: string | null }) {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  const health = useApi('stationHealth', { query: communityId ? { communityId } : {} });
  if (health.error) return <ErrorNotice error={health.error} retry={health.reload} />;
  if (!health.data) return null;
  const stations = health.data.stations;
  const online = stations.filter((station) => station.online).length;
  const silent = stations.filter((station) => station.silent).length;
  const waiting = stations.reduce((sum, station) => sum + (station.heartbeat?.recordsWaiting ?? 0), 0);
  const deadLetters = stations.reduce((sum, station) => sum + station.unresolvedDeadLetters, 0);
  const query = communityId ? `?community=${encodeURIComponent(communityId)}` : '';
  return (
    <section className="section" aria-labelledby="stations">
      <div className="section__head">
        <h2 id="stations" className="section__title">
          {t('stations')}
        </h2>
        <Link to={`/stations${query}`}>{t('stationsLink')}</Link>
      </div>
      <div className="cards">
        <div className="stat card">
          <span className="stat__value">
            {format.number(online)} / {format.number(stations.length)}
          </span>
          <span className="stat__label">{t('online')}</span>
        </div>
        <Link to={`/stations${query ? `${query}&` : '?'}silent=true`} className="stat card">
          <span className="stat__value">{format.number(silent)}</span>
          <span className="stat__label">{t('silent')}</span>
          <span className="stat__hint">{t('silentHint')}</span>
        </Link>
        <div className="stat card">
          <span className="stat__value">{format.number(waiting)}</span>
          <span className="stat__label">{t('waiting')}</span>
          <span className="stat__hint">{t('waitingHint')}</span>
        </div>
        <Link to="/stations/dead-letters" className="stat card">
          <span className="stat__value">{format.number(deadLetters)}</span>
          <span className="stat__label">{t('deadLetters')}</span>
          <span className="stat__hint">{t('deadLettersHint')}</span>
        </Link>
      </div>
    </section>
  );
}
