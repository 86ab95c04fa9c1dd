import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export const useNow = (intervalMs = 15_000): Date => {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
};

export function Clock() {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', hour12: false }).format(now);
  const date = new Intl.DateTimeFormat(i18n.language, { month: 'long', day: 'numeric', weekday: 'long' }).format(now);
  return (
    <div className="topbar__clock" aria-label={t('topbar.now', { date, time })}>
      <div className="topbar__time">{time}</div>
      <div className="topbar__date">{date}</div>
    </div>
  );
}
