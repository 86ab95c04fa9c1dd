import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { configDefaults, defineConfig } from 'vitest/config';
import { ANY_CENTRE, contentSecurityPolicy } from './electron/common/csp.ts';
import pkg from './package.json' with { type: 'json' };
import { homeSnapshot } from './renderer/build/home-snapshot-plugin.ts';
import { precompressBuild } from './sync/server/precompress.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The built app carries its CSP as a meta tag, so a browser kiosk (the PWA) is held to the shell's policy; the
 * shell also sends its stricter one as a header (both apply). Not in development: Vite's dev server injects
 * inline scripts.
 */
const cspMeta = (): Plugin => ({
  name: 'yizhan-csp-meta',
  apply: 'build',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy({ sources: ANY_CENTRE, meta: true }) }, injectTo: 'head-prepend' },
  ],
});

/**
 * The community console is a build of its own (vite.console.config.ts), made after the kiosk's into
 * <outDir>/console, so `vite build` (and every script and test that runs it) builds both apps.
 */
const consoleBuild = (): Plugin => {
  let outDir = '';
  return {
    name: 'yizhan-console-build',
    apply: 'build',
    configResolved: (config) => {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler: async () => {
        await build({ configFile: here('./vite.console.config.ts'), logLevel: 'warn', build: { outDir: join(outDir, 'console') } });
      },
    },
  };
};

/**
 * Brotli and gzip copies of the build's text files, beside them, for the central server to send (it never
 * compresses per request). After every other plugin's closeBundle: the service worker is written by then, and
 * the console's build too (consoleBuild comes first), so the console's files get their copies as well.
 */
const precompress = (): Plugin => {
  let outDir = '';
  return {
    name: 'yizhan-precompress',
    apply: 'build',
    configResolved: (config) => {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler: async () => {
        await precompressBuild(outDir);
      },
    },
  };
};

// Builds used to take the technician PIN's hash from this variable; now no build carries a PIN (each tablet sets
// its own at first run). A build asked for one fails rather than ship without what its maker expected.
if (process.env.VITE_TECHNICIAN_PIN_HASH) {
  throw new Error('VITE_TECHNICIAN_PIN_HASH is no longer read: no build carries a technician PIN; each kiosk sets its own at first run (docs/deploy.md)');
}

export default defineConfig({
  root: here('./renderer'),
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  base: './',
  publicDir: here('./assets/public'),
  resolve: {
    alias: {
      '@protocol': here('./sync/protocol'),
      // The shell's contract with the renderer (the window.kiosk bridge, station config, PIN gate): electron/common.
      '@shell': here('./electron/common'),
      '@assets': here('./assets'),
      '@shared': here('./renderer/shared'),
    },
  },
  plugins: [
    react(),
    cspMeta(),
    homeSnapshot(),
    VitePWA({
      // We register the worker ourselves with workbox-window (renderer/src/platform/service-worker.ts),
      // so the plugin only generates it.
      injectRegister: false,
      registerType: 'prompt',
      manifest: {
        name: '红色驿站 · Yizhan',
        short_name: '红色驿站',
        lang: 'zh-CN',
        display: 'fullscreen',
        orientation: 'any',
        background_color: '#fffaf5',
        theme_color: '#b71c1c',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        // wasm: the QR decoder, so a volunteer can scan their code on a tablet that is offline.
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,json,wasm}'],
        navigateFallback: 'index.html',
        // The community console (/console) is another app on the same origin: never the kiosk's to serve or cache.
        navigateFallbackDenylist: [/^\/console(\/|$)/],
        globIgnores: ['console/**'],
        cleanupOutdatedCaches: true,
        // The first worker takes the page that installed it: a kiosk is not reloaded, and until then every screen's
        // code came from the network, so a tablet that went offline after its first start could not open them.
        // An update still waits (no skipWaiting) for applyPendingUpdate, which reloads as it takes over.
        clientsClaim: true,
      },
    }),
    consoleBuild(),
    precompress(),
  ],
  build: {
    outDir: here('./dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Icons stay files (ui/icons): inlined, a hundred of them would weigh on the first chunk the kiosk loads.
    assetsInlineLimit: (file) => (file.endsWith('.svg') ? false : undefined),
  },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
  test: {
    root: here('.'),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root: here('.'),
          environment: 'jsdom',
          include: ['renderer/**/*.test.{ts,tsx}', 'sync/**/*.test.ts', 'electron/**/*.test.ts', 'tests/unit/**/*.test.{ts,tsx}'],
          // The server's tests run in Node with real databases: the 'server' project below.
          exclude: [...configDefaults.exclude, 'sync/server/**'],
          setupFiles: [here('./tests/setup/unit.ts')],
          // Component tests wait for lazily loaded screens; a shared 2-core machine can be slow to compile them.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'server',
          root: here('.'),
          environment: 'node',
          include: ['sync/server/**/*.test.ts'],
          // One PostgreSQL cluster for the run (each file makes its own database on it); not skipped under CI.
          globalSetup: [here('./sync/server/testing/global-setup.ts')],
          // The files share no module state (each builds its own server and database), so they share one module
          // graph per worker instead of re-importing Fastify, pg and zod for every file.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Sync fault, crash and drain tests (tests/sync): real servers and processes on 127.0.0.1, one file at a time.
        resolve: { alias: { '@protocol': here('./sync/protocol'), '@shell': here('./electron/common'), '@assets': here('./assets'), '@shared': here('./renderer/shared') } },
        test: {
          name: 'sync',
          root: here('.'),
          environment: 'node',
          include: ['tests/sync/**/*.test.ts'],
          // The server suite's PostgreSQL cluster: the engine and the fault mix run against it too.
          globalSetup: [here('./sync/server/testing/global-setup.ts')],
          testTimeout: 240_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          root: here('.'),
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.ts'],
          globalSetup: [here('./tests/e2e/support/global-setup.ts')],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
