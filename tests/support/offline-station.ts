import type { Plugin } from 'vite';
import { DEMO_ENROLMENT_CODE } from '../../sync/protocol/demo-credentials.ts';
import { DEMO_PIN_HASH } from '../../sync/protocol/pin-hash.ts';

/**
 * The kiosks of the end-to-end suite and the benches are the demo with its server out of reach: the demo's
 * enrolment code (as `npm start` hands it out) and a server URL on a loopback port nobody listens on (the discard
 * port), served as station-config.json with the demo technician PIN (24681357), as the demo server serves it. So
 * they serve residents offline, as a station does when the network is down, and the demo volunteers sign in with
 * the demo PIN (a station of a real centre refuses it: renderer/src/volunteers/demo-sign-in.ts); the first-run
 * setup (where a tablet chooses its PIN) and a reachable centre have their own tests (setup.e2e.ts,
 * sync-reload.e2e.ts) on the real server.
 */
export const OFFLINE_STATION_CONFIG = { serverUrl: 'http://127.0.0.1:9', enrolmentCode: DEMO_ENROLMENT_CODE, technician: { pinHash: DEMO_PIN_HASH } } as const;

/** The same tablet provisioned as a station of a real centre, out of reach: the demo's volunteers are not let in. */
export const OFFLINE_REAL_STATION_CONFIG = { ...OFFLINE_STATION_CONFIG, enrolmentCode: 'E2E-CENTRE-OFFLINE' } as const;

/** Serves OFFLINE_STATION_CONFIG as station-config.json from a Vite preview server. */
export const offlineStationConfig = (): Plugin => ({
  name: 'offline-station-config',
  configurePreviewServer(server) {
    server.middlewares.use('/station-config.json', (_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.setHeader('cache-control', 'no-store');
      response.end(JSON.stringify(OFFLINE_STATION_CONFIG));
    });
  },
});
