import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Plugin, preview } from 'vite';
import type { TestProject } from 'vitest/node';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * The suite's kiosks are provisioned stations whose centre is out of reach: a server URL on a loopback port
 * nobody listens on (the discard port) and a code. So they serve residents offline, as a station does when
 * the network is down; the first-run setup and a reachable centre have their own tests (setup.e2e.ts,
 * sync-reload.e2e.ts) on the real server.
 */
export const OFFLINE_STATION_CONFIG = { serverUrl: 'http://127.0.0.1:9', enrolmentCode: 'E2E-CENTRE-OFFLINE' };

const stationConfig = (): Plugin => ({
  name: 'e2e-station-config',
  configurePreviewServer(server) {
    server.middlewares.use('/station-config.json', (_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.setHeader('cache-control', 'no-store');
      response.end(JSON.stringify(OFFLINE_STATION_CONFIG));
    });
  },
});

/** Serves the production build (with its service worker) on loopback for the end-to-end suite. */
export default async function setup(project: TestProject) {
  // E2E_DIST lets several people build and test side by side without sharing one dist folder.
  const outDir = process.env.E2E_DIST ?? `${root}/dist/renderer`;
  if (!existsSync(`${outDir}/index.html`)) throw new Error(`${outDir} has no build: run vite build first (npm run test:e2e does)`);
  const server = await preview({
    configFile: `${root}/vite.config.ts`,
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    plugins: [stationConfig()],
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  return async () => {
    await server.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
