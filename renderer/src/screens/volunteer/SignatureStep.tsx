import type { Member } from '@protocol/catalogue.ts';
import SignaturePad from 'signature_pad';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { signaturePath } from './signature-path.ts';

/**
 * The station asks for a signature on sign-in (its volunteers policy): drawn with a finger on signature_pad,
 * stored as SVG path data with the sign-in record.
 */
export function SignatureStep({ member, onBack, onSigned }: { member: Member; onBack: () => void; onSigned: (path: string) => Promise<void> }) {
  const { t } = useTranslation('volunteer');
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  const [empty, setEmpty] = useState(true);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const signature = new SignaturePad(element, { minWidth: 1.5, maxWidth: 4, penColor: '#1d1b1a' });
    // Drawn at the device's pixel density, so the stroke is as sharp as the screen. The box takes the height the
    // screen leaves it, which changes with elderly mode or a turned tablet: the canvas follows its box, and what
    // was drawn is drawn again where it was (a canvas that is resized is cleared).
    const fit = () => {
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const width = Math.round(element.offsetWidth * ratio);
      const height = Math.round(element.offsetHeight * ratio);
      if (width === element.width && height === element.height) return;
      const drawn = signature.toData();
      element.width = width;
      element.height = height;
      element.getContext('2d')?.scale(ratio, ratio);
      signature.clear();
      signature.fromData(drawn);
    };
    fit();
    const resized = new ResizeObserver(fit);
    resized.observe(element);
    const changed = () => setEmpty(signature.isEmpty());
    signature.addEventListener('endStroke', changed);
    // signature_pad draws from pointer events; the touches behind them must not also become a browser gesture.
    // touch-action: none stops the scroll, but a quick last stroke still starts a fling in the browser, and the
    // tap that follows within a second (签好了) only stopped that fling: it was lost.
    const noGesture = (event: TouchEvent) => event.preventDefault();
    element.addEventListener('touchstart', noGesture, { passive: false });
    element.addEventListener('touchmove', noGesture, { passive: false });
    pad.current = signature;
    return () => {
      element.removeEventListener('touchstart', noGesture);
      element.removeEventListener('touchmove', noGesture);
      resized.disconnect();
      signature.removeEventListener('endStroke', changed);
      signature.off();
      pad.current = null;
    };
  }, []);

  const save = async () => {
    const element = canvas.current;
    const signature = pad.current;
    if (!element || !signature) return;
    const path = signaturePath(signature.toData(), { width: element.offsetWidth, height: element.offsetHeight });
    if (!path) return;
    setSaving(true);
    try {
      await onSigned(path);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Screen
      title={t('signature.title')}
      lead={t('signature.lead', { name: member.name })}
      onBack={onBack}
      actions={
        <>
          <Button large onClick={() => { pad.current?.clear(); setEmpty(true); }}>{t('signature.clear')}</Button>
          <Button variant="primary" large disabled={empty || saving} onClick={save}>{t('signature.done')}</Button>
        </>
      }
    >
      <canvas ref={canvas} className="signature-pad" aria-label={t('signature.area')} role="img" />
    </Screen>
  );
}
