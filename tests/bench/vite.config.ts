import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The store bench page: a bare page that runs the app's own Dexie schema and store functions
 * (renderer/src/store) with no UI around them. Same aliases as the app's config; run-all builds it to a temp folder.
 */
export default defineConfig({
  root: here('./page'),
  base: './',
  publicDir: false,
  resolve: {
    alias: {
      '@protocol': here('../../sync/protocol'),
      '@shell': here('../../electron/common'),
      '@assets': here('../../assets'),
    },
  },
  build: { outDir: here('../../dist/bench-page'), emptyOutDir: true, target: 'es2022', sourcemap: false },
  preview: { host: '127.0.0.1' },
});
