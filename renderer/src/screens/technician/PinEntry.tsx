import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskBridge } from '@shell/bridge.ts';
import { kioskBridge } from '../../platform/kiosk-bridge/ready.ts';
import { Keypad } from '../../ui/Keypad.tsx';

/**
 * The technician's PIN, checked by the shell (or the web fallback) with a lockout. The screen around it places
 * the "enter" button; `unlock` resolves with the bridge once the PIN was right.
 */
export const useTechnicianPin = (onUnlocked: (bridge: KioskBridge) => void) => {
  const { t } = useTranslation('technician');
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  const unlock = async () => {
    const bridge = await kioskBridge;
    const result = await bridge.call('technician:unlock', { pin }).catch(() => null);
    setPin('');
    if (result?.ok) onUnlocked(bridge);
    else if (!result) setMessage(t('pin.failed'));
    else if (result.reason === 'locked-out') setMessage(t('pin.lockedOut'));
    else if (result.reason === 'not-configured') setMessage(t('pin.notConfigured'));
    else setMessage(t('pin.wrong', { count: result.attemptsLeft ?? 0 }));
  };

  return { pin, setPin, message, unlock, ready: pin.length >= 4 };
};

/**
 * Whether the shell still holds the technician's session open: a screen can outlast it (its minutes run out), and
 * a setup form opened after that would only fail at the save.
 */
export const technicianSessionOpen = async (bridge: KioskBridge): Promise<boolean> =>
  (await bridge.call('technician:status').catch(() => null))?.unlocked === true;

export function PinEntry({ pin, setPin, message }: Pick<ReturnType<typeof useTechnicianPin>, 'pin' | 'setPin' | 'message'>) {
  const { t } = useTranslation('technician');
  return (
    <>
      {message ? <p className="error-banner" role="alert">{message}</p> : null}
      <Keypad label={t('pin.label')} value={pin} maxLength={12} display={'•'.repeat(pin.length)} onChange={setPin} />
    </>
  );
}
