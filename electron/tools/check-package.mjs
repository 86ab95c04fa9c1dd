#!/usr/bin/env node
// Packages the kiosk without the internet and checks what came out: first the configuration as electron-builder
// itself reads it (what no local run can build: the deb's dependencies, the Windows installer), then
// `electron-builder --linux dir` against a stand-in Electron (a fake `electron` executable carrying a fuse wire,
// so the fuse flipping is checked too), then app.asar, app-update.yml and the shipped default config. The real
// installers are built on a machine with internet (docs/deploy.md).
//
//   node electron/tools/check-package.mjs [--renderer <built renderer>] [--keep]
// Without --renderer, the renderer is built into a temporary folder (never into dist/renderer).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar');
const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses');
// @electron/fuses keeps its FuseState enum out of its index; these are the bytes of the wire.
const FuseState = { DISABLE: 48, ENABLE: 49 };

const root = fileURLToPath(new URL('../..', import.meta.url));
const keep = process.argv.includes('--keep');
const rendererArg = process.argv.indexOf('--renderer');
const work = mkdtempSync(join(tmpdir(), 'yz-package-'));
const failures = [];
const check = (ok, message) => {
  if (!ok) failures.push(message);
  console.log(`${ok ? '  ok ' : '  FAIL'} ${message}`);
};
const run = (command, args, env = {}) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
};

try {
  // 0. The configuration, as electron-builder reads it.
  const { getConfig } = require('app-builder-lib/out/util/config/config.js');
  const config = await getConfig(root, join(root, 'electron-builder.yml'), null);
  console.log('configuration checks:');
  check(config.nsis?.oneClick === true && config.nsis?.perMachine === false, 'Windows: a one-click per-user NSIS install, so an update needs no administrator (no UAC prompt at the kiosk)');
  const depends = config.deb?.depends ?? [];
  for (const pkg of ['libgbm1', 'libasound2', 'speech-dispatcher', 'speech-dispatcher-espeak-ng', 'espeak-ng', 'fonts-noto-cjk', 'fonts-noto-color-emoji']) {
    check(depends.includes(pkg), `the deb depends on ${pkg}`);
  }
  const shippedDefault = readFileSync(join(root, 'electron/resources/station.default.json'), 'utf8');
  check(!/pinHash|pbkdf2-sha256\$/.test(shippedDefault), 'the default config carries no technician PIN (each tablet sets its own at first run, or its station.json does)');

  // 1. The renderer, and the shell built around it.
  let renderer = rendererArg > 0 ? resolve(process.argv[rendererArg + 1] ?? '') : join(work, 'renderer');
  if (rendererArg < 0) run(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', renderer, '--emptyOutDir']);
  if (!existsSync(join(renderer, 'index.html'))) throw new Error(`${renderer} has no built renderer`);
  const app = join(work, 'app');
  run(process.execPath, [join(root, 'electron/tools/build.mjs'), '--out', app, '--renderer', renderer]);

  // 2. A stand-in Electron: an "executable" with Electron's fuse sentinel and a wire in its default state.
  const dist = join(work, 'electron-dist');
  mkdirSync(join(dist, 'resources'), { recursive: true });
  mkdirSync(join(dist, 'locales'));
  const wire = Buffer.from([1, 8, ...'10110001'].map((c) => (typeof c === 'number' ? c : c.charCodeAt(0))));
  writeFileSync(join(dist, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in Electron: packaging check only"\nexit 1\n'), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), wire, Buffer.from('\n')]));
  chmodSync(join(dist, 'electron'), 0o755);
  for (const l of ['zh-CN', 'en-US', 'fr', 'de']) writeFileSync(join(dist, 'locales', `${l}.pak`), '');
  writeFileSync(join(dist, 'LICENSE'), 'stand-in');
  writeFileSync(join(dist, 'version'), '41.7.1');

  // 3. electron-builder, offline: the dir target needs no download when electronDist is given.
  const out = join(work, 'out');
  run(
    process.execPath,
    [
      join(root, 'node_modules/electron-builder/cli.js'),
      '--linux',
      'dir',
      '--x64',
      '--publish',
      'never',
      '--config',
      'electron-builder.yml',
      `-c.electronDist=${dist}`,
      `-c.directories.app=${app}`,
      `-c.directories.output=${out}`,
    ],
    { ELECTRON_BUILDER_CACHE: join(work, 'cache'), CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
  );

  // 4. What came out.
  const unpacked = join(out, 'linux-unpacked');
  const resources = join(unpacked, 'resources');
  const archive = join(resources, 'app.asar');
  console.log('\npackage checks:');
  check(existsSync(archive), 'resources/app.asar exists');
  check(!existsSync(join(resources, 'app.asar.unpacked')), 'nothing is unpacked beside app.asar');
  const files = asar.listPackage(archive, { isPack: false }).map((f) => f.replaceAll('\\', '/'));
  for (const wanted of ['/main.cjs', '/preload.cjs', '/package.json', '/renderer/index.html', '/renderer/manifest.webmanifest']) {
    check(files.includes(wanted), `app.asar contains ${wanted}`);
  }
  const worker = files.filter((f) => /^\/renderer\/(sw|workbox-[\w-]+)\.js$/.test(f));
  check(worker.length === 0, `app.asar has no service worker (the PWA's only)${worker.length ? `: ${worker.join(', ')}` : ''}`);
  check(files.some((f) => /^\/renderer\/assets\/index-.*\.js$/.test(f)), 'app.asar contains the renderer bundle');
  const stray = files.filter((f) => !['/main.cjs', '/preload.cjs', '/package.json', '/renderer'].includes(f) && !f.startsWith('/renderer/'));
  check(stray.length === 0, `app.asar holds nothing but main.cjs, preload.cjs, package.json and renderer/${stray.length ? `: ${stray.slice(0, 5).join(', ')}` : ''}`);
  const forbidden = [
    [/\.map$/, 'source maps'],
    [/\.(br|gz)$/, "the central server's precompressed copies"],
    [/\.tsx?$/, 'TypeScript sources'],
    [/\.(test|e2e)\.|\/tests?\//, 'tests'],
    [/node_modules/, 'node_modules (dev or prod dependencies)'],
    [/^\/(src|electron|sync|assets|tests|renderer\/src)\//, 'repository sources'],
    [/(tsconfig|vite\.config|eslint\.config|electron-builder)/, 'build configuration'],
    [/\.git|\.env|\.npmrc/, 'repository metadata or secrets'],
  ];
  for (const [pattern, what] of forbidden) {
    const found = files.filter((f) => pattern.test(f));
    check(found.length === 0, `app.asar has no ${what}${found.length ? `: ${found.slice(0, 5).join(', ')}` : ''}`);
  }
  const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString());
  check(pkg.main === 'main.cjs', 'package.json main is main.cjs');
  check(!pkg.dependencies && !pkg.devDependencies, 'package.json declares no dependencies');
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  const requires = (file) => [...asar.extractFile(archive, file).toString().matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]);
  check(requires('main.cjs').every((m) => m === 'electron' || builtins.has(m)), 'main.cjs requires only electron and Node built-ins');
  check(requires('preload.cjs').every((m) => m === 'electron'), 'preload.cjs requires only electron (sandboxed preload)');

  const updateYml = readFileSync(join(resources, 'app-update.yml'), 'utf8');
  check(/^provider: generic$/m.test(updateYml), 'app-update.yml: generic provider');
  check(/^url: https:\/\/yizhan-updates\.invalid\/updates$/m.test(updateYml), 'app-update.yml: placeholder feed URL (the station config sets the real one)');
  check(/^updaterCacheDirName: /m.test(updateYml), 'app-update.yml: updater cache folder named');
  check(
    readFileSync(join(resources, 'station.default.json'), 'utf8') === readFileSync(join(root, 'electron/resources/station.default.json'), 'utf8'),
    'resources/station.default.json is the shipped default config',
  );

  const executable = join(unpacked, 'yizhan-kiosk');
  check(existsSync(executable) && (statSync(executable).mode & 0o111) !== 0, 'the executable is yizhan-kiosk');
  const fuses = await getCurrentFuseWire(executable);
  const expected = {
    RunAsNode: FuseState.DISABLE,
    EnableCookieEncryption: FuseState.ENABLE,
    EnableNodeOptionsEnvironmentVariable: FuseState.DISABLE,
    EnableNodeCliInspectArguments: FuseState.DISABLE,
    EnableEmbeddedAsarIntegrityValidation: FuseState.ENABLE,
    OnlyLoadAppFromAsar: FuseState.ENABLE,
    LoadBrowserProcessSpecificV8Snapshot: FuseState.DISABLE,
    GrantFileProtocolExtraPrivileges: FuseState.DISABLE,
  };
  for (const [name, state] of Object.entries(expected)) {
    check(fuses[FuseV1Options[name]] === state, `fuse ${name} is ${state === FuseState.ENABLE ? 'on' : 'off'}`);
  }
  check(
    readdirSync(join(unpacked, 'locales')).sort().join(',') === 'en-US.pak,zh-CN.pak',
    'only the zh-CN and en-US Chromium locales are shipped',
  );
  check(existsSync(join(unpacked, 'LICENSE.electron.txt')), "Electron's licence is kept");
} catch (error) {
  failures.push(String(error instanceof Error ? error.message : error));
  console.error(error);
} finally {
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`\npackaging check failed:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('\npackaging check passed');
