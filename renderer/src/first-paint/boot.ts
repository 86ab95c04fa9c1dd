/**
 * The page's one script (renderer/build/home-snapshot-plugin.ts puts it there in place of the app's). On a
 * tablet's very first start it shows the home that index.html carries and lets that frame be painted before
 * the app's scripts are even fetched; on every other start it removes it unseen. Either way it then loads the
 * app, whose first render takes #root over.
 */
import { afterPaint } from '../app/after-paint.ts';
import { lockDownTouch } from '../platform/lockdown.ts';
import { pageReachable } from '../platform/page-reachable.ts';
import { appScripts, holdTaps, keepLoadingApp, loadApp, snapshotHolds, stampClock } from './handover.ts';

const storage = (name: 'localStorage' | 'sessionStorage'): Storage | undefined => {
  try {
    return window[name];
  } catch {
    return undefined;
  }
};

const root = document.getElementById('root');
const script = document.querySelector<HTMLScriptElement>('script[data-app]');
if (!root || !script) throw new Error('index.html has no #root or no boot script tag');

const takeDown = () => {
  root.replaceChildren();
  delete root.dataset.snapshot;
  root.hidden = false;
};

// A window that is not shown paints no frame: nothing waits for one past a moment.
const painted = () => Promise.race([afterPaint(), new Promise<void>((resolve) => setTimeout(resolve, 250))]);

const start = async () => {
  let stopHolding = (): void => undefined;
  if (root.dataset.snapshot !== undefined && snapshotHolds(storage('localStorage'), storage('sessionStorage'), location.hash)) {
    // The snapshot invites a press and hold while nothing answers yet: no browser menu meanwhile.
    lockDownTouch();
    stampClock(root, new Date(), document.documentElement.lang);
    stopHolding = holdTaps(document, root, painted);
    root.hidden = false;
    await painted();
  } else {
    takeDown();
  }
  const scripts = appScripts(script);
  await keepLoadingApp({
    load: () => loadApp(document, scripts),
    failed: () => {
      stopHolding();
      takeDown();
    },
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    pageReachable: () => pageReachable(),
    reload: () => location.reload(),
  });
};

void start();
