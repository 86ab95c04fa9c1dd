import { SyncEngine } from '../../../sync/client/engine.ts';
import { httpTransport, type Transport } from '../../../sync/client/transport.ts';
import type { YizhanDb } from '../store/db.ts';
import { DexieSyncStore } from '../store/sync-store.ts';
import type { StationConfig } from './station-config.ts';

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

export type KioskSync = ReturnType<typeof createKioskSync>;
