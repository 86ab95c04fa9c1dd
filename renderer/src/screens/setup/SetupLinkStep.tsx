import './setup.css';
import type { Setup } from '@shell/bridge.ts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';

/**
 * A setup read from a link or a QR code, shown to the technician before it is saved: which station this tablet
 * becomes, at which centre. The code itself is not shown (it travels from the sheet to the centre, not via eyes).
 */
export function SetupLinkStep({ setup, current, onUse, onCancel }: { setup: Setup; current: string | null; onUse: () => void; onCancel: () => void }) {
  const { t } = useTranslation('setup');
  return (
    <div className="screen__body">
      <p className="screen__lead">{t('link.lead')}</p>
      <dl className="card setup-link" aria-label={t('link.what')}>
        <dt className="muted">{t('field.stationName')}</dt>
        <dd>{setup.stationName}</dd>
        <dt className="muted">{t('field.stationId')}</dt>
        <dd>{setup.stationId}</dd>
        <dt className="muted">{t('field.serverUrl')}</dt>
        <dd style={{ overflowWrap: 'anywhere' }}>{setup.serverUrl}</dd>
        <dt className="muted">{t('field.locale')}</dt>
        <dd>{t(`locale.${setup.locale ?? 'zh-CN'}`)}</dd>
      </dl>
      {current && current !== setup.stationId ? <p className="notice-banner" role="alert">{t('link.replaces', { current, next: setup.stationId })}</p> : null}
      <div className="actions">
        <Button onClick={onCancel}>{t('cancel')}</Button>
        <Button variant="primary" large onClick={onUse}>{t('link.use')}</Button>
      </div>
    </div>
  );
}
