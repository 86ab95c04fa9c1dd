import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
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

// Building an Intl formatter costs ~50 ms on a slow tablet: make each once per language, not per render.
const formatters = new Map<string, { time: Intl.DateTimeFormat; date: Intl.DateTimeFormat }>();
const formattersFor = (language: string) => {
  let f = formatters.get(language);
  if (!f) {
    f = {
      time: new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hour12: false }),
      date: new Intl.DateTimeFormat(language, { month: 'long', day: 'numeric', weekday: 'long' }),
    };
    formatters.set(language, f);
  }
  return f;
};

export const Clock = memo(function Clock() {
  const { t, i18n } = useTranslation();
  const now = useMinute();
  const f = formattersFor(i18n.language);
  const time = f.time.format(now);
  const date = f.date.format(now);
  return (
    <div className="topbar__clock" aria-label={t('topbar.now', { date, time })}>
      <div className="topbar__time">{time}</div>
      <div className="topbar__date">{date}</div>
    </div>
  );
});
