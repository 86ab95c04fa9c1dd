import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type KioskBridge, type Setup, setupSchema } from '@shell/bridge.ts';
import { kioskBridge } from '../../platform/kiosk-bridge/ready.ts';
import { forgetSetupLink, pendingSetupLink } from '../../platform/setup-link/intake.ts';
import type { KioskSync } from '../../sync/kiosk-sync.ts';
import { useSync } from '../../sync/SyncProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { PinEntry, technicianSessionOpen, useTechnicianPin } from '../technician/PinEntry.tsx';
import { NewPin } from './NewPin.tsx';
import { SetupEntry } from './SetupEntry.tsx';
import { forgetSetup } from './setup-in-progress.ts';
import { SetupProgress } from './SetupProgress.tsx';
import { ScrollCue } from '../../app/ScrollCue.tsx';

type Step =
  | { name: 'welcome' }
  | { name: 'pin' }
  | { name: 'new-pin' }
  | { name: 'form'; bridge: KioskBridge }
  | { name: 'progress'; setup: Setup; before: KioskSync | null };

const titles: Record<Step['name'], string> = { welcome: 'welcome.title', pin: 'pin.title', 'new-pin': 'newPin.title', form: 'title', progress: 'title' };

/** The first step: the outcome of a setup saved before a reload (every engine is then a new one), else welcome. */
const firstStep = (resume: unknown): Step => {
  const setup = setupSchema.safeParse(resume);
  return setup.success ? { name: 'progress', setup: setup.data, before: null } : { name: 'welcome' };
};

/**
 * A tablet fresh from the image: with no station config it cannot know which station it is or where its centre
 * is, and with no technician PIN nobody could ever open its technician screen, so instead of the resident's
 * screens it asks for a technician. The technician sets the PIN first if there is none (no image carries one),
 * or enters it; then the setup form, then whether the station joined its centre. A station that already has
 * its config (a provisioned station.json) is done once its PIN is set.
 */
export function FirstRun({ onDone, resume = null }: { onDone: () => void; resume?: unknown }) {
  const { t, i18n } = useTranslation('setup');
  const { sync, provisioning, config } = useSync();
  const pinSet = config?.technicianPinSet ?? true;
  const [step, setStep] = useState<Step>(() => firstStep(resume));
  // A remembered value that is not a setup: forget it, and leave a station that can sync to its residents.
  const stale = resume !== null && step.name === 'welcome';
  useEffect(() => {
    if (!stale || provisioning === 'checking') return;
    forgetSetup();
    if (provisioning === 'ready' && pinSet) onDone();
  }, [stale, provisioning, pinSet, onDone]);
  const pin = useTechnicianPin((bridge) => setStep({ name: 'form', bridge }));
  // A station already serving, opened with a setup link (scanned by mistake, or an old one): the technician may
  // move it to another station, or anyone may leave it as it is and go back to its residents.
  const serving = provisioning === 'ready' && pinSet;
  const title = step.name === 'welcome' && serving ? 'welcome.linkTitle' : titles[step.name];
  const other = i18n.language === 'en' ? 'zh-CN' : 'en';

  // The outcome may have stayed on screen long after the save: a change of setup may need the PIN again.
  const change = async () => {
    const bridge = await kioskBridge;
    setStep((await technicianSessionOpen(bridge)) ? { name: 'form', bridge } : { name: 'pin' });
  };

  // A provisioned station needed only its PIN (unless it was opened with a setup link); any other goes on to
  // the form with the session just opened.
  const pinChosen = (bridge: KioskBridge) => (provisioning === 'ready' && pendingSetupLink() === null ? void finish() : setStep({ name: 'form', bridge }));

  // The bridge starts once the first home screen is up (main.tsx): a tap before it answers asks it, rather than
  // guessing that a PIN is set and asking a fresh tablet for one it never had.
  const technician = async () => {
    const known = config ?? (await (await kioskBridge).call('config:get'));
    setStep(known.technicianPinSet ? { name: 'pin' } : { name: 'new-pin' });
  };

  const finish = async () => {
    forgetSetup();
    await (await kioskBridge).call('technician:lock').catch(() => undefined);
    onDone();
  };
  const leave = () => {
    forgetSetupLink();
    void finish();
  };

  return (
    <div className="kiosk kiosk--bare">
      <main className="main" id="main">
        <section className="screen" aria-labelledby="setup-title">
          <header className="screen__head">
            <h1 id="setup-title" className="screen__title">{t(title)}</h1>
            <Button variant="quiet" lang={other} onClick={() => void i18n.changeLanguage(other)}>{t(`locale.${other}`)}</Button>
          </header>
          {step.name === 'welcome' ? (
            <div className="screen__body">
              <p className="screen__lead">{serving ? t('welcome.linkLead', { station: config?.stationId ?? '' }) : t(provisioning === 'ready' && !pinSet ? 'welcome.pinLead' : 'welcome.lead')}</p>
              <div className="actions">
                {serving ? <Button large onClick={leave}>{t('welcome.back')}</Button> : null}
                <Button variant="primary" large onClick={() => void technician()}>{t('welcome.technician')}</Button>
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
          {step.name === 'new-pin' ? <NewPin onSet={pinChosen} onCancel={() => setStep({ name: 'welcome' })} /> : null}
          {step.name === 'form' ? (
            <SetupEntry bridge={step.bridge} onSaved={(setup) => setStep({ name: 'progress', setup, before: sync })} onCancel={serving ? leave : undefined} />
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
