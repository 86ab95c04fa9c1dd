import type { TimelineEntry } from '@protocol/console/dispatch.ts';
import { CLOCK_SKEW_FLAG_MS } from '@protocol/records.ts';
import { useTranslation } from 'react-i18next';
import type { Directory } from '../../app/directory.ts';
import { useFormat } from '../../ui/format.ts';

/** The request's events as the server applied them, oldest first: what happened, who did it, when, the note. */
export function Timeline({ entries, directory }: { entries: readonly TimelineEntry[]; directory: Directory }) {
  const { t } = useTranslation('request');
  const format = useFormat();
  const who = (entry: TimelineEntry): string => {
    if (entry.staff) return entry.staff.unitId ? t('by.unitLead', { name: entry.staff.name, unit: directory.unitName(entry.staff.unitId) }) : t('by.staff', { name: entry.staff.name });
    if (entry.memberId) return t('by.member', { name: directory.memberName(entry.memberId) });
    if (entry.unitId) return t('by.unit', { name: directory.unitName(entry.unitId) });
    return t(`by.${entry.actor}`);
  };
  /**
   * A kiosk step's time is the tablet's: when the centre got it much later (an offline tablet) or the tablet's
   * clock was off, the receive time goes beside it, and a wrong clock is said in words.
   */
  const kioskTimes = (entry: TimelineEntry) => {
    if (entry.source !== 'kiosk') return null;
    const late = Date.parse(entry.receivedAt) - Date.parse(entry.at);
    const skew = entry.clockSkewMs ?? (late < -CLOCK_SKEW_FLAG_MS ? -late : null);
    return (
      <>
        {Math.abs(late) > CLOCK_SKEW_FLAG_MS ? (
          <>
            {' · '}
            {t('receivedAt')} <time dateTime={entry.receivedAt}>{format.dateTime(entry.receivedAt)}</time>
          </>
        ) : null}
        {skew !== null ? <span className="timeline__warn text-warn"> · ⚠ {t(skew > 0 ? 'clockAhead' : 'clockBehind', { span: format.span(Math.abs(skew)) })}</span> : null}
      </>
    );
  };
  return (
    <section className="card section" aria-labelledby="timeline-title">
      <h2 id="timeline-title" className="section__title">
        {t('timeline')}
      </h2>
      <ol className="timeline">
        {entries.map((entry) => (
          <li key={entry.id} className={`timeline__item timeline__item--${entry.type}`}>
            <p className="timeline__what">
              <strong>{t(`event.${entry.type}`)}</strong>
              {entry.target ? ` → ${directory.targetName(entry.target)}` : ''}
              {entry.rating ? ` · ${t('stars', { count: entry.rating })}` : ''}
            </p>
            <p className="timeline__meta">
              <time dateTime={entry.at}>{format.dateTime(entry.at)}</time> · {who(entry)}
              {entry.source === 'kiosk' ? ` · ${t('fromKiosk')}` : ''}
              {kioskTimes(entry)}
            </p>
            {entry.note ? <p className="timeline__note">{entry.note}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
