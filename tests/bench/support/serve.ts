import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin, preview } from 'vite';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** The production build the benches measure: BENCH_DIST, or the project's usual dist/renderer. */
export const appDist = (): string => resolve(process.env.BENCH_DIST ?? join(repoRoot, 'dist/renderer'));

/**
 * A production build whatever the caller's NODE_ENV: Vite's module runner (run.mjs) sets it to 'development',
 * which would bundle React's development build and leave out the service worker registration.
 */
const productionBuild = async (configFile: string, outDir: string): Promise<void> => {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile, mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  }
};

/** Builds the app with the project's own Vite config into outDir (what `vite build` ships). */
export const buildApp = (outDir: string): Promise<void> => productionBuild(join(repoRoot, 'vite.config.ts'), outDir);

/** Builds the store bench page (tests/bench/page) into a temporary folder; remove() deletes it. */
export const buildBenchPage = async (): Promise<{ dir: string; remove(): void }> => {
  const dir = mkdtempSync(join(tmpdir(), 'yizhan-bench-page-'));
  await productionBuild(fileURLToPath(new URL('../vite.config.ts', import.meta.url)), dir);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
};

export interface Served {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built folder as static files on 127.0.0.1 and a free port, with Vite's preview server (and the
 * given plugins: the app's station-config.json).
 */
export const serve = async (dir: string, plugins: Plugin[] = []): Promise<Served> => {
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir} has no index.html: build it first`);
  const server = await preview({
    configFile: false,
    root: dirname(dir),
    logLevel: 'warn',
    build: { outDir: dir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    plugins,
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
};
