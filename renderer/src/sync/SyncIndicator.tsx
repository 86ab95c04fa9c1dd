import { useTranslation } from 'react-i18next';
import { isSynced } from '../../../sync/client/state.ts';
import { clockTime } from '../app/clock-text.ts';
import { useSync } from './SyncProvider.tsx';

/**
 * A small, calm line for volunteers: never red, never "error" in a resident's face. It says whether the tablet
 * has no network or the centre does not answer (a volunteer can check the one, and call about the other);
 * problems that need a technician (an update, a revoked credential) read as "waiting"; the details are on the
 * diagnostics screen.
 */
export function SyncIndicator() {
  const { t, i18n } = useTranslation('sync');
  const { state } = useSync();
  const time = state.lastSuccessAt ? clockTime(new Date(state.lastSuccessAt), i18n.language) : null;
  let text: string;
  let tone: 'ok' | 'warn' | 'plain' = 'plain';
  if (state.phase === 'not-enrolled') text = t('notEnrolled');
  else if (state.deadLetters > 0 && state.waiting === 0 && state.phase !== 'syncing') {
    // Never "synced" while the centre has refused records: calmly, a matter for the staff, not the resident.
    text = t('deadLetters', { count: state.deadLetters });
    tone = 'warn';
  } else if (isSynced(state)) {
    text = t('synced', { time });
    tone = 'ok';
  } else if (state.phase === 'syncing') text = t('syncing', { count: state.waiting });
  else if (state.waiting > 0) {
    const cut = state.phase === 'offline' || state.phase === 'unreachable';
    text = cut ? t(`${state.phase}Waiting`, { count: state.waiting }) : t('waiting', { count: state.waiting });
    tone = 'warn';
  } else text = state.phase === 'offline' || state.phase === 'unreachable' ? t(state.phase) : t('notYet');
  return (
    <span className={tone === 'ok' ? 'pill pill--ok' : tone === 'warn' ? 'pill pill--warn' : 'pill'} role="status" aria-live="polite" data-sync-phase={state.phase}>
      {text}
    </span>
  );
}
