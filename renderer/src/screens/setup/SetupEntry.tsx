import { readSetupLink, type SetupLinkReading } from '@protocol/setup-link.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskBridge, Setup } from '@shell/bridge.ts';
import { forgetSetupLink, pendingSetupLink } from '../../platform/setup-link/intake.ts';
import { useSync } from '../../sync/SyncProvider.tsx';
import { SetupForm } from './SetupForm.tsx';
import { saveSetup } from './setup-in-progress.ts';
import { SetupLinkStep } from './SetupLinkStep.tsx';

/** The link this tablet was opened with; a damaged one is forgotten as it is read (it can set nothing up). */
const readPending = (): SetupLinkReading => {
  const link = pendingSetupLink();
  const reading: SetupLinkReading = link === null ? { kind: 'none' } : readSetupLink(link);
  if (reading.kind !== 'setup') forgetSetupLink();
  return reading;
};

/**
 * How the technician gives the station its setup: from the setup link this tablet was opened with (checked, then
 * used with one tap), else the form. A damaged link says so above the form; the link is forgotten once used or
 * set aside, so the code it carries lives no longer than this step.
 */
export function SetupEntry({ bridge, onSaved }: { bridge: KioskBridge; onSaved: (setup: Setup) => void }) {
  const { t } = useTranslation('setup');
  const { config } = useSync();
  const [reading, setReading] = useState(readPending);
  const [failure, setFailure] = useState<string | null>(null);

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
  return (
    <>
      {reading.kind === 'invalid' ? <p className="notice-banner" role="alert">{t('link.invalid', { problems: reading.problems.join('; ') })}</p> : null}
      <p className="screen__lead">{t('lead')}</p>
      <SetupForm bridge={bridge} onSaved={onSaved} />
    </>
  );
}
