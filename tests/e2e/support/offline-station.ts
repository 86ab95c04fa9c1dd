/**
 * The suite's kiosks are provisioned stations whose centre is out of reach: a server URL on a loopback port
 * nobody listens on (the discard port) and a code, served as station-config.json by the global setup. So they
 * serve residents offline, as a station does when the network is down; the first-run setup and a reachable
 * centre have their own tests (setup.e2e.ts, sync-reload.e2e.ts) on the real server.
 */
export const OFFLINE_STATION_CONFIG = { serverUrl: 'http://127.0.0.1:9', enrolmentCode: 'E2E-CENTRE-OFFLINE' } as const;
