#!/usr/bin/env node
// Builds the shell for packaging: the main process and the preload, each bundled into one CommonJS file
// (the sandboxed preload can require nothing but `electron`), next to a package.json of their own and a copy
// of the built renderer. electron-builder packs exactly that folder (electron-builder.yml: directories.app).
//
//   node electron/tools/build.mjs [--out dist/electron] [--renderer dist/renderer]
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? resolve(process.argv[i + 1]) : fallback;
};
const out = arg('--out', join(root, 'dist/electron'));
const renderer = arg('--renderer', join(root, 'dist/renderer'));

if (!existsSync(join(renderer, 'index.html'))) {
  console.error(`${renderer} has no index.html: build the renderer first (npm run build)`);
  process.exit(1);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const bundle = (entry, name, external) =>
  build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    resolve: { alias: { '@protocol': join(root, 'sync/protocol') } },
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: join(root, entry),
      outDir: out,
      emptyOutDir: false,
      target: 'node22',
      minify: false,
      sourcemap: false,
      copyPublicDir: false,
      rolldownOptions: {
        external,
        output: { format: 'cjs', entryFileNames: `${name}.cjs`, codeSplitting: false },
      },
    },
  });

await bundle('electron/main.ts', 'main', ['electron', ...nodeBuiltins]);
await bundle('electron/preload.ts', 'preload', ['electron']);

// What each bundle still requires at run time: main only Electron and Node, the preload only Electron.
const requires = (file) => [...readFileSync(join(out, file), 'utf8').matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]);
const badMain = requires('main.cjs').filter((m) => m !== 'electron' && !nodeBuiltins.includes(m));
const badPreload = requires('preload.cjs').filter((m) => m !== 'electron');
if (badMain.length || badPreload.length) {
  console.error(`unbundled requires: main ${badMain.join(', ') || '-'}; preload ${badPreload.join(', ') || '-'}`);
  process.exit(1);
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const appPkg = {
  name: 'yizhan-kiosk',
  productName: 'Yizhan',
  version: pkg.version,
  description: pkg.description,
  author: { name: 'Yizhan', email: 'kiosk@yizhan.invalid' },
  homepage: 'https://yizhan.invalid/',
  license: 'UNLICENSED',
  private: true,
  main: 'main.cjs',
};
writeFileSync(join(out, 'package.json'), `${JSON.stringify(appPkg, null, 2)}\n`);
// Neither the .br and .gz copies (for the central server; app:// reads the files themselves from the asar) nor the
// PWA's service worker (sw.js and its workbox runtime): the shell serves the app from the disk and lets no worker
// register (main/app-protocol.ts), so a cache can never outlive an update of app.asar.
const pwaOnly = (name) => name === 'sw.js' || /^workbox-[\w-]+\.js$/.test(name);
cpSync(renderer, join(out, 'renderer'), { recursive: true, filter: (src) => !/\.(map|br|gz)$/.test(src) && !pwaOnly(basename(src)) });
console.log(`shell built into ${out} (main.cjs, preload.cjs, package.json, renderer/)`);
