import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Diagnostics as DiagnosticsInfo, KioskBridge, Setup } from '@shell/bridge.ts';
import { enrolmentRefused, isSynced } from '../../../../sync/client/state.ts';
import { useNavigation } from '../../app/navigation.tsx';
import { useNetworkLink } from '../../platform/network-link.ts';
import type { KioskSync } from '../../sync/kiosk-sync.ts';
import { useSync } from '../../sync/SyncProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { formatBytes } from './bytes.ts';
import { ClockWarning } from './ClockWarning.tsx';
import { DeadLetters } from './DeadLetters.tsx';
import { Row } from './Row.tsx';
import { StorageUse } from './StorageUse.tsx';
import { SetupForm } from '../setup/SetupForm.tsx';
import { forgetSetup } from '../setup/setup-in-progress.ts';
import { SetupProgress } from '../setup/SetupProgress.tsx';
import { technicianSessionOpen } from './PinEntry.tsx';

const bytes = (n: number | null) => (n === null ? '—' : formatBytes(n));

type SetupStep = { name: 'editing' } | { name: 'saved'; setup: Setup; before: KioskSync | null };

/** What a technician checks on a station, and the few things they may do to it. */
export function Diagnostics({ bridge, onSessionEnded }: { bridge: KioskBridge; onSessionEnded: () => void }) {
  const { t, i18n } = useTranslation('technician');
  const { home } = useNavigation();
  const { state, sync, config } = useSync();
  const [info, setInfo] = useState<DiagnosticsInfo | null>(null);
  const [reachable, setReachable] = useState<boolean | null>(null);
  const [code, setCode] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [setup, setSetup] = useState<SetupStep | null>(null);
  const linked = useNetworkLink();

  // Leaving diagnostics (an idle reset, home) ends a setup in progress; only the shell's reload keeps it.
  useEffect(() => forgetSetup, []);

  useEffect(() => {
    // Unlocking happens on the same route, so the kiosk's scroll reset does not apply: start at the top.
    const main = document.getElementById('main');
    if (main) main.scrollTop = 0;
  }, []);

  useEffect(() => {
    let live = true;
    const load = () => {
      void bridge.call('diagnostics:get', { logLines: 20 }).then((d) => live && setInfo(d), () => undefined);
      // The server itself, not the local link: a GET /healthz.
      void sync?.transport.probe().then((ok) => live && setReachable(ok), () => live && setReachable(false));
    };
    load();
    const timer = setInterval(load, 5000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [bridge, sync]);

  const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : t('never'));
  /** Runs a technician's action and says how it went; an action may say more than "done" (where a file went). */
  const act = async (label: string, action: () => Promise<unknown>) => {
    setNote(null);
    try {
      const said = await action();
      setNote(typeof said === 'string' ? `${t('done', { action: label })} ${said}` : t('done', { action: label }));
    } catch (error) {
      setNote(t('failed', { action: label, reason: error instanceof Error ? error.message : String(error) }));
    }
  };
  // Diagnostics may have been open longer than the shell's session: the form then needs the PIN first.
  const editSetup = async () => {
    if (await technicianSessionOpen(bridge)) setSetup({ name: 'editing' });
    else onSessionEnded();
  };
  const leave = async () => {
    await bridge.call('technician:lock').catch(() => undefined);
    home();
  };
  const exported = (file: { fileName: string; path: string | null; count: number }) => t('exported', { file: file.path ?? file.fileName, count: file.count });

  if (setup) {
    return (
      <Screen title={t('setup.title')}>
        {setup.name === 'editing' ? (
          <SetupForm bridge={bridge} onCancel={() => setSetup(null)} onSaved={(saved) => setSetup({ name: 'saved', setup: saved, before: sync })} />
        ) : (
          <SetupProgress setup={setup.setup} before={setup.before} onEdit={() => void editSetup()} onDone={() => { forgetSetup(); setSetup(null); }} />
        )}
      </Screen>
    );
  }

  return (
    <Screen title={t('diagnostics')} actions={<Button variant="primary" large onClick={() => void leave()}>{t('leave')}</Button>}>
      {note ? <p className="notice-banner" role="status">{note}</p> : null}
      {info && info.configProblems.length > 0 ? (
        <ul className="error-banner" aria-label={t('problems')}>
          {info.configProblems.map((p) => <li key={p}>{p}</li>)}
        </ul>
      ) : null}
      {/* The columns widen with elderly mode's type: two narrow ones broke an address inside its digits. */}
      <div style={{ display: 'grid', gap: 20, gridTemplateColumns: 'repeat(auto-fit, minmax(calc(340px * var(--scale)), 1fr))' }}>
        <DeadLetters stationId={info?.stationId ?? '—'} onAcknowledge={(acknowledge) => void act(t('dead.acknowledge'), acknowledge)} />
        <section className="card" aria-labelledby="tech-sync">
          <h2 id="tech-sync" className="card__title">{t('sync.title')}</h2>
          <Row label={t('sync.state')} value={isSynced(state) ? t('sync.synced') : t(`phase.${state.phase}`)} />
          {state.phase === 'offline' || state.phase === 'unreachable' ? <p className="muted">{t(`phaseHelp.${state.phase}`)}</p> : null}
          <Row label={t('sync.enrolledAs')} value={state.enrolledAs ?? '—'} />
          <Row label={t('sync.server')} value={config?.serverUrl ?? '—'} />
          <Row label={t('sync.network')} value={t(linked ? 'network.up' : 'network.down')} />
          <Row label={t('sync.reachable')} value={reachable === null ? '—' : reachable ? t('yes') : t('no')} />
          <Row label={t('sync.lastSuccess')} value={time(state.lastSuccessAt)} />
          <Row label={t('sync.waiting')} value={String(state.waiting)} />
          <Row label={t('sync.firstPull')} value={state.firstPullDone ? t('yes') : t('no')} />
          <ClockWarning offsetMs={state.clockOffsetMs} />
          <Row label={t('sync.clockOffset')} value={state.clockOffsetMs === null ? '—' : t('seconds', { n: Math.round(state.clockOffsetMs / 1000) })} />
          <Row label={t('sync.deadLetters')} value={String(state.deadLetters)} />
          <Row label={t('sync.lastError')} value={state.lastError ?? '—'} />
          <div className="actions">
            <Button disabled={!sync} onClick={() => sync && void act(t('sync.now'), () => sync.engine.retryNow())}>{t('sync.now')}</Button>
          </div>
        </section>
        <section className="card" aria-labelledby="tech-enrol">
          <h2 id="tech-enrol" className="card__title">{t('enrol.title')}</h2>
          {enrolmentRefused(state) ? <p className="error-banner" role="alert">{t('enrol.refused')}</p> : null}
          <p className="muted">{t('enrol.lead')}</p>
          <div className="field">
            <label className="field__label" htmlFor="tech-code">{t('enrol.code')}</label>
            <input id="tech-code" className="field__input" value={code} autoComplete="off" autoCapitalize="characters" maxLength={40} onChange={(e) => setCode(e.target.value)} />
          </div>
          <div className="actions">
            <Button disabled={!sync || code.trim().length < 6} onClick={() => sync && void act(t('enrol.submit'), () => sync.engine.enrol(code.trim()))}>{t('enrol.submit')}</Button>
            <Button onClick={() => void editSetup()}>{t('setup.open')}</Button>
          </div>
        </section>
        <section className="card" aria-labelledby="tech-device">
          <h2 id="tech-device" className="card__title">{t('device.title')}</h2>
          <Row label={t('device.version')} value={info ? `${info.appVersion} (${info.shell})` : '—'} />
          <Row label={t('device.station')} value={info?.stationId ?? '—'} />
          <Row label={t('device.storage')} value={info ? `${bytes(info.storage.usageBytes)} / ${bytes(info.storage.totalBytes)}` : '—'} />
          <Row label={t('device.free')} value={info ? `${bytes(info.storage.freeBytes)} (${t(`storageLevel.${info.storage.level}`)})` : '—'} />
          <Row label={t('device.persisted')} value={info?.storage.persisted ? t('yes') : t('no')} />
          <Row label={t('device.credential')} value={info ? t(`credential.${info.credential}`) : '—'} />
          <Row label={t('device.kioskMode')} value={info ? (info.kioskMode ? t('yes') : t('no')) : '—'} />
          <Row label={t('device.update')} value={info ? `${info.update.status}${info.update.version ? ` ${info.update.version}` : ''}` : '—'} />
          <p className="muted">{t('device.credits')}</p>
          <div className="actions">
            <Button onClick={() => void act(t('device.exportLogs'), async () => exported(await bridge.call('logs:export')))}>{t('device.exportLogs')}</Button>
            <Button onClick={() => void act(t('device.exportUnsynced'), async () => exported(await bridge.call('records:export-unsynced')))}>{t('device.exportUnsynced')}</Button>
            <Button onClick={() => void act(t('device.restart'), () => bridge.call('kiosk:restart'))}>{t('device.restart')}</Button>
            <Button onClick={() => void act(t('device.leaveKiosk'), () => bridge.call('kiosk:leave'))}>{t('device.leaveKiosk')}</Button>
          </div>
        </section>
        <StorageUse storage={state.storage} />
        <section className="card" aria-labelledby="tech-log">
          <h2 id="tech-log" className="card__title">{t('log.title')}</h2>
          <pre data-clip style={{ whiteSpace: 'pre-wrap', fontSize: '0.8rem', margin: 0, maxHeight: 240, overflow: 'auto' }}>{info?.recentLog.join('\n') || t('log.empty')}</pre>
        </section>
      </div>
    </Screen>
  );
}
