import type { StationSettings } from '@protocol/catalogue.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, type ReactNode, use, useMemo } from 'react';
import type { YizhanDb } from './db.ts';

interface StoreValue {
  db: YizhanDb;
  station: StationSettings;
}

const StoreContext = createContext<StoreValue | null>(null);

/** Renders its children once the station settings are in the local store; every screen can then rely on them. */
export function StoreProvider({ db, children, fallback }: { db: YizhanDb; children: ReactNode; fallback: ReactNode }) {
  const station = useLiveQuery(() => db.settings.toCollection().first(), [db]);
  const value = useMemo(() => (station ? { db, station } : null), [db, station]);
  if (!value) return fallback;
  return <StoreContext value={value}>{children}</StoreContext>;
}

export const useStore = (): StoreValue => {
  const value = use(StoreContext);
  if (!value) throw new Error('useStore outside StoreProvider');
  return value;
};
