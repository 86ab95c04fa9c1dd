import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/StoreProvider.tsx';
import { PersonCard } from './PersonCard.tsx';
import type { NextDuty } from './roster.ts';
import { STATION_TIME_ZONE } from '../../volunteers/station-time.ts';

/** "Tomorrow at 08:30", "Monday at 08:30": when the next shift begins, in words a resident would use. */
export const useNextText = (): ((next: NextDuty | undefined, now: Date) => string) => {
  const { t, i18n } = useTranslation('duty');
  return (next, now) => {
    if (!next) return t('nobody.noNext');
    const start = next.people[0]?.shift.start ?? '';
    const day = new Date(now.getTime() + next.daysAhead * 86_400_000);
    const weekday = new Intl.DateTimeFormat(i18n.language, { weekday: 'long', timeZone: STATION_TIME_ZONE }).format(day);
    const when =
      next.daysAhead === 0 ? t('when.today') : next.daysAhead === 1 ? t('when.tomorrow') : next.daysAhead === 7 ? t('when.nextWeek', { weekday }) : t('when.later', { weekday });
    return t('nobody.next', { when, time: start });
  };
};

/** Said kindly when nobody is on duty: who comes next, and the station's phone for anything that cannot wait. */
export function NextOnDuty({ next, now }: { next: NextDuty | undefined; now: Date }) {
  const { t } = useTranslation('duty');
  const { station } = useStore();
  const nextText = useNextText();
  return (
    <div className="nobody card">
      <p className="nobody__title">{t('nobody.title')}</p>
      <p>{t('nobody.body')}</p>
      <p className="nobody__next">{nextText(next, now)}</p>
      {next && next.daysAhead > 0 ? (
        <ul className="people">
          {next.people.map((p) => <PersonCard key={p.shift.id} person={p} brief />)}
        </ul>
      ) : null}
      <p className="nobody__call">{t('nobody.phone')}</p>
      <p className="nobody__phone">{station.phone}</p>
    </div>
  );
}
