import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };
import { CONSOLE_API_PREFIX } from './sync/protocol/console/common.ts';
import { consoleContentSecurityPolicy } from './sync/server/console-csp.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
/** The central server `npm run dev:console` talks to (`npm start` serves on 8787). */
const devApi = process.env.CONSOLE_API ?? 'http://127.0.0.1:8787';

/** The console's own CSP as a meta tag, so the page holds to it whoever serves it (the server sends it too). */
const consoleCspMeta = (): Plugin => ({
  name: 'yizhan-console-csp-meta',
  apply: 'build',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: consoleContentSecurityPolicy({ meta: true }) }, injectTo: 'head-prepend' },
  ],
});

/**
 * The community console (renderer/console): the staff's web app, served by the central server at /console. A
 * build of its own, not a second input of the kiosk's: its chunks (charts and all) never enter the kiosk's
 * service worker precache, and its absolute base lets it route with real paths (/console/inbox). `vite build`
 * builds it after the kiosk, into <kiosk outDir>/console (vite.config.ts consoleBuild); `npm run dev:console`
 * serves it with /console/api proxied to a local server.
 */
export default defineConfig({
  root: here('./renderer/console'),
  base: '/console/',
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  publicDir: false,
  resolve: {
    alias: {
      '@protocol': here('./sync/protocol'),
      '@shared': here('./renderer/shared'),
    },
  },
  plugins: [react(), consoleCspMeta()],
  build: {
    outDir: here('./dist/renderer/console'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // The contract (sync/protocol) in one chunk: the client checks every answer with it, so it loads at start,
    // as one file rather than a dozen slivers. ECharts in its own: only the reports load it, and it changes
    // less often than the app, so browsers keep it across releases.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/ },
            { name: 'contract', test: /sync[\\/]protocol[\\/]/ },
          ],
        },
      },
    },
    // ECharts is one large chunk by design (loaded by the reports only).
    chunkSizeWarningLimit: 700,
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      // The server refuses changes whose Origin is not its own (CSRF): through the proxy, the page's origin is
      // the dev server's, so the proxy speaks as the server's own page would (its Host, its Origin).
      [CONSOLE_API_PREFIX]: {
        target: devApi,
        changeOrigin: true,
        configure: (proxy) =>
          proxy.on('proxyReq', (request) => {
            request.setHeader('origin', devApi);
            request.removeHeader('referer');
          }),
      },
    },
  },
});
