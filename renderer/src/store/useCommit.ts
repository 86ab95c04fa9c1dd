import type { KioskRecord } from '@protocol/records.ts';
import { useCallback, useState } from 'react';
import { useStationConfig } from '../sync/SyncProvider.tsx';
import { type CommitContext, commitRecord, type Draft, isQuotaError, RecordTooLargeError, StorageFullError } from './commit.ts';
import type { YizhanDb } from './db.ts';
import { useStore } from './StoreProvider.tsx';

/**
 * The station the tablet supposes it is, for commitRecord: its config's, else its settings'; commitRecord stamps
 * the enrolled one instead once there is one.
 */
export const useRecordStationId = (): string => {
  const { station } = useStore();
  return useStationConfig()?.stationId ?? station.stationId;
};

/**
 * Runs a local write for a screen: resolves with its result once it is on disk, or with undefined after setting
 * `error` to a `common` message key (nothing was written in that case: every write here is one transaction).
 * `stationId` is useRecordStationId's.
 */
export const useSave = <A, R>(save: (db: YizhanDb, stationId: string, arg: A) => Promise<R>) => {
  const { db } = useStore();
  const stationId = useRecordStationId();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const run = useCallback(
    async (arg: A): Promise<R | undefined> => {
      setSaving(true);
      setError(null);
      try {
        return await save(db, stationId, arg);
      } catch (e) {
        console.error('local write failed', e);
        setError(e instanceof StorageFullError || isQuotaError(e) ? 'storage.full' : e instanceof RecordTooLargeError ? 'storage.tooLarge' : 'storage.failed');
        return undefined;
      } finally {
        setSaving(false);
      }
    },
    [db, stationId, save],
  );
  return { run, error, saving };
};

/** The common case: one kiosk-born record and its outbox entry. */
export const useCommit = <K extends KioskRecord['kind']>(kind: K) => {
  const commitOne = useCallback(
    (db: YizhanDb, stationId: string, build: (ctx: CommitContext) => Draft<K> | Promise<Draft<K>>) => commitRecord(db, kind, stationId, build),
    [kind],
  );
  const { run, error, saving } = useSave(commitOne);
  return { commit: run, error, saving };
};
