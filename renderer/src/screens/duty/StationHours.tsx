import type { Shift } from '@protocol/catalogue.ts';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/StoreProvider.tsx';
import { useListJoin } from './person-text.ts';
import { stationHours } from './station-hours.ts';
import { groupWeekdays } from './weekdays.ts';

/** Opening hours with the evening hour and Red Weekend spelled out, and which of them are on today. */
export function StationHours({ shifts, now }: { shifts: readonly Shift[]; now: Date }) {
  const { t } = useTranslation('duty');
  const { station } = useStore();
  const join = useListJoin();
  const days = (weekdays: number[] | undefined): string => {
    if (!weekdays) return t('hours.everyDay');
    const group = groupWeekdays(weekdays);
    if ('every' in group) return t('hours.everyDay');
    if ('from' in group) return t('hours.range', { from: t(`common:weekday.${group.from}`), to: t(`common:weekday.${group.to}`) });
    return join(group.list.map((d) => t(`common:weekday.${d}`)));
  };
  return (
    <section className="card hours" aria-labelledby="hours-title">
      <h2 id="hours-title" className="card__title">{t('hours.title')}</h2>
      <ul className="list">
        {stationHours(station, shifts, now).map((row) => (
          <li key={row.kind} className="hours__row">
            <span className="hours__name">{row.kind === 'open' ? t('hours.open') : t(`common:extended.${row.kind}`)}</span>
            <span className="hours__days">{days(row.days)}</span>
            <span className="hours__time">{`${row.start}–${row.end}`}</span>
            {row.kind !== 'open' && row.today ? <span className="pill pill--ok">{t('hours.today')}</span> : null}
          </li>
        ))}
      </ul>
      <p className="hours__phone">{t('hours.phone', { phone: station.phone })}</p>
    </section>
  );
}
