import { useTranslation } from 'react-i18next';
import { useLiveState } from '../api/live.ts';

/** Whether the console is hearing changes as they happen: a dot and words (never colour alone). */
export function LiveIndicator() {
  const { t } = useTranslation('console');
  const state = useLiveState();
  return (
    <p className={`live live--${state}`} role="status" data-live={state}>
      <span className="live__dot" aria-hidden="true" />
      {t(`live.${state}`)}
    </p>
  );
}
