import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/StoreProvider.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { NextOnDuty, useNextText } from './NextOnDuty.tsx';
import { PersonCard } from './PersonCard.tsx';
import { PresentCard } from './PresentCard.tsx';
import { usePresentText } from './person-text.ts';
import { StationHours } from './StationHours.tsx';
import { useDuty } from './useDuty.ts';
import { STATION_TIME_ZONE } from '../../volunteers/station-time.ts';
import './duty.css';

/**
 * Who is here to help right now (signed in, not merely rostered), who was expected and has not come, who comes
 * later today, and when the station is open.
 */
export default function DutyScreen() {
  const { t, i18n } = useTranslation('duty');
  const { station } = useStore();
  const duty = useDuty();
  const present = usePresentText();
  const nextText = useNextText();
  const today = new Intl.DateTimeFormat(i18n.language, { month: 'long', day: 'numeric', weekday: 'long', timeZone: STATION_TIME_ZONE }).format(duty?.at ?? new Date());
  const title = t('title');
  const lead = t('lead', { date: today });

  if (!duty) return <Screen title={title} lead={lead}>{null}</Screen>;

  const speech = [
    title,
    lead,
    duty.here.length > 0
      ? t('speech.now', { people: duty.here.map(present.speech).join('；') })
      : [t('nobody.title'), nextText(duty.next, duty.at), t('nobody.call', { phone: Array.from(station.phone).join(' ') })].filter(Boolean).join('。'),
    duty.later.length > 0 ? t('speech.later', { people: duty.later.map((p) => `${p.member.name} ${p.shift.start}`).join('，') }) : undefined,
  ]
    .filter(Boolean)
    .join('。');

  return (
    <Screen title={title} lead={lead} speech={speech}>
      <section className="duty__section" aria-labelledby="duty-now">
        <h2 id="duty-now" className="duty__heading">{t('now.title')}</h2>
        {duty.here.length > 0 ? (
          <ul className="people">
            {duty.here.map((p) => <PresentCard key={p.signInId} present={p} />)}
          </ul>
        ) : (
          <NextOnDuty next={duty.next} now={duty.at} />
        )}
      </section>
      {duty.missing.length > 0 ? (
        <section className="duty__section" aria-labelledby="duty-missing">
          <h2 id="duty-missing" className="duty__heading">{t('missing.title')}</h2>
          <p className="muted">{t('missing.lead')}</p>
          <ul className="people">
            {duty.missing.map((p) => <PersonCard key={p.shift.id} person={p} />)}
          </ul>
        </section>
      ) : null}
      <section className="duty__section" aria-labelledby="duty-later">
        <h2 id="duty-later" className="duty__heading">{t('later.title')}</h2>
        {duty.later.length > 0 ? (
          <ul className="people">
            {duty.later.map((p) => <PersonCard key={p.shift.id} person={p} />)}
          </ul>
        ) : (
          <p className="muted">{t('later.none')}</p>
        )}
      </section>
      <StationHours shifts={duty.shifts} now={duty.at} />
    </Screen>
  );
}
