import type { KioskRecord } from '@protocol/records.ts';
import { useCallback, useState } from 'react';
import { type CommitContext, commitRecord, type Draft, StorageFullError } from './commit.ts';
import { useStore } from './StoreProvider.tsx';

/**
 * A screen's way to save a kiosk-born record: resolves with the record once it is on disk, or with
 * undefined after setting `error` to a message key the screen shows (nothing was written in that case).
 */
export const useCommit = <K extends KioskRecord['kind']>(kind: K) => {
  const { db, station } = useStore();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const commit = useCallback(
    async (build: (ctx: CommitContext) => Draft<K> | Promise<Draft<K>>) => {
      setSaving(true);
      setError(null);
      try {
        return await commitRecord(db, kind, station.stationId, build);
      } catch (e) {
        console.error('commit failed', e);
        setError(e instanceof StorageFullError ? 'storage.full' : 'storage.failed');
        return undefined;
      } finally {
        setSaving(false);
      }
    },
    [db, kind, station.stationId],
  );
  return { commit, error, saving };
};
