import { MemorySyncStore } from './memory-store.ts';
import { syncStoreContract } from './store-contract.ts';

syncStoreContract('memory', async () => {
  const store = new MemorySyncStore({ stationId: 's', token: 't' });
  return {
    store,
    add: async (record, at) => void store.add(at ? { ...(record as object), at: at.toISOString() } : record),
    setRetentionDays: async (days) => {
      store.retentionDays = days;
    },
  };
});
