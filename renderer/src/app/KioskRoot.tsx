import type { StationSettings } from '@protocol/catalogue.ts';
import type { i18n as I18n } from 'i18next';
import { StrictMode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { SetupGate } from '../screens/setup/SetupGate.tsx';
import type { YizhanDb } from '../store/db.ts';
import { StoreProvider } from '../store/StoreProvider.tsx';
import { SyncProvider } from '../sync/SyncProvider.tsx';
import { Kiosk } from './Kiosk.tsx';
import { Preparing } from './Preparing.tsx';

/**
 * The whole kiosk, as main.tsx renders it. The home snapshot (first-paint/home-snapshot.tsx) renders the same
 * tree at build time, so what a fresh tablet paints before its scripts run is what the app's first render is.
 */
export function KioskRoot({
  db,
  i18n,
  firstStation,
  firstStationAtOnce,
  onShown,
}: {
  db: YizhanDb;
  i18n: I18n;
  firstStation: Promise<StationSettings | null>;
  firstStationAtOnce: StationSettings | null;
  onShown?: () => void;
}) {
  return (
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <StoreProvider db={db} firstStation={firstStation} firstStationAtOnce={firstStationAtOnce} fallback={<Preparing />} onShown={onShown}>
          <SyncProvider db={db}>
            <SetupGate>
              <Kiosk />
            </SetupGate>
          </SyncProvider>
        </StoreProvider>
      </I18nextProvider>
    </StrictMode>
  );
}
