import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type KioskBridge, type Setup, setupSchema } from '../../../../electron/common/bridge.ts';
import { kioskBridge } from '../../platform/kiosk-bridge/ready.ts';
import type { KioskSync } from '../../sync/kiosk-sync.ts';
import { useSync } from '../../sync/SyncProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { PinEntry, technicianSessionOpen, useTechnicianPin } from '../technician/PinEntry.tsx';
import { SetupEntry } from './SetupEntry.tsx';
import { forgetSetup } from './setup-in-progress.ts';
import { SetupProgress } from './SetupProgress.tsx';
import { ScrollCue } from '../../app/ScrollCue.tsx';

type Step = { name: 'welcome' } | { name: 'pin' } | { name: 'form'; bridge: KioskBridge } | { name: 'progress'; setup: Setup; before: KioskSync | null };

/** The first step: the outcome of a setup saved before a reload (every engine is then a new one), else welcome. */
const firstStep = (resume: unknown): Step => {
  const setup = setupSchema.safeParse(resume);
  return setup.success ? { name: 'progress', setup: setup.data, before: null } : { name: 'welcome' };
};

/**
 * A tablet fresh from the image, with no station config: it cannot know which station it is or where its
 * centre is, so instead of the resident's screens it asks for a technician. Behind the technician PIN: the
 * setup form, then whether the station joined its centre.
 */
export function FirstRun({ onDone, resume = null }: { onDone: () => void; resume?: unknown }) {
  const { t, i18n } = useTranslation('setup');
  const { sync, provisioning } = useSync();
  const [step, setStep] = useState<Step>(() => firstStep(resume));
  // A remembered value that is not a setup: forget it, and leave a station that can sync to its residents.
  const stale = resume !== null && step.name === 'welcome';
  useEffect(() => {
    if (!stale || provisioning === 'checking') return;
    forgetSetup();
    if (provisioning === 'ready') onDone();
  }, [stale, provisioning, onDone]);
  const pin = useTechnicianPin((bridge) => setStep({ name: 'form', bridge }));
  const other = i18n.language === 'en' ? 'zh-CN' : 'en';

  // The outcome may have stayed on screen long after the save: a change of setup may need the PIN again.
  const change = async () => {
    const bridge = await kioskBridge;
    setStep((await technicianSessionOpen(bridge)) ? { name: 'form', bridge } : { name: 'pin' });
  };

  const finish = async () => {
    forgetSetup();
    await (await kioskBridge).call('technician:lock').catch(() => undefined);
    onDone();
  };

  return (
    <div className="kiosk kiosk--bare">
      <main className="main" id="main">
        <section className="screen" aria-labelledby="setup-title">
          <header className="screen__head">
            <h1 id="setup-title" className="screen__title">{t(step.name === 'welcome' ? 'welcome.title' : step.name === 'pin' ? 'pin.title' : 'title')}</h1>
            <Button variant="quiet" lang={other} onClick={() => void i18n.changeLanguage(other)}>{t(`locale.${other}`)}</Button>
          </header>
          {step.name === 'welcome' ? (
            <div className="screen__body">
              <p className="screen__lead">{t('welcome.lead')}</p>
              <div className="actions">
                <Button variant="primary" large onClick={() => setStep({ name: 'pin' })}>{t('welcome.technician')}</Button>
              </div>
            </div>
          ) : null}
          {step.name === 'pin' ? (
            <div className="screen__body">
              <p className="screen__lead">{t('pin.lead')}</p>
              <PinEntry {...pin} />
              <div className="actions">
                <Button onClick={() => setStep({ name: 'welcome' })}>{t('cancel')}</Button>
                <Button variant="primary" large disabled={!pin.ready} onClick={() => void pin.unlock()}>{t('pin.unlock')}</Button>
              </div>
            </div>
          ) : null}
          {step.name === 'form' ? (
            <SetupEntry bridge={step.bridge} onSaved={(setup) => setStep({ name: 'progress', setup, before: sync })} />
          ) : null}
          {step.name === 'progress' ? (
            <SetupProgress setup={step.setup} before={step.before} onEdit={() => void change()} onDone={() => void finish()} />
          ) : null}
        </section>
      </main>
      <ScrollCue areaId="main" />
    </div>
  );
}
