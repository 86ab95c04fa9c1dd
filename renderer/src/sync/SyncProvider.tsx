import { liveQuery } from 'dexie';
import { createContext, type ReactNode, use, useEffect, useMemo, useState } from 'react';
import { type SyncState, SyncEngine } from '../../../sync/client/engine.ts';
import { httpTransport, type Transport } from '../../../sync/client/transport.ts';
import type { YizhanDb } from '../store/db.ts';
import { DexieSyncStore } from '../store/sync-store.ts';
import { loadWebStationConfig, type StationConfig } from './station-config.ts';

interface SyncContextValue {
  state: SyncState;
  engine: SyncEngine;
  /** Exchanges a technician's enrolment code for this station's credential, then syncs at once. */
  enrol(code: string): Promise<void>;
}

const SyncContext = createContext<SyncContextValue | null>(null);

const withWebLock = (task: () => Promise<void>): Promise<void> =>
  // One engine per tablet: a second window of the app (or a reload racing the old page) waits its turn.
  navigator.locks ? navigator.locks.request('yizhan-sync', { ifAvailable: true }, (lock) => (lock ? task() : undefined)) : task();

const storageEstimate = async () => {
  const estimate = await navigator.storage?.estimate?.();
  return { used: estimate?.usage ?? null, quota: estimate?.quota ?? null };
};

export const createKioskSync = (db: YizhanDb, config: StationConfig, appVersion: string) => {
  const store = new DexieSyncStore(db);
  let token: string | null = null;
  const transport: Transport = httpTransport({ baseUrl: config.serverUrl ?? new URL('./', location.href).toString(), token: () => token });
  const engine = new SyncEngine({ store, transport, appVersion, storage: storageEstimate, withLock: withWebLock });
  const refreshToken = async () => {
    token = (await store.credentials())?.token ?? null;
  };
  const enrol = async (code: string) => {
    const answer = await transport.call('enrol', { code, appVersion });
    await store.setCredentials({ stationId: answer.stationId, token: answer.token });
    await refreshToken();
    await engine.retryNow();
  };
  return { store, transport, engine, refreshToken, enrol };
};

export function SyncProvider({ db, children, config, appVersion = __APP_VERSION__ }: { db: YizhanDb; children: ReactNode; config?: StationConfig; appVersion?: string }) {
  const [kiosk] = useState(() => createKioskSync(db, config ?? {}, appVersion));
  const [state, setState] = useState(() => kiosk.engine.getState());

  useEffect(() => {
    const { engine } = kiosk;
    const unsubscribe = engine.subscribe(setState);
    let cancelled = false;
    void (async () => {
      await kiosk.refreshToken();
      if (!(await kiosk.store.credentials())) {
        const found = config ?? (await loadWebStationConfig());
        if (found.enrolmentCode && !cancelled) await kiosk.enrol(found.enrolmentCode).catch((e: unknown) => console.warn('enrolment failed', e));
      }
      if (!cancelled) engine.start();
    })();
    // Every new record in the outbox is a reason to sync soon.
    const outbox = liveQuery(() => db.outbox.count()).subscribe({ next: () => engine.nudge() });
    const online = () => void engine.retryNow();
    window.addEventListener('online', online);
    return () => {
      cancelled = true;
      unsubscribe();
      outbox.unsubscribe();
      window.removeEventListener('online', online);
      engine.stop();
    };
  }, [kiosk, db, config]);

  const value = useMemo(() => ({ state, engine: kiosk.engine, enrol: kiosk.enrol }), [state, kiosk]);
  return <SyncContext value={value}>{children}</SyncContext>;
}

export const useSync = (): SyncContextValue => {
  const value = use(SyncContext);
  if (!value) throw new Error('useSync outside SyncProvider');
  return value;
};
