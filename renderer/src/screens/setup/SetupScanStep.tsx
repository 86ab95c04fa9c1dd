import { readSetupLink, type SetupLink } from '@protocol/setup-link.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QrScanner } from '../../platform/qr-scan.ts';
import { holdSetupLink } from '../../platform/setup-link/intake.ts';
import { Button } from '../../ui/Button.tsx';
import { QrScanView } from '../../ui/QrScanView.tsx';
import { useQrScan } from '../../ui/useQrScan.ts';

type Refusal = { kind: 'not-setup' } | { kind: 'invalid'; problems: string[] };

/**
 * The station's QR code from the provisioning sheet, held up to the tablet's camera (on only while this step is
 * up). A setup link is held exactly like one opened on the tablet (platform/setup-link/intake.ts) and goes on to
 * the same check; any other code (a member's, a web address) or a damaged link is refused in words, and the
 * camera keeps looking.
 */
export function SetupScanStep({ onSetup, onCancel, scanner }: { onSetup: (setup: SetupLink) => void; onCancel: () => void; scanner?: QrScanner }) {
  const { t } = useTranslation('setup');
  const [refused, setRefused] = useState<Refusal | null>(null);
  const { video, ready, problem } = useQrScan(async (text) => {
    const reading = readSetupLink(text);
    if (reading.kind === 'setup') {
      holdSetupLink(text);
      onSetup(reading.setup);
      return true;
    }
    setRefused(reading.kind === 'invalid' ? reading : { kind: 'not-setup' });
    return false;
  }, scanner);

  return (
    <div className="screen__body">
      {problem ? (
        <p className="notice-banner" role="alert">{t(`scan.problem.${problem}`)}</p>
      ) : (
        <>
          <p className="screen__lead">{t('scan.lead')}</p>
          <QrScanView video={video} ready={ready} label={t('scan.camera')} starting={t('scan.starting')} looking={t('scan.looking')} />
        </>
      )}
      {refused ? (
        <p className="error-banner" role="alert">{refused.kind === 'invalid' ? t('scan.invalid', { problems: refused.problems.join('; ') }) : t('scan.notSetup')}</p>
      ) : null}
      <div className="actions">
        <Button onClick={onCancel}>{t('scan.back')}</Button>
      </div>
    </div>
  );
}
