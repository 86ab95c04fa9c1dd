import { liveQuery } from 'dexie';
import { createContext, type ReactNode, use, useEffect, useMemo, useState } from 'react';
import { initialSyncState, type SyncState } from '../../../sync/client/state.ts';
import type { YizhanDb } from '../store/db.ts';
import type { KioskSync } from './kiosk-sync.ts';
import type { StationConfig } from './station-config.ts';

interface SyncContextValue {
  state: SyncState;
  /** Null until the engine's code has loaded (just after the first paint). */
  sync: KioskSync | null;
}

const SyncContext = createContext<SyncContextValue | null>(null);

/**
 * Runs the sync engine for the kiosk. The engine, its schemas and the station config load after the first
 * paint (a dynamic import), so the home screen never waits on sync code; records are safe in the outbox meanwhile.
 */
export function SyncProvider({ db, children, config, appVersion = __APP_VERSION__ }: { db: YizhanDb; children: ReactNode; config?: StationConfig; appVersion?: string }) {
  const [sync, setSync] = useState<KioskSync | null>(null);
  const [state, setState] = useState<SyncState>(initialSyncState);

  useEffect(() => {
    let cancelled = false;
    let stop = () => undefined as void;
    void (async () => {
      const [{ createKioskSync }, { loadStationConfig }] = await Promise.all([import('./kiosk-sync.ts'), import('./station-config.ts')]);
      const found = config ?? (await loadStationConfig());
      if (cancelled) return;
      const kiosk = createKioskSync(db, found, appVersion);
      const { engine } = kiosk;
      const unsubscribe = engine.subscribe(setState);
      // Every new record in the outbox is a reason to sync soon.
      const outbox = liveQuery(() => db.outbox.count()).subscribe({ next: () => engine.nudge() });
      const online = () => void engine.networkChanged();
      window.addEventListener('online', online);
      stop = () => {
        unsubscribe();
        outbox.unsubscribe();
        window.removeEventListener('online', online);
        engine.stop();
      };
      setSync(kiosk);
      await kiosk.refreshToken();
      if (!(await kiosk.store.credentials()) && found.enrolmentCode && !cancelled) {
        await kiosk.enrol(found.enrolmentCode).catch((e: unknown) => console.warn('enrolment failed', e));
      }
      if (!cancelled) engine.start();
    })();
    return () => {
      cancelled = true;
      stop();
    };
  }, [db, config, appVersion]);

  const value = useMemo(() => ({ state, sync }), [state, sync]);
  return <SyncContext value={value}>{children}</SyncContext>;
}

export const useSync = (): SyncContextValue => {
  const value = use(SyncContext);
  if (!value) throw new Error('useSync outside SyncProvider');
  return value;
};
