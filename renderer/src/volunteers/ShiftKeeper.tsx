import { useEffect } from 'react';
import { useStore } from '../store/StoreProvider.tsx';
import { useRecordStationId } from '../store/useCommit.ts';
import { closeForgottenShifts } from './shifts.ts';

const EVERY_MS = 60_000;

/**
 * Closes forgotten shifts while the tablet runs: once a minute, every sign-in past its shift's end and the
 * policy's grace gets an automatic sign-out (shifts.ts). Outside the residents' session, so an idle reset does
 * not restart it. Renders nothing.
 */
export default function ShiftKeeper() {
  const { db, station } = useStore();
  const stationId = useRecordStationId();
  useEffect(() => {
    let running = false;
    const check = () => {
      if (running) return;
      running = true;
      closeForgottenShifts(db, stationId, station)
        .catch((error: unknown) => console.error('closing forgotten shifts failed', error))
        .finally(() => {
          running = false;
        });
    };
    check();
    const timer = setInterval(check, EVERY_MS);
    return () => clearInterval(timer);
  }, [db, stationId, station]);
  return null;
}
