import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskBridge } from '@shell/bridge.ts';
import { kioskBridge } from '../../platform/kiosk-bridge/ready.ts';
import { Button } from '../../ui/Button.tsx';
import { Keypad } from '../../ui/Keypad.tsx';

const MIN_DIGITS = 4;

/**
 * The technician PIN, chosen on the tablet at first run (no image and no build carries one): typed twice on the
 * keypad, then handed to the shell, which keeps only its salted hash and opens the technician's session with it.
 */
export function NewPin({ onSet, onCancel }: { onSet: (bridge: KioskBridge) => void; onCancel: () => void }) {
  const { t } = useTranslation('setup');
  const [first, setFirst] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const next = () => {
    setFirst(pin);
    setPin('');
    setMessage(null);
  };
  const startOver = (why: string | null) => {
    setFirst(null);
    setPin('');
    setMessage(why);
  };
  const confirm = async () => {
    if (pin !== first) return startOver(t('newPin.mismatch'));
    setSaving(true);
    try {
      const bridge = await kioskBridge;
      await bridge.call('technician:set-pin', { pin });
      onSet(bridge);
    } catch (error) {
      setSaving(false);
      startOver(t('newPin.failed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  };

  return (
    <div className="screen__body">
      <p className="screen__lead">{t(first === null ? 'newPin.lead' : 'newPin.again')}</p>
      {message ? <p className="error-banner" role="alert">{message}</p> : null}
      <Keypad label={t('newPin.label')} value={pin} maxLength={12} display={'•'.repeat(pin.length)} onChange={setPin} />
      <div className="actions">
        {first === null ? (
          <>
            <Button onClick={onCancel}>{t('cancel')}</Button>
            <Button variant="primary" large disabled={pin.length < MIN_DIGITS} onClick={next}>{t('newPin.next')}</Button>
          </>
        ) : (
          <>
            <Button onClick={() => startOver(null)}>{t('newPin.restart')}</Button>
            <Button variant="primary" large disabled={pin.length < MIN_DIGITS || saving} onClick={() => void confirm()}>{t('newPin.confirm')}</Button>
          </>
        )}
      </div>
    </div>
  );
}
