import { startTransition, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button.tsx';
import { applyPendingUpdate } from '../platform/service-worker.ts';
import { afterPaint, whenIdle } from './after-paint.ts';
import { useStationConfig } from '../sync/SyncProvider.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { IdleGuard } from './IdleGuard.tsx';
import { NavigationProvider, useNavigate, useRoute } from './navigation.tsx';
import { ReadAloudProvider } from './read-aloud.tsx';
import { lazyPart } from './retrying-lazy.tsx';
import { screens } from './screens.ts';
import { SessionProvider, useSession } from './session.tsx';
import { ScrollCue } from './ScrollCue.tsx';
import { StatusBar } from './StatusBar.tsx';
import { TopBar } from './TopBar.tsx';

/** Its own chunk: it brings the record schemas, which the first paint does not need. */
const ShiftKeeper = lazyPart(() => import('../volunteers/ShiftKeeper.tsx'));

/** False until the kiosk's first frame has been painted and the main thread has had a moment. */
function useFirstPaintDone(): boolean {
  const [done, setDone] = useState(false);
  useEffect(() => {
    let current = true;
    void afterPaint()
      .then(() => whenIdle())
      .then(() => current && setDone(true));
    return () => {
      current = false;
    };
  }, []);
  return done;
}

function ScreenHost() {
  const { t } = useTranslation();
  const { route, depth } = useRoute();
  const { home } = useNavigate();
  const Current = screens[route.screen];
  // A new screen starts at its top, not at the scroll position the last one was left at.
  useEffect(() => {
    const main = document.getElementById('main');
    if (main) main.scrollTop = 0;
  }, [route, depth]);
  // Suspense sits outside the keyed boundary so that it outlives a screen change: a boundary that stays
  // keeps the last screen up while the next one loads (navigation is a transition); a new one would go blank.
  return (
    <Suspense fallback={<div className="screen" aria-busy="true" />}>
      <ErrorBoundary
        key={`${route.screen}-${depth}`}
        fallback={(retry) => (
          <div className="screen" role="alert">
            {/* In the screen's head, as on every screen: its title grows along the row, not down the page. */}
            <header className="screen__head">
              <h1 className="screen__title">{t('error.title')}</h1>
            </header>
            <p className="screen__lead">{t('error.body')}</p>
            <div className="actions">
              {/* In a transition: the note stays up while the screen's code is fetched again, and comes back if it fails. */}
              <Button large onClick={() => startTransition(retry)}>{t('error.retry')}</Button>
              {/* One transition for both: an urgent retry alone would first render the broken screen again. */}
              <Button variant="primary" large onClick={() => startTransition(() => { retry(); home(); })}>{t('nav.home')}</Button>
            </div>
          </div>
        )}
      >
        <Current />
      </ErrorBoundary>
    </Suspense>
  );
}

function SessionView({ onReset }: { onReset: () => void }) {
  const { language } = useSession();
  const [hint, setHint] = useState(false);
  const { t } = useTranslation();
  // Stable, so the memoised top bar does not re-render when the hint comes and goes.
  const showHint = useCallback(() => setHint(true), []);
  useEffect(() => {
    if (!hint) return;
    const timer = setTimeout(() => setHint(false), 6000);
    return () => clearTimeout(timer);
  }, [hint]);
  return (
    <ReadAloudProvider language={language}>
      <NavigationProvider>
        <div className="kiosk">
          <TopBar onReadAloudUnavailable={showHint} />
          <main className="main" id="main">
            {hint ? (
              <p className="notice-banner" role="status">{t('topbar.readAloudUnavailable')}</p>
            ) : null}
            <ScreenHost />
          </main>
          <ScrollCue areaId="main" />
          <StatusBar />
        </div>
        <IdleGuard onReset={onReset} />
      </NavigationProvider>
    </ReadAloudProvider>
  );
}

/**
 * One resident's visit is one session: the idle reset swaps the key, so React throws away every screen,
 * form and setting of the last resident at once instead of each screen remembering to clear itself.
 */
export function Kiosk() {
  const [session, setSession] = useState(0);
  const reset = useCallback(() => {
    // Between two residents is the one safe moment to switch to a new version of the app.
    if (!applyPendingUpdate()) setSession((s) => s + 1);
  }, []);
  const locale = useStationConfig()?.locale ?? 'zh-CN';
  // Forgotten shifts can wait a moment; the first screen cannot wait for the schemas that closing them brings.
  const painted = useFirstPaintDone();
  return (
    // The station's language (its config) starts every visit; a resident may switch for theirs.
    <>
      <SessionProvider key={session} defaultLanguage={locale}>
        <SessionView onReset={reset} />
      </SessionProvider>
      {painted ? (
        <Suspense fallback={null}>
          <ShiftKeeper />
        </Suspense>
      ) : null}
    </>
  );
}
