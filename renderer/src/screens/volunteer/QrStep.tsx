import type { Member } from '@protocol/catalogue.ts';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CameraError, type CameraProblem, closeCamera, openCamera } from '../../platform/camera.ts';
import { createQrDecoder } from '../../platform/qr-decoder.ts';
import { useStore } from '../../store/StoreProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { identifyByQr, type QrResult } from '../../volunteers/identify.ts';

const FRAME_MS = 250;
type Refusal = Extract<QrResult, { ok: false }>['reason'];

/**
 * Sign in by the member's QR code held up to the tablet's camera. The camera is on only while this step is on
 * screen; frames go to the decoder (platform/qr-decoder.ts) four times a second and never leave the tablet.
 */
export function QrStep({ onBack, onMember }: { onBack: () => void; onMember: (member: Member) => Promise<void> }) {
  const { t } = useTranslation('volunteer');
  const { db } = useStore();
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<CameraProblem | null>(null);
  const [refused, setRefused] = useState<Refusal | null>(null);
  const [ready, setReady] = useState(false);
  const identify = useEffectEvent((text: string) => identifyByQr(db, text));
  const accept = useEffectEvent((member: Member) => onMember(member));

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    let lastRefused = '';

    const start = async () => {
      try {
        stream = await openCamera();
      } catch (error) {
        if (!stopped) setProblem(error instanceof CameraError ? error.problem : 'failed');
        return;
      }
      if (stopped) return closeCamera(stream);
      const element = video.current;
      if (!element || !context) return;
      element.srcObject = stream;
      await element.play().catch(() => undefined);
      const decoder = await createQrDecoder();
      if (stopped) return;
      setReady(true);
      const scan = async () => {
        if (stopped) return;
        if (element.videoWidth > 0) {
          canvas.width = element.videoWidth;
          canvas.height = element.videoHeight;
          context.drawImage(element, 0, 0);
          const [text] = await decoder.decode(context.getImageData(0, 0, canvas.width, canvas.height)).catch(() => [] as string[]);
          if (text && !stopped) {
            const result = await identify(text);
            if (stopped) return;
            if (result.ok) {
              stopped = true;
              closeCamera(stream);
              await accept(result.member);
              return;
            }
            if (text !== lastRefused) setRefused(result.reason);
            lastRefused = text;
          }
        }
        timer = setTimeout(() => void scan(), FRAME_MS);
      };
      void scan();
    };
    void start();
    return () => {
      stopped = true;
      clearTimeout(timer);
      closeCamera(stream);
    };
  }, []);

  const lead = problem ? t(`qr.problem.${problem}`) : t('qr.lead');
  return (
    <Screen title={t('qr.title')} lead={lead} actions={<Button variant="quiet" icon="←" onClick={onBack}>{t('qr.usePin')}</Button>}>
      {problem ? (
        <p className="notice-banner" role="alert">{t(`qr.problem.${problem}`)}</p>
      ) : (
        <div className="qr-scan">
          <video ref={video} className="qr-scan__video" muted playsInline aria-label={t('qr.camera')} />
          <div className="qr-scan__frame" aria-hidden="true" />
          <p className="qr-scan__state" role="status">{ready ? t('qr.looking') : t('qr.starting')}</p>
        </div>
      )}
      {refused ? <p className="error-banner" role="alert">{t(`qr.refused.${refused}`)}</p> : null}
    </Screen>
  );
}
