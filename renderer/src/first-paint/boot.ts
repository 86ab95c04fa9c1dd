/**
 * The page's module script (renderer/build/home-snapshot-plugin.ts puts it there in place of the app's). When
 * gate.ts has shown the home that index.html carries (a tablet's very first start), it holds the taps made on
 * it and lets its frame be painted before the app's scripts are even fetched; on every other start it removes
 * it unseen. Either way it then loads the app, whose first render takes #root over.
 */
import { afterPaint } from '../app/after-paint.ts';
import { lockDownTouch } from '../platform/lockdown.ts';
import { pageReachable } from '../platform/page-reachable.ts';
import { appScripts, holdTaps, keepLoadingApp, loadApp } from './handover.ts';

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
  // Shown by the gate: this start opens on it.
  if (root.dataset.snapshot !== undefined && !root.hidden) {
    // The snapshot invites a press and hold while nothing answers yet: no browser menu meanwhile.
    lockDownTouch();
    stopHolding = holdTaps(document, root, painted);
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
    pageReachable,
    reload: () => location.reload(),
  });
};

void start();
