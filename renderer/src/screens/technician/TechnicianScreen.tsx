import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskBridge } from '../../../../electron/common/bridge.ts';
import { kioskBridge } from '../../platform/kiosk-bridge/ready.ts';
import { Button } from '../../ui/Button.tsx';
import { Keypad } from '../../ui/Keypad.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { Diagnostics } from './Diagnostics.tsx';

/**
 * The technician's screen: a PIN first (checked by the shell, or the web fallback, with a lockout), then
 * diagnostics, enrolment and the maintenance actions. Residents never see it: it opens only after five quick
 * taps on the station's name.
 */
export default function TechnicianScreen() {
  const { t } = useTranslation('technician');
  const [pin, setPin] = useState('');
  const [bridge, setBridge] = useState<KioskBridge | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const unlock = async () => {
    const b = await kioskBridge;
    const result = await b.call('technician:unlock', { pin }).catch(() => null);
    setPin('');
    if (result?.ok) setBridge(b);
    else if (!result) setMessage(t('pin.failed'));
    else if (result.reason === 'locked-out') setMessage(t('pin.lockedOut'));
    else if (result.reason === 'not-configured') setMessage(t('pin.notConfigured'));
    else setMessage(t('pin.wrong', { count: result.attemptsLeft ?? 0 }));
  };

  if (bridge) return <Diagnostics bridge={bridge} />;
  return (
    <Screen
      title={t('title')}
      lead={t('pin.lead')}
      actions={<Button variant="primary" large disabled={pin.length < 4} onClick={() => void unlock()}>{t('pin.unlock')}</Button>}
    >
      {message ? <p className="error-banner" role="alert">{message}</p> : null}
      <Keypad label={t('pin.label')} value={pin} maxLength={12} display={'•'.repeat(pin.length)} onChange={setPin} />
    </Screen>
  );
}
