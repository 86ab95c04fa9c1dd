import { CLOCK_SKEW_FLAG_MS } from '@protocol/records.ts';
import { useTranslation } from 'react-i18next';

/**
 * Says so when the tablet's clock is off from the centre's by more than the records' flag threshold: every record
 * made now is flagged for staff, and only setting the clock (or its zone) right stops that.
 */
export function ClockWarning({ offsetMs }: { offsetMs: number | null }) {
  const { t } = useTranslation('technician');
  if (offsetMs === null || Math.abs(offsetMs) <= CLOCK_SKEW_FLAG_MS) return null;
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  const amount = minutes >= 2 * 24 * 60 ? t('clock.days', { count: Math.round(minutes / (24 * 60)) }) : minutes >= 120 ? t('clock.hours', { count: Math.round(minutes / 60) }) : t('clock.minutes', { count: minutes });
  return (
    <p className="error-banner" role="alert">
      {t(offsetMs > 0 ? 'clock.ahead' : 'clock.behind', { amount })}
    </p>
  );
}
