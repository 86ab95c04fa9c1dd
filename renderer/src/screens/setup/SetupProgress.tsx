import { useTranslation } from 'react-i18next';
import type { Setup } from '@shell/bridge.ts';
import type { SyncState } from '../../../../sync/client/state.ts';
import { type KioskSync } from '../../sync/kiosk-sync.ts';
import { useSync } from '../../sync/SyncProvider.tsx';
import { Button } from '../../ui/Button.tsx';

export type EnrolmentOutcome = 'waiting' | 'enrolled' | 'refused' | 'unreachable' | 'blocked';

/**
 * What became of the enrolment after a setup was saved. `before` is the engine that ran when it was saved: its
 * state belongs to the old config, so only a newer engine's word counts.
 */
export const enrolmentOutcome = (state: SyncState, sync: KioskSync | null, before: KioskSync | null): EnrolmentOutcome => {
  if (!sync || sync === before) return 'waiting';
  if (state.enrolledAs) return 'enrolled';
  if (state.phase === 'not-enrolled' && state.lastError?.startsWith('enrolment-refused')) return 'refused';
  if (state.phase === 'offline' || state.phase === 'unreachable' || state.phase === 'retrying') return 'unreachable';
  if (state.phase === 'unauthorized' || state.phase === 'update-required') return 'blocked';
  return 'waiting';
};

/** After saving: did the station join its centre? The technician sees it before walking away. */
export function SetupProgress({ setup, before, onDone, onEdit }: { setup: Setup; before: KioskSync | null; onDone: () => void; onEdit: () => void }) {
  const { t } = useTranslation('setup');
  const { state, sync } = useSync();
  const outcome = enrolmentOutcome(state, sync, before);
  const mismatch = outcome === 'enrolled' && state.enrolledAs !== setup.stationId;

  return (
    <div className="screen__body">
      <div className="card" role="status" aria-live="polite" aria-busy={outcome === 'waiting'}>
        <h2 className="card__title">{t(`outcome.${outcome}.title`)}</h2>
        <p>{t(`outcome.${outcome}.body`, { station: state.enrolledAs, server: setup.serverUrl, reason: state.lastError ?? '' })}</p>
      </div>
      {mismatch ? <p className="notice-banner" role="alert">{t('mismatch', { configured: setup.stationId, enrolled: state.enrolledAs })}</p> : null}
      <div className="actions">
        {outcome === 'refused' || outcome === 'unreachable' || outcome === 'blocked' ? <Button onClick={onEdit}>{t('edit')}</Button> : null}
        {outcome === 'unreachable' && sync ? <Button onClick={() => void sync.engine.retryNow()}>{t('retry')}</Button> : null}
        <Button variant="primary" large disabled={outcome === 'waiting'} onClick={onDone}>{t(outcome === 'enrolled' ? 'start' : 'startOffline')}</Button>
      </div>
    </div>
  );
}
