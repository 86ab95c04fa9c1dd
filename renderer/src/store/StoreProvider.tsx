import type { StationSettings } from '@protocol/catalogue.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, type ReactNode, use, useEffect, useMemo, useState } from 'react';
import type { YizhanDb } from './db.ts';

interface StoreValue {
  db: YizhanDb;
  station: StationSettings;
}

const StoreContext = createContext<StoreValue | null>(null);

/**
 * Renders its children once the station settings are in the local store; every screen can then rely on them.
 * On a tablet's first start `firstStation` (store/start.ts) stands in for them until the demo seed has landed.
 */
export function StoreProvider({
  db,
  children,
  fallback,
  firstStation,
  firstStationAtOnce = null,
  onShown,
}: {
  db: YizhanDb;
  children: ReactNode;
  fallback: ReactNode;
  firstStation?: Promise<StationSettings | null>;
  /** The first station when it is known before any render, so the first render is already home's. */
  firstStationAtOnce?: StationSettings | null;
  /** Called once, when the children are first shown (there is a station, stored or the first one). */
  onShown?: () => void;
}) {
  const stored = useLiveQuery(() => db.settings.toCollection().first(), [db]);
  const [first, setFirst] = useState<StationSettings | null>(firstStationAtOnce);
  useEffect(() => {
    let current = true;
    void firstStation?.then((settings) => current && setFirst(settings));
    return () => {
      current = false;
    };
  }, [firstStation]);
  const station = stored ?? first;
  const value = useMemo(() => (station ? { db, station } : null), [db, station]);
  const shown = value !== null;
  useEffect(() => {
    if (shown) onShown?.();
  }, [shown, onShown]);
  if (!value) return fallback;
  return <StoreContext value={value}>{children}</StoreContext>;
}

export const useStore = (): StoreValue => {
  const value = use(StoreContext);
  if (!value) throw new Error('useStore outside StoreProvider');
  return value;
};
