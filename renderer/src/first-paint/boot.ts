import { afterPaint } from '../app/after-paint.ts';
import { appScripts, holdTaps, loadApp, snapshotHolds, stampClock } from './handover.ts';

/**
 * The page's one script tag (the build puts it there in place of the app's, first-paint/plugin.ts). On a
 * tablet's very first start it shows the home that index.html carries and lets that frame be painted before
 * the app's scripts are even fetched; on every other start it removes it unseen. Either way it then loads the
 * app, whose first render takes #root over.
 */
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

const start = async () => {
  if (root.dataset.snapshot !== undefined && snapshotHolds(storage('localStorage'), storage('sessionStorage'), location.hash)) {
    stampClock(root, new Date(), document.documentElement.lang);
    holdTaps(document, root);
    root.hidden = false;
    // A window that is not shown paints no frame: the app does not wait for one past a moment.
    await Promise.race([afterPaint(), new Promise((resolve) => setTimeout(resolve, 250))]);
  } else {
    root.replaceChildren();
    delete root.dataset.snapshot;
    root.hidden = false;
  }
  await loadApp(document, appScripts(script));
};

start().catch((error: unknown) => {
  // The app's code could not be fetched (a network that dropped mid-start): a kiosk must not stay on a screen that
  // answers nothing, so the page tries again.
  console.error('the app did not load', error);
  setTimeout(() => location.reload(), 10_000);
});
