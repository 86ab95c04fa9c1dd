import type { Member } from '@protocol/catalogue.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/StoreProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { QrScanView } from '../../ui/QrScanView.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { useQrScan } from '../../ui/useQrScan.ts';
import { identifyByQr, type QrResult } from '../../volunteers/identify.ts';
import { useSignInPlace } from './useSignInPlace.ts';

type Refusal = Extract<QrResult, { ok: false }>['reason'];

/**
 * Sign in by the member's QR code held up to the tablet's camera. The camera is on only while this step is on
 * screen (ui/useQrScan.ts); frames never leave the tablet.
 */
export function QrStep({ onBack, onMember }: { onBack: () => void; onMember: (member: Member) => Promise<void> }) {
  const { t } = useTranslation('volunteer');
  const { db } = useStore();
  const { demoSignIn } = useSignInPlace();
  const [refused, setRefused] = useState<Refusal | null>(null);
  const { video, ready, problem } = useQrScan(async (text) => {
    const result = await identifyByQr(db, text, demoSignIn);
    if (!result.ok) {
      setRefused(result.reason);
      return false;
    }
    await onMember(result.member);
    return true;
  });

  const lead = problem ? t(`qr.problem.${problem}`) : t('qr.lead');
  return (
    <Screen title={t('qr.title')} lead={lead} actions={<Button variant="quiet" icon="←" onClick={onBack}>{t('qr.usePin')}</Button>}>
      {problem ? (
        <p className="notice-banner" role="alert">{t(`qr.problem.${problem}`)}</p>
      ) : (
        <QrScanView video={video} ready={ready} label={t('qr.camera')} starting={t('qr.starting')} looking={t('qr.looking')} />
      )}
      {refused ? <p className="error-banner" role="alert">{t(`qr.refused.${refused}`)}</p> : null}
    </Screen>
  );
}
