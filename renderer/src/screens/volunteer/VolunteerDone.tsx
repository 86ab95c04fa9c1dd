import { useTranslation } from 'react-i18next';
import { Confirmation } from '../../ui/Confirmation.tsx';
import { useDuration } from '../workspace/duration.ts';

export type DoneKind = 'signed-out' | 'walk-in-in' | 'walk-in-out';

/** The end of a volunteer's visit to the tablet: what was recorded, and the way back to the residents' home. */
export function VolunteerDone({ kind, who, minutes }: { kind: DoneKind; who: string; minutes?: number | undefined }) {
  const { t } = useTranslation('volunteer');
  const duration = useDuration();
  const title = t(`done.${kind}`, { name: who });
  const detail = minutes === undefined ? t('done.walkInNote') : t('done.minutes', { duration: duration(minutes) });
  return (
    <Confirmation title={title} speech={`${title}。${detail}`}>
      <p className="screen__lead">{detail}</p>
    </Confirmation>
  );
}
