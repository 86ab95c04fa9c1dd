import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { offlineStationConfig } from '../../support/offline-station.ts';
import { writeContactSheet } from './contact-sheet.ts';
import { SHOTS } from './shots.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Serves the production build (with its service worker) on loopback for the end-to-end suite. */
export default async function setup(project: TestProject) {
  // E2E_DIST lets several people build and test side by side without sharing one dist folder.
  const outDir = process.env.E2E_DIST ?? `${root}/dist/renderer`;
  if (!existsSync(`${outDir}/index.html`)) throw new Error(`${outDir} has no build: run vite build first (npm run test:e2e does)`);
  const server = await preview({
    configFile: `${root}/vite.config.ts`,
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    plugins: [offlineStationConfig()],
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  rmSync(SHOTS, { recursive: true, force: true });
  return async () => {
    await server.close();
    const sheet = writeContactSheet();
    if (sheet) console.info(`[e2e] contact sheet: ${sheet.states} states, ${sheet.shots} screenshots, ${sheet.problems} problems, ${sheet.seconds} s spent seeing them: ${SHOTS}/index.html`);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
