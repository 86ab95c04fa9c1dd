import type { StationSettings } from '@protocol/catalogue.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, type ReactNode, use } from 'react';
import type { YizhanDb } from './db.ts';

interface StoreValue {
  db: YizhanDb;
  station: StationSettings;
}

const StoreContext = createContext<StoreValue | null>(null);

/** Renders its children once the station settings are in the local store; every screen can then rely on them. */
export function StoreProvider({ db, children, fallback }: { db: YizhanDb; children: ReactNode; fallback: ReactNode }) {
  const station = useLiveQuery(() => db.settings.toCollection().first(), [db]);
  if (!station) return fallback;
  return <StoreContext value={{ db, station }}>{children}</StoreContext>;
}

export const useStore = (): StoreValue => {
  const value = use(StoreContext);
  if (!value) throw new Error('useStore outside StoreProvider');
  return value;
};
