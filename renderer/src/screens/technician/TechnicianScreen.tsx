import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskBridge } from '@shell/bridge.ts';
import { Button } from '../../ui/Button.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { Diagnostics } from './Diagnostics.tsx';
import { PinEntry, useTechnicianPin } from './PinEntry.tsx';

/**
 * The technician's screen: a PIN first (checked by the shell, or the web fallback, with a lockout), then
 * diagnostics, enrolment, setup and the maintenance actions. Residents never see it: it opens only after five
 * quick taps on the station's name.
 */
export default function TechnicianScreen() {
  const { t } = useTranslation('technician');
  const [bridge, setBridge] = useState<KioskBridge | null>(null);
  const pin = useTechnicianPin(setBridge);
  // However the technician leaves (退出, the home button, the idle reset), the shell's session ends with the screen.
  useEffect(() => {
    if (!bridge) return;
    return () => void bridge.call('technician:lock').catch(() => undefined);
  }, [bridge]);

  if (bridge) return <Diagnostics bridge={bridge} onSessionEnded={() => setBridge(null)} />;
  return (
    <Screen
      title={t('title')}
      lead={t('pin.lead')}
      actions={<Button variant="primary" large disabled={!pin.ready} onClick={() => void pin.unlock()}>{t('pin.unlock')}</Button>}
    >
      <PinEntry {...pin} />
    </Screen>
  );
}
