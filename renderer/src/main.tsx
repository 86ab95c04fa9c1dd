import './platform/zod-jitless.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { Kiosk } from './app/Kiosk.tsx';
import { Preparing } from './app/Preparing.tsx';
import { createI18n } from './i18n/index.ts';
import { registerServiceWorker } from './platform/service-worker.ts';
import { SetupGate } from './screens/setup/SetupGate.tsx';
import { lockDownTouch } from './platform/lockdown.ts';
import { takeSetupLink } from './platform/setup-link/intake.ts';
import { requestPersistentStorage } from './platform/storage.ts';
import { YizhanDb } from './store/db.ts';
import { StoreProvider } from './store/StoreProvider.tsx';
import { SyncProvider } from './sync/SyncProvider.tsx';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';

// First of all: a setup link's code leaves the address bar and the history before anything else can see it.
takeSetupLink(window);
const db = new YizhanDb();
const i18n = createI18n();
// Seeding needs the schemas (zod) and the demo data: load them only when the store is empty.
void import('./store/seed.ts').then(({ seedDemoIfEmpty }) => seedDemoIfEmpty(db));
// Before the web fallback installs its window.kiosk below: only a browser gets the service worker, not the shell.
if (import.meta.env.PROD) registerServiceWorker();
// window.kiosk: the Electron shell's bridge, or its web fallback in a browser. In a chunk of its own (it brings
// the contract's schemas), like the sync engine; code that needs it awaits platform/kiosk-bridge/ready.ts.
void import('./platform/kiosk-bridge/index.ts').then(({ startKioskBridge }) => startKioskBridge(db));
void requestPersistentStorage();
lockDownTouch();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <StoreProvider db={db} fallback={<Preparing />}>
        <SyncProvider db={db}>
          <SetupGate>
            <Kiosk />
          </SetupGate>
        </SyncProvider>
      </StoreProvider>
    </I18nextProvider>
  </StrictMode>,
);
