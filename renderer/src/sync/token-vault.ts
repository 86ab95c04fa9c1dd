import type { CredentialProtection, KioskBridge } from '@shell/bridge.ts';

/**
 * Where the station's sync token is kept. Never in IndexedDB beside the records: in the shell it goes through
 * the bridge to safeStorage (the OS keystore where the tablet has one); in a browser the web fallback keeps it
 * in the origin's storage. The sync store asks for it through this seam only.
 */
export interface TokenVault {
  read(): Promise<string | null>;
  write(token: string): Promise<CredentialProtection>;
  clear(): Promise<void>;
}

export const bridgeTokenVault = (bridge: KioskBridge): TokenVault => ({
  read: async () => (await bridge.call('credential:get')).token,
  write: async (token) => (await bridge.call('credential:set', { token })).protection,
  clear: async () => {
    await bridge.call('credential:clear');
  },
});

/** A vault in plain memory: for tests and benchmarks, which have no shell. */
export const memoryTokenVault = (initial: string | null = null): TokenVault => {
  let token = initial;
  return {
    read: async () => token,
    write: async (value) => {
      token = value;
      return 'none';
    },
    clear: async () => {
      token = null;
    },
  };
};
