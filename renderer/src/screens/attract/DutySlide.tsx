import { useTranslation } from 'react-i18next';
import { NextOnDuty } from '../duty/NextOnDuty.tsx';
import { PresentCard } from '../duty/PresentCard.tsx';
import type { Duty } from '../duty/useDuty.ts';

/** Few enough to read from a step away; the duty screen lists everyone. */
const PEOPLE_SHOWN = 3;

/** Only who is really here: someone rostered but not signed in is not shown as on duty. */
export function DutySlide({ duty }: { duty: Duty }) {
  const { t } = useTranslation('attract');
  return (
    <section className="attract__slide" aria-labelledby="attract-duty">
      <h3 id="attract-duty" className="attract__kicker">{t('duty')}</h3>
      {duty.here.length > 0 ? (
        <ul className="people attract__people">
          {duty.here.slice(0, PEOPLE_SHOWN).map((p) => <PresentCard key={p.signInId} present={p} brief />)}
        </ul>
      ) : (
        <NextOnDuty next={duty.next} now={duty.at} />
      )}
    </section>
  );
}
