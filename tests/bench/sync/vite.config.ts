import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The drain bench page (page/): the kiosk's store and sync engine with no UI. drain.ts builds it into a temp
 * folder, which the bench server serves as its kiosk folder, so the page and /api are one origin.
 */
export default defineConfig({
  root: here('./page'),
  base: './',
  publicDir: false,
  resolve: {
    alias: {
      '@protocol': here('../../../sync/protocol'),
      '@shell': here('../../../electron/common'),
      '@assets': here('../../../assets'),
    },
  },
  build: { outDir: here('../../../dist/bench-drain-page'), emptyOutDir: true, target: 'es2022', sourcemap: false },
});
