import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../store/StoreProvider.tsx';
import { SyncIndicator } from '../sync/SyncIndicator.tsx';
import { Icon } from '../ui/icons/Icon.tsx';
import { useNavigate } from './navigation.tsx';

/**
 * Quiet facts for the volunteer and technician at the bottom edge; nothing here should alarm a resident. The
 * volunteers' way in sits here, out of the residents' menu but a full-size target.
 */
export const StatusBar = memo(function StatusBar() {
  const { t } = useTranslation();
  const { station } = useStore();
  const { go } = useNavigate();
  return (
    <footer className="status-bar">
      <button type="button" className="status-bar__volunteer" onClick={() => go('volunteer')}>
        <Icon emoji="🔑" /> {t('status.volunteer')}
      </button>
      <SyncIndicator />
      {station.demo ? <span className="pill pill--warn">{t('status.demo')}</span> : null}
    </footer>
  );
});
