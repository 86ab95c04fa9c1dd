import { useStationConfig } from '../../sync/SyncProvider.tsx';
import { useRecordStationId } from '../../store/useCommit.ts';
import { demoSignInAllowed } from '../../volunteers/demo-sign-in.ts';
import type { SignInPlace } from '../../volunteers/identify.ts';

/** This tablet as a sign-in sees it: the station it records for, and whether the demo's volunteers count here. */
export const useSignInPlace = (): SignInPlace => ({
  stationId: useRecordStationId(),
  demoSignIn: demoSignInAllowed(useStationConfig(), window.location.origin),
});
