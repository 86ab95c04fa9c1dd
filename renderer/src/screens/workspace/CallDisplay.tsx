import { useEffect, useEffectEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useReadAloudControl } from '../../app/read-aloud.tsx';
import { Button } from '../../ui/Button.tsx';
import { spokenQueueNumber } from '../services/referral.ts';

const SHOWN_MS = 20_000;

/**
 * "你好 A003，请到服务台": the called number over the whole screen, big enough to read across the room, and read
 * aloud at once. It steps aside by itself after a while or when the volunteer taps.
 */
export function CallDisplay({ queueNo, onClose }: { queueNo: string; onClose: () => void }) {
  const { t } = useTranslation('volunteer');
  const { announce } = useReadAloudControl();
  const call = useEffectEvent(() => announce(t('call.speech', { number: spokenQueueNumber(queueNo) })));
  const close = useEffectEvent(onClose);
  // Once per call: a number called again is a new display (its parent keys it by the call).
  useEffect(() => {
    call();
    const timer = setTimeout(() => close(), SHOWN_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className="call-display" role="alertdialog" aria-modal="true" aria-labelledby="call-number" aria-describedby="call-text">
      <p id="call-text" className="call-display__text">{t('call.text', { number: queueNo })}</p>
      <p id="call-number" className="call-display__number">{queueNo}</p>
      <Button large autoFocus onClick={onClose}>{t('call.back')}</Button>
    </div>
  );
}
