import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clockDate, clockTime } from './clock-text.ts';
import { useMinute } from './wall-clock.ts';

/**
 * Now, every `intervalMs`, for what needs finer than the minute (a lockout's seconds, a call's freshness);
 * anything that shows the time or depends on today reads the wall clock (wall-clock.ts) instead.
 */
export const useNow = (intervalMs = 15_000): Date => {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
};

export const Clock = memo(function Clock() {
  const { t, i18n } = useTranslation();
  const now = useMinute();
  const time = clockTime(now, i18n.language);
  const date = clockDate(now, i18n.language);
  return (
    <div className="topbar__clock" aria-label={t('topbar.now', { date, time })}>
      <div className="topbar__time">{time}</div>
      <div className="topbar__date">{date}</div>
    </div>
  );
});
