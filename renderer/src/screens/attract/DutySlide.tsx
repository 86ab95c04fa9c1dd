import { useTranslation } from 'react-i18next';
import { NextOnDuty } from '../duty/NextOnDuty.tsx';
import { PersonCard } from '../duty/PersonCard.tsx';
import type { Duty } from '../duty/useDuty.ts';

/** Few enough to read from a step away; the duty screen lists everyone. */
const PEOPLE_SHOWN = 3;

export function DutySlide({ duty }: { duty: Duty }) {
  const { t } = useTranslation('attract');
  return (
    <section className="attract__slide" aria-labelledby="attract-duty">
      <h3 id="attract-duty" className="attract__kicker">{t('duty')}</h3>
      {duty.now.length > 0 ? (
        <ul className="people attract__people">
          {duty.now.slice(0, PEOPLE_SHOWN).map((p) => <PersonCard key={p.shift.id} person={p} brief />)}
        </ul>
      ) : (
        <NextOnDuty next={duty.next} now={duty.at} />
      )}
    </section>
  );
}
