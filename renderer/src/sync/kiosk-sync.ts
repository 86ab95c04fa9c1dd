import type { KioskBridge, PublicConfig } from '@shell/bridge.ts';
import { SyncEngine } from '../../../sync/client/engine.ts';
import { httpTransport, type Transport } from '../../../sync/client/transport.ts';
import type { YizhanDb } from '../store/db.ts';
import { withStorageTrend } from '../store/storage-samples.ts';
import { DexieSyncStore } from '../store/sync-store.ts';
import { bridgeTokenVault } from './token-vault.ts';

const withWebLock = (task: () => Promise<void>): Promise<void> =>
  // One engine per tablet: a second window of the app (or a reload racing the old page) waits its turn.
  navigator.locks ? navigator.locks.request('yizhan-sync', { ifAvailable: true }, (lock) => (lock ? task() : undefined)) : task();

const storageEstimate = async (db: YizhanDb) => {
  const estimate = await navigator.storage?.estimate?.();
  return withStorageTrend(db, { used: estimate?.usage ?? null, quota: estimate?.quota ?? null }, new Date());
};

/**
 * The sync engine as the kiosk runs it: on the Dexie store, the token in the shell's vault, over fetch to the
 * configured server (else the origin that served the app: the demo, a PWA), enrolling with the configured code.
 */
export const createKioskSync = (db: YizhanDb, bridge: KioskBridge, config: Pick<PublicConfig, 'serverUrl' | 'enrolmentCode'>, appVersion: string) => {
  const server = config.serverUrl ?? new URL('./', location.href).toString();
  const store = new DexieSyncStore(db, bridgeTokenVault(bridge), server);
  // Every round reads the credentials before its first call, so the store's cached token is the current one.
  const transport: Transport = httpTransport({ baseUrl: server, token: () => store.token });
  const engine = new SyncEngine({
    store,
    transport,
    appVersion,
    storage: () => storageEstimate(db),
    withLock: withWebLock,
    enrolmentCode: config.enrolmentCode,
    online: () => navigator.onLine,
  });
  return { store, transport, engine };
};

export type KioskSync = ReturnType<typeof createKioskSync>;
