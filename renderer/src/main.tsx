import '@shared/platform/zod-jitless.ts';
import Dexie from 'dexie';
import { createRoot } from 'react-dom/client';
import { afterPaint, whenIdle } from './app/after-paint.ts';
import { KioskRoot } from './app/KioskRoot.tsx';
import { createI18n } from './i18n/index.ts';
import { registerServiceWorker } from './platform/service-worker.ts';
import { holdIconsUntil } from './ui/icons/Icon.tsx';
import { lockDownTouch } from './platform/lockdown.ts';
import { takeSetupLink } from './platform/setup-link/intake.ts';
import { requestPersistentStorage } from './platform/storage.ts';
import { YizhanDb } from './store/db.ts';
import { startStore } from './store/start.ts';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';

// First of all: a setup link's code leaves the address bar and the history before anything else can see it.
takeSetupLink(window);
// Dexie turns on its debugging (an async stack for every query) for any page on localhost, which the demo
// server and the benches are: a production build runs as it does on a tablet.
if (import.meta.env.PROD) Dexie.debug = false;
const db = new YizhanDb();
// The first screen the store lets through (home, painted from the demo station on a first start) is shown: the
// demo catalogue is validated and written after its paint, not beside it.
let firstScreenShown = (): void => undefined;
const firstScreen = new Promise<void>((resolve) => {
  firstScreenShown = () => void afterPaint().then(resolve);
});
const store = startStore(db, firstScreen);
// Nor do the icons' pictures hold that paint back; a screen that is never shown (a store that cannot open) gets
// them after a few seconds all the same.
holdIconsUntil(Promise.race([firstScreen, new Promise((resolve) => setTimeout(resolve, 3000))]));
const i18n = createI18n();
lockDownTouch();

// What the first home screen does not need waits until the store is ready and home is up, so its code (the
// bridge brings zod) and the service worker's precache do not compete with the first paint for a tablet's CPU.
void store.seeded
  .catch((error: unknown) => console.error('the store did not start', error))
  .then(() => whenIdle())
  .then(() => {
    // Before the web fallback installs its window.kiosk below: only a browser gets the service worker, not the shell.
    if (import.meta.env.PROD) registerServiceWorker();
    // window.kiosk: the Electron shell's bridge, or its web fallback in a browser. In a chunk of its own (it
    // brings the contract's schemas), like the sync engine; code that needs it awaits kiosk-bridge/ready.ts.
    void import('./platform/kiosk-bridge/index.ts').then(({ startKioskBridge }) => startKioskBridge(db));
    void requestPersistentStorage();
  });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <KioskRoot db={db} i18n={i18n} firstStation={store.firstStation} firstStationAtOnce={store.firstStationAtOnce} onShown={firstScreenShown} />,
);
