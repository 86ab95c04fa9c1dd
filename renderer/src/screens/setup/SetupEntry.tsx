import { readSetupLink, type SetupLink, type SetupLinkReading } from '@protocol/setup-link.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskBridge, Setup } from '@shell/bridge.ts';
import type { QrScanner } from '../../platform/qr-scan.ts';
import { forgetSetupLink, pendingSetupLink } from '../../platform/setup-link/intake.ts';
import { useSync } from '../../sync/SyncProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { SetupForm } from './SetupForm.tsx';
import { saveSetup } from './setup-in-progress.ts';
import { SetupLinkStep } from './SetupLinkStep.tsx';
import { SetupScanStep } from './SetupScanStep.tsx';

/** The link this tablet was opened with; a damaged one is forgotten as it is read (it can set nothing up). */
const readPending = (): SetupLinkReading => {
  const link = pendingSetupLink();
  const reading: SetupLinkReading = link === null ? { kind: 'none' } : readSetupLink(link);
  if (reading.kind !== 'setup') forgetSetupLink();
  return reading;
};

/**
 * How the technician gives the station its setup: from the setup link this tablet was opened with, or the one in
 * the QR code scanned here (checked, then used with one tap), else the form. A damaged link says so above the
 * form; the link is forgotten once used or set aside, so the code it carries lives no longer than this step.
 * `scanner` is the camera's seam (platform/qr-scan.ts); `onCancel`, when given, lets the form be left unsaved (a
 * station that already serves).
 */
export function SetupEntry({ bridge, onSaved, onCancel, scanner }: { bridge: KioskBridge; onSaved: (setup: Setup) => void; onCancel?: () => void; scanner?: QrScanner }) {
  const { t } = useTranslation('setup');
  const { config } = useSync();
  const [reading, setReading] = useState(readPending);
  const [failure, setFailure] = useState<string | null>(null);
  const [scanning, setScanning] = useState(false);

  // Typed in instead: the link is no longer wanted either way.
  const setAside = () => {
    forgetSetupLink();
    setReading({ kind: 'none' });
  };

  if (reading.kind === 'setup') {
    const use = async () => {
      setFailure(null);
      try {
        await saveSetup(bridge, reading.setup);
        forgetSetupLink();
        onSaved(reading.setup);
      } catch (error) {
        setFailure(error instanceof Error ? error.message : String(error));
      }
    };
    return (
      <>
        <SetupLinkStep setup={reading.setup} current={config?.provisioned ? config.stationId : null} onUse={() => void use()} onCancel={setAside} />
        {failure ? <p className="error-banner" role="alert">{t('failed', { reason: failure })}</p> : null}
      </>
    );
  }
  if (scanning) {
    const scanned = (setup: SetupLink) => {
      setScanning(false);
      setReading({ kind: 'setup', setup });
    };
    return <SetupScanStep onSetup={scanned} onCancel={() => setScanning(false)} scanner={scanner} />;
  }
  return (
    <>
      {reading.kind === 'invalid' ? <p className="notice-banner" role="alert">{t('link.invalid', { problems: reading.problems.join('; ') })}</p> : null}
      <div className="actions">
        <Button variant="primary" large icon="📷" onClick={() => setScanning(true)}>{t('scan.open')}</Button>
      </div>
      <p className="screen__lead">{t('lead')}</p>
      <SetupForm bridge={bridge} onSaved={onSaved} onCancel={onCancel} />
    </>
  );
}
