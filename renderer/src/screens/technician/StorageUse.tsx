import { useTranslation } from 'react-i18next';
import type { StorageReading } from '../../../../sync/client/storage-trend.ts';
import { formatBytes } from './bytes.ts';
import { Row } from './Row.tsx';

/** Below this many days until the storage is full at its current growth, the technician is warned. */
export const STORAGE_FULL_WARNING_DAYS = 90;

/**
 * The kiosk's own storage (what the browser grants the app), as the last heartbeat measured it, and where it is
 * heading: a slow leak shows here months before the tablet runs out.
 */
export function StorageUse({ storage }: { storage: StorageReading | null }) {
  const { t } = useTranslation('technician');
  const used = storage?.used ?? null;
  const quota = storage?.quota ?? null;
  const growth = storage?.growthPerDay ?? null;
  const daysLeft = used !== null && quota !== null && growth !== null && growth > 0 ? Math.floor((quota - used) / growth) : null;
  const trend = growth === null ? t('storage.trendUnknown') : growth === 0 ? t('storage.flat') : t('storage.perDay', { amount: `${growth > 0 ? '+' : ''}${formatBytes(growth)}` });
  return (
    <section className="card" aria-labelledby="tech-storage">
      <h2 id="tech-storage" className="card__title">{t('storage.title')}</h2>
      <Row label={t('storage.used')} value={used === null ? '—' : quota === null ? formatBytes(used) : `${formatBytes(used)} / ${formatBytes(quota)}`} />
      <Row label={t('storage.trend')} value={trend} />
      {daysLeft !== null ? <Row label={t('storage.fullIn')} value={t('storage.days', { count: daysLeft })} /> : null}
      {daysLeft !== null && daysLeft < STORAGE_FULL_WARNING_DAYS ? (
        <p className="error-banner" role="alert">{t('storage.fillingUp', { count: daysLeft })}</p>
      ) : null}
    </section>
  );
}
