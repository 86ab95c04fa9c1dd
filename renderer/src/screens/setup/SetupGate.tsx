import { type ReactNode, Suspense, useState } from 'react';
import { lazyPart } from '../../app/retrying-lazy.tsx';
import { useSync } from '../../sync/SyncProvider.tsx';
import { pendingSetupLink } from '../../platform/setup-link/intake.ts';
import { setupInProgress } from './setup-in-progress.ts';

// Only a tablet fresh from the image needs it: kept out of the first chunk (it brings the config schemas).
const FirstRun = lazyPart(async () => ({ default: (await import('./FirstRun.tsx')).FirstRun }));

/**
 * Shows the first-run setup instead of the kiosk while the station cannot join any centre (no token, no server
 * or code) or has no technician PIN (nobody could ever reach its technician screen, and the first to tap the
 * logo would choose one). Once shown it stays until the technician is done, even after the save makes the
 * station ready, and it comes back after a reload to show how a saved setup went. Until the shell has
 * answered, the kiosk shows as usual: a provisioned station must not wait for the check. A setup link the
 * tablet was opened with opens it too, on any station.
 */
export function SetupGate({ children }: { children: ReactNode }) {
  const { provisioning, config } = useSync();
  const needed = provisioning === 'setup-needed' || config?.technicianPinSet === false;
  const [resume] = useState(setupInProgress);
  // A setup link opened on a station already set up: the technician may be moving it to another station.
  const [open, setOpen] = useState(() => needed || resume !== null || pendingSetupLink() !== null);
  const [seen, setSeen] = useState(needed);
  if (needed !== seen) {
    setSeen(needed);
    if (needed) setOpen(true);
  }
  if (!open) return children;
  return (
    <Suspense fallback={<div className="kiosk kiosk--bare" aria-busy="true" />}>
      <FirstRun resume={resume} onDone={() => setOpen(false)} />
    </Suspense>
  );
}
