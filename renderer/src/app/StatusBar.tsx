import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../store/StoreProvider.tsx';
import { SyncIndicator } from '../sync/SyncIndicator.tsx';

/** Quiet facts for the volunteer and technician at the bottom edge; nothing here should alarm a resident. */
export const StatusBar = memo(function StatusBar() {
  const { t } = useTranslation();
  const { station } = useStore();
  return (
    <footer className="status-bar">
      <SyncIndicator />
      {station.demo ? <span className="pill pill--warn">{t('status.demo')}</span> : null}
    </footer>
  );
});
