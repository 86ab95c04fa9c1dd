import { memo, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../store/StoreProvider.tsx';
import { useStationConfig } from '../sync/SyncProvider.tsx';
import { policyOf } from '../volunteers/policy.ts';
import { Button } from '../ui/Button.tsx';
import { type IdlePhase, IdleTimer } from './idle-timer.ts';
import { useRoute } from './navigation.tsx';
import { recoverFailedLoads } from './recover-failed-loads.ts';
import { lazyPart } from './retrying-lazy.tsx';
import { useSession } from './session.tsx';

const AttractScreen = lazyPart(() => import('../screens/attract/AttractScreen.tsx'));
const WARN_MS = 10_000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'input', 'compositionupdate', 'wheel', 'touchstart'] as const;

/**
 * Tells the idle guard about every screen change: moving between screens is activity too, and decides whether
 * there is a session to warn about. Its own component, so that a tap re-renders this, not the whole guard.
 */
function SessionWatch({ onChange, onVolunteer }: { onChange: (hasSession: boolean) => void; onVolunteer: (open: boolean) => void }) {
  const { depth, route } = useRoute();
  const { elderly, language, defaultLanguage } = useSession();
  useEffect(() => onChange(depth > 0 || elderly || language !== defaultLanguage), [onChange, depth, elderly, language, defaultLanguage]);
  const volunteer = route.screen === 'volunteer';
  useEffect(() => onVolunteer(volunteer), [onVolunteer, volunteer]);
  return null;
}

/**
 * Returns the kiosk to a clean home screen when the resident walks away, so nothing they typed stays on
 * screen, and runs the attract loop after a longer idle.
 */
export const IdleGuard = memo(function IdleGuard({ onReset }: { onReset: () => void }) {
  const { t } = useTranslation();
  const { station } = useStore();
  const { elderly } = useSession();
  const [phase, setPhase] = useState<{ phase: IdlePhase; secondsLeft: number }>({ phase: 'active', secondsLeft: 0 });
  const hasSession = useRef(false);
  const timer = useRef<IdleTimer | null>(null);
  const sessionChanged = useCallback((has: boolean) => {
    hasSession.current = has;
    timer.current?.activity();
  }, []);

  // The tablet's own config may override what the community published (a busier or a quieter station).
  const overrides = useStationConfig()?.idle;
  // The volunteers' screens lock by the centre's policy instead: the workspace shows residents' requests.
  const [volunteer, setVolunteer] = useState(false);
  const residentMs = (elderly ? (overrides?.elderlyResetSeconds ?? station.idle.elderlyResetSeconds) : (overrides?.resetSeconds ?? station.idle.resetSeconds)) * 1000;
  const resetMs = volunteer ? policyOf(station).workspaceLockSeconds * 1000 : residentMs;
  const attractMs = (overrides?.attractSeconds ?? station.idle.attractSeconds) * 1000;

  useEffect(() => {
    const idle = new IdleTimer({
      resetMs,
      warnMs: WARN_MS,
      attractMs,
      hasSession: () => hasSession.current,
      // Keeping the same object when nothing changed lets React skip the render, e.g. for the new timer's first
      // 'active', which the guard already shows.
      onPhase: (p, secondsLeft) => setPhase((was) => (was.phase === p && was.secondsLeft === secondsLeft ? was : { phase: p, secondsLeft })),
      // Nobody is at the kiosk now: the moment to fetch code that failed to load, or reload for it.
      onReset: () => {
        onReset();
        void recoverFailedLoads();
      },
    });
    timer.current = idle;
    const activity = () => idle.activity();
    for (const type of ACTIVITY_EVENTS) document.addEventListener(type, activity, { capture: true, passive: true });
    idle.start();
    return () => {
      for (const type of ACTIVITY_EVENTS) document.removeEventListener(type, activity, { capture: true });
      idle.stop();
      // A stopped timer must not be restarted by SessionWatch, whose effects run before the next one is made.
      if (timer.current === idle) timer.current = null;
    };
  }, [resetMs, attractMs, onReset]);

  // The attract loop also means nobody is here, and comes even when no session was left to reset (a resident
  // who met a screen that would not open, and went home).
  const attract = phase.phase === 'attract';
  useEffect(() => {
    if (attract) void recoverFailedLoads();
  }, [attract]);

  // SessionWatch keeps its place in the tree whatever the phase: remounting it would count as activity.
  return (
    <>
      <SessionWatch onChange={sessionChanged} onVolunteer={setVolunteer} />
      {phase.phase === 'attract' ? (
        <Suspense fallback={null}>
          <AttractScreen onDismiss={() => timer.current?.activity()} />
        </Suspense>
      ) : phase.phase === 'warning' ? (
        <div className="overlay">
          <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-desc">
            <h2 id="idle-title" className="dialog__title">{t('idle.title')}</h2>
            <p id="idle-desc">{t('idle.body')}</p>
            <div className="dialog__count" aria-live="polite">{phase.secondsLeft}</div>
            <Button variant="primary" large block autoFocus onClick={() => timer.current?.activity()}>{t('idle.stay')}</Button>
          </div>
        </div>
      ) : null}
    </>
  );
});
