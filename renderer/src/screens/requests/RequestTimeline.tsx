import { useTranslation } from 'react-i18next';
import type { RequestProgress } from './find-request.ts';
import { CheckGlyph, DotGlyph } from '../../ui/icons/glyphs.tsx';
import { STATION_TIME_ZONE } from '../../volunteers/station-time.ts';

/** The loop drawn as steps: those reached with their time, the current one highlighted, those still ahead. */
export function RequestTimeline({ progress }: { progress: RequestProgress }) {
  const { t, i18n } = useTranslation('requests');
  // hourCycle, not hour12: false, which English renders as "24:05" after midnight. The station's zone, as the
  // duty screen's: a tablet set to another zone still tells a resident the station's time.
  const when = new Intl.DateTimeFormat(i18n.language, { month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: STATION_TIME_ZONE });
  const current = progress.reached.length - 1;
  return (
    <ol className="request-timeline" aria-label={t('status.progress')}>
      {progress.reached.map((step, i) => (
        <li key={`${i}-${step.status}`} className={`request-timeline__step ${i === current ? 'is-current' : 'is-reached'}`} aria-current={i === current ? 'step' : undefined}>
          <span className="request-timeline__mark" aria-hidden="true">{i === current ? <DotGlyph filled /> : <CheckGlyph />}</span>
          <span className="request-timeline__label">{t(`status.reached.${step.status}`)}</span>
          <time className="request-timeline__time" dateTime={step.at}>{when.format(new Date(step.at))}</time>
          {i === current ? <span className="pill">{t('status.current')}</span> : null}
        </li>
      ))}
      {progress.ahead.map((status) => (
        <li key={status} className="request-timeline__step is-ahead">
          <span className="request-timeline__mark" aria-hidden="true"><DotGlyph filled={false} /></span>
          <span className="request-timeline__label">{t(`status.ahead.${status}`)}</span>
        </li>
      ))}
    </ol>
  );
}
