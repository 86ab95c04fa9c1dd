import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { build, createServer, type Plugin, type ResolvedConfig, type Rolldown } from 'vite';

/** Relative to the kiosk's root (renderer/). */
const SNAPSHOT_MODULE = 'src/first-paint/home-snapshot.tsx';
const BOOT_MODULE = 'src/first-paint/boot.ts';
const GATE_MODULE = 'src/first-paint/gate.ts';

/**
 * Renders home as a first start shows it (first-paint/home-snapshot.tsx) in Node, through Vite's SSR loader so
 * the app's aliases and defines hold. workbox-window ships a UMD file for Node, which has no named exports:
 * Vite transforms its ES build instead.
 */
const renderSnapshot = async (config: ResolvedConfig): Promise<string> => {
  const server = await createServer({
    configFile: false,
    root: config.root,
    logLevel: 'warn',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true },
    define: config.define,
    resolve: { alias: config.resolve.alias },
    ssr: { noExternal: ['workbox-window'] },
  });
  try {
    const { renderHomeSnapshot } = (await server.ssrLoadModule(resolve(config.root, SNAPSHOT_MODULE))) as { renderHomeSnapshot: () => string };
    return renderHomeSnapshot();
  } finally {
    await server.close();
  }
};

/**
 * The gate (first-paint/gate.ts) as one classic script: it runs while the page is parsed, so it can show the
 * snapshot in the first frame, and so it can import nothing; its modules are bundled into it (a few hundred
 * bytes), the same source the app runs. Named by its content, as Vite names the app's files.
 */
const bundleGate = async (config: ResolvedConfig): Promise<{ fileName: string; code: string }> => {
  const output = (await build({
    configFile: false,
    root: config.root,
    logLevel: 'warn',
    define: config.define,
    resolve: { alias: config.resolve.alias },
    build: { write: false, target: config.build.target, minify: true, lib: { entry: resolve(config.root, GATE_MODULE), formats: ['iife'], name: 'yizhanGate' } },
  })) as Rolldown.RolldownOutput[];
  const code = output[0]?.output[0]?.code;
  if (!code) throw new Error('home snapshot: the gate did not bundle');
  return { fileName: `${config.build.assetsDir}/gate-${createHash('sha256').update(code).digest('base64url').slice(0, 8)}.js`, code };
};

const MODULE_SCRIPT = /<script type="module"[^>]*\ssrc="([^"]+)"[^>]*><\/script>\s*/g;
const MODULE_PRELOAD = /<link rel="modulepreload"[^>]*\shref="([^"]+)"[^>]*>\s*/g;
const EMPTY_ROOT = '<div id="root"></div>';

const attribute = (value: string): string => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/**
 * A tablet's very first start paints home from index.html itself, before any of the app's code is fetched
 * (issue 13: from 1.9 s to the bare page's own time, tests/bench cold). The build:
 * - renders home as that start's first render would be (the demo station, zh-CN, standard mode) into #root,
 *   hidden, and after it a classic script, the gate (first-paint/gate.ts), that shows it on such a start;
 * - replaces the app's module script and its modulepreload links with first-paint/boot.ts, which holds the taps
 *   made on a shown snapshot (or, on any other start, removes it unseen), lets it be painted, then loads the app
 *   with those same chunks.
 */
export const homeSnapshot = (): Plugin => {
  let config: ResolvedConfig;
  let gate: Promise<{ fileName: string; code: string }> | undefined;
  return {
    name: 'yizhan-home-snapshot',
    apply: 'build',
    config: (user) => {
      const root = resolve(user.root ?? process.cwd());
      return { build: { rolldownOptions: { input: { index: resolve(root, 'index.html'), boot: resolve(root, BOOT_MODULE) } } } };
    },
    configResolved: (resolved) => {
      config = resolved;
    },
    buildStart: () => {
      gate = bundleGate(config);
    },
    generateBundle: {
      order: 'pre',
      async handler() {
        const { fileName, code } = await gate!;
        this.emitFile({ type: 'asset', fileName, source: code });
      },
    },
    transformIndexHtml: {
      order: 'post',
      handler: async (html, { bundle, chunk }) => {
        if (!bundle || !chunk) return html;
        const boot = Object.values(bundle).find((output): output is Rolldown.OutputChunk => output.type === 'chunk' && output.isEntry && output.name === 'boot');
        const scripts = [...html.matchAll(MODULE_SCRIPT)];
        const entry = scripts[0]?.[1];
        const preload = [...html.matchAll(MODULE_PRELOAD)].map((match) => match[1]);
        // Each of these would quietly undo the point: the app's chunks compiled before the snapshot's paint, or
        // the boot bringing app code with it.
        if (!boot || scripts.length !== 1 || !entry?.endsWith(chunk.fileName) || !html.includes(EMPTY_ROOT) || (chunk.imports.length > 0 && preload.length === 0)) {
          throw new Error(`home snapshot: index.html is not as Vite builds it (one module script for ${chunk.fileName}, its imports as modulepreload links, an empty #root), or there is no boot chunk`);
        }
        if (boot.imports.some((file) => file === chunk.fileName || bundle[file]?.type !== 'chunk' || (bundle[file] as Rolldown.OutputChunk).isEntry)) {
          throw new Error(`home snapshot: the boot chunk imports the app's entry: ${boot.imports.join(', ')}`);
        }
        const base = entry.slice(0, -chunk.fileName.length);
        const bootTags = [
          `<script type="module" crossorigin src="${base}${boot.fileName}" data-app="${attribute(entry)}" data-preload="${attribute(preload.join(' '))}"></script>`,
          ...boot.imports.map((file) => `<link rel="modulepreload" crossorigin href="${base}${file}">`),
        ].join('\n    ');
        const snapshot = await renderSnapshot(config);
        const gateScript = `<script src="${base}${(await gate!).fileName}"></script>`;
        // Replaced by functions: a string replacement would read $& or $' in the station's or the texts' words.
        return html
          .replace(MODULE_PRELOAD, () => '')
          .replace(MODULE_SCRIPT, () => `${bootTags}\n    `)
          .replace(EMPTY_ROOT, () => `<div id="root" data-snapshot="home" hidden>${snapshot}</div>\n    ${gateScript}`);
      },
    },
  };
};
