import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/StoreProvider.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { NextOnDuty, useNextText } from './NextOnDuty.tsx';
import { PersonCard } from './PersonCard.tsx';
import { usePersonText } from './person-text.ts';
import { StationHours } from './StationHours.tsx';
import { useDuty } from './useDuty.ts';
import './duty.css';

/** Who is here to help right now, who comes later today, and when the station is open. */
export default function DutyScreen() {
  const { t, i18n } = useTranslation('duty');
  const { station } = useStore();
  const duty = useDuty();
  const person = usePersonText();
  const nextText = useNextText();
  const today = new Intl.DateTimeFormat(i18n.language, { month: 'long', day: 'numeric', weekday: 'long' }).format(duty?.at ?? new Date());
  const title = t('title');
  const lead = t('lead', { date: today });

  if (!duty) return <Screen title={title} lead={lead}>{null}</Screen>;

  const speech = [
    title,
    lead,
    duty.now.length > 0
      ? t('speech.now', { people: duty.now.map(person.speech).join('；') })
      : [t('nobody.title'), nextText(duty.next, duty.at), t('nobody.call', { phone: Array.from(station.phone).join(' ') })].filter(Boolean).join('。'),
    duty.later.length > 0 ? t('speech.later', { people: duty.later.map((p) => `${p.member.name} ${p.shift.start}`).join('，') }) : undefined,
  ]
    .filter(Boolean)
    .join('。');

  return (
    <Screen title={title} lead={lead} speech={speech}>
      <section className="duty__section" aria-labelledby="duty-now">
        <h2 id="duty-now" className="duty__heading">{t('now.title')}</h2>
        {duty.now.length > 0 ? (
          <ul className="people">
            {duty.now.map((p) => <PersonCard key={p.shift.id} person={p} />)}
          </ul>
        ) : (
          <NextOnDuty next={duty.next} now={duty.at} />
        )}
      </section>
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
