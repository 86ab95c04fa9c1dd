import { liveQuery } from 'dexie';
import { createContext, type ReactNode, use, useEffect, useMemo, useState } from 'react';
import type { KioskBridge, PublicConfig } from '@shell/bridge.ts';
import type { Feature } from '@shell/config.ts';
import { initialSyncState, type SyncState } from '../../../sync/client/state.ts';
import { kioskBridge } from '../platform/kiosk-bridge/ready.ts';
import type { YizhanDb } from '../store/db.ts';
import type { KioskSync } from './kiosk-sync.ts';

/** Whether the station can join its centre: unknown until the shell has answered. */
export type Provisioning = 'checking' | 'ready' | 'setup-needed';

interface SyncContextValue {
  state: SyncState;
  /** Null until the engine's code has loaded (just after the first paint). */
  sync: KioskSync | null;
  /** The shell's station config, as the engine runs with it; null until read. */
  config: PublicConfig | null;
  provisioning: Provisioning;
}

const SyncContext = createContext<SyncContextValue | null>(null);
/**
 * The station config alone: it changes only when a technician saves a setup, unlike the sync state. Tests of a
 * screen provide it directly.
 */
export const StationConfigContext = createContext<PublicConfig | null>(null);

/**
 * A station with no token and nothing to enrol with (no server or no code) cannot ever sync: a technician must
 * set it up first. One with a token keeps working whatever its config says.
 */
export const needsSetup = (config: Pick<PublicConfig, 'serverUrl' | 'enrolmentCode'>, enrolled: boolean): boolean =>
  !enrolled && !(config.serverUrl && config.enrolmentCode);

/**
 * Runs the sync engine for the kiosk. The engine and its schemas load after the first paint (a dynamic import),
 * so the home screen never waits on sync code; records are safe in the outbox meanwhile. The station config
 * and the token come from the shell's bridge; when the technician saves a new setup the engine starts again
 * with it.
 */
export function SyncProvider({
  db,
  children,
  bridge = kioskBridge,
  appVersion = __APP_VERSION__,
}: {
  db: YizhanDb;
  children: ReactNode;
  bridge?: Promise<KioskBridge>;
  appVersion?: string;
}) {
  const [sync, setSync] = useState<KioskSync | null>(null);
  const [state, setState] = useState<SyncState>(initialSyncState);
  const [config, setConfig] = useState<PublicConfig | null>(null);
  const [provisioning, setProvisioning] = useState<Provisioning>('checking');
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    let cancelled = false;
    let stop = () => undefined as void;
    void (async () => {
      const [{ createKioskSync }, shell] = await Promise.all([import('./kiosk-sync.ts'), bridge]);
      const found = await shell.call('config:get');
      if (cancelled) return;
      const kiosk = createKioskSync(db, shell, found, appVersion);
      const { engine } = kiosk;
      const unsubscribe = engine.subscribe(setState);
      // Every new record in the outbox is a reason to sync soon.
      const outbox = liveQuery(() => db.outbox.count()).subscribe({ next: () => engine.nudge() });
      const online = () => void engine.networkChanged();
      window.addEventListener('online', online);
      // A saved setup changes where and how the engine syncs: start over with it.
      const offConfig = shell.on('config:changed', () => setRevision((r) => r + 1));
      stop = () => {
        unsubscribe();
        outbox.unsubscribe();
        offConfig();
        window.removeEventListener('online', online);
        engine.stop();
      };
      setConfig(found);
      setSync(kiosk);
      const enrolled = (await kiosk.store.credentials()) !== null;
      if (cancelled) return;
      setProvisioning(needsSetup(found, enrolled) ? 'setup-needed' : 'ready');
      // A station not yet enrolled enrols with the configured code in the engine's first round.
      engine.start();
    })().catch((e: unknown) => console.error('sync did not start', e));
    return () => {
      cancelled = true;
      stop();
    };
  }, [db, bridge, appVersion, revision]);

  const value = useMemo(() => ({ state, sync, config, provisioning }), [state, sync, config, provisioning]);
  return (
    <StationConfigContext value={config}>
      <SyncContext value={value}>{children}</SyncContext>
    </StationConfigContext>
  );
}

/** The shell's station config; null until read (and in tests without a provider). */
export const useStationConfig = (): PublicConfig | null => use(StationConfigContext);

/** Whether the station's config leaves a feature on; every feature is on until the config says otherwise. */
export const useFeature = (feature: Feature): boolean => useStationConfig()?.features[feature] ?? true;

export const useSync = (): SyncContextValue => {
  const value = use(SyncContext);
  if (!value) throw new Error('useSync outside SyncProvider');
  return value;
};
