import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layering (see ../shared/STYLE.md): the path says where code may run, and a wrong import fails lint.
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url'];
// Everything of the shell but electron/common (the window.kiosk contract, which the renderer shares).
const shellInternals = ['**/electron/main/**', '**/electron/main.ts', '**/electron/preload.ts', '**/electron/tools/**', '**/electron/resources/**'];
// Test scaffolding (fakes, fixtures, contract suites, a throwaway PostgreSQL) lives in testing/ folders; only tests,
// other scaffolding and tool configs may import it.
const testScaffolding = { regex: '(^|/)testing(/|$)', message: 'testing/ holds test scaffolding: production code never imports it.' };
const testCode = ['**/*.test.{ts,tsx}', '**/*.e2e.ts', '**/testing/**', 'tests/**', '*.config.{js,ts}'];
// What no renderer code (kiosk, console, shared) may import.
const rendererPatterns = [
  { regex: '^electron(-updater)?(/.*)?$', message: 'The renderer talks to the shell only through window.kiosk.' },
  { group: [...nodeBuiltins], message: 'The renderer runs in a browser: no Node built-ins.' },
  { group: ['**/sync/server/**', ...shellInternals, 'better-sqlite3', 'pg', 'fastify'], message: 'The renderer never imports server or shell code (electron/common, the bridge contract, excepted).' },
  { group: ['**/electron/**'], message: "The shell's contract is imported as @shell/… (electron/common)." },
];
const electronTypeOnly = [
  { name: 'electron', allowTypeImports: true, message: 'Take the Electron object as a parameter (import type only); electron/main.ts wires the real one.' },
  { name: 'electron-updater', allowTypeImports: true, message: 'Take the updater as a parameter (import type only); electron/main.ts wires the real one.' },
];
const layer = (files, { patterns = [], paths = [], globals: bannedGlobals = [], ignores = [] }) => ({
  files,
  ignores,
  rules: {
    'no-restricted-imports': ['error', { paths, patterns }],
    ...(bannedGlobals.length ? { 'no-restricted-globals': ['error', ...bannedGlobals] } : {}),
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-output/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-warning-comments': ['error', { terms: ['todo', 'fixme', 'xxx'], location: 'start' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // Shared code runs in the renderer and on the server: no DOM, no Node, no UI, no storage engine.
  layer(['sync/protocol/**/*.ts'], {
    patterns: [
      { group: nodeBuiltins, message: 'sync/protocol runs everywhere: no Node built-ins.' },
      { group: ['react', 'react-*', 'dexie', 'electron', 'i18next'], message: 'sync/protocol imports neither UI, storage nor Electron.' },
      { group: ['**/renderer/**', '**/server/**', '**/client/**', '**/electron/**'], message: 'sync/protocol is the lowest layer.' },
    ],
    globals: ['window', 'document', 'navigator', 'indexedDB', 'localStorage', 'process', 'Buffer'].map((name) => ({
      name,
      message: 'sync/protocol runs everywhere: no DOM or Node globals.',
    })),
  }),
  // The renderer may use the shell's contract (electron/common: the window.kiosk schemas), nothing else of it.
  // Its two apps (the kiosk in renderer/src, the console in renderer/console) share only renderer/shared.
  layer(['renderer/**/*.{ts,tsx}'], {
    ignores: ['**/*.test.{ts,tsx}', 'renderer/build/**'],
    patterns: [...rendererPatterns, { regex: '^(\\.\\./)+(src|console)/', message: 'renderer/shared serves both apps and imports neither.' }],
  }),
  layer(['renderer/src/**/*.{ts,tsx}'], {
    ignores: ['**/*.test.{ts,tsx}'],
    patterns: [...rendererPatterns, { regex: '^(\\.\\./)+console/', message: 'The kiosk never imports the console: what both use lives in renderer/shared.' }],
  }),
  layer(['renderer/console/**/*.{ts,tsx}'], {
    ignores: ['**/*.test.{ts,tsx}'],
    patterns: [...rendererPatterns, { regex: '^(\\.\\./)+(src|electron)/|^@shell/', message: 'The console never imports the kiosk or the shell: what both apps use lives in renderer/shared.' }],
  }),
  // renderer/build: the kiosk's build-time plugins (vite.config.ts), which run in Node and render the app's own
  // components there (the home snapshot); like the renderer's tests, never the shell's or the server's code.
  // Tests of renderer code run in Node and may read files, but still never reach into the shell or server.
  layer(['renderer/**/*.test.{ts,tsx}', 'renderer/build/**'], {
    patterns: [
      { regex: '^electron(-updater)?(/.*)?$', message: 'Renderer tests stay on the renderer side.' },
      { group: ['**/sync/server/**', ...shellInternals], message: 'Renderer tests stay on the renderer side.' },
      { group: ['**/electron/**'], message: "The shell's contract is imported as @shell/… (electron/common)." },
    ],
  }),
  // The sync engine runs in the renderer but knows only its SyncStore and Transport seams.
  layer(['sync/client/**/*.ts'], {
    patterns: [
      { group: nodeBuiltins, message: 'sync/client runs in the renderer: no Node built-ins.' },
      { group: ['react', 'react-*', 'dexie', 'electron', '**/renderer/**', '**/server/**', '**/electron/**'], message: 'sync/client talks to its SyncStore and Transport only.' },
    ],
  }),
  // Of the shell, only electron/common: the CSP and the rule for which file of the web build a path names.
  layer(['sync/server/**/*.ts'], {
    patterns: [
      // electron-updater's channel-file parser (no Electron in it) reads releases as the kiosks will (releases/).
      { regex: '^electron(-updater(?!/out/providers/Provider\\.js$))?(/.*)?$', message: 'The server imports no Electron.' },
      { group: ['react', 'react-*', 'dexie', '**/renderer/**'], message: 'The server imports no UI, no Dexie.' },
      { group: shellInternals, message: 'The server shares only electron/common with the shell.' },
    ],
  }),
  // The shell (see electron/README.md). common/: the bridge contract and pure rules, shared with the renderer.
  layer(['electron/common/**/*.ts'], {
    ignores: ['**/*.test.ts'],
    patterns: [
      { regex: '^electron(-updater)?(/.*)?$', message: 'electron/common runs in the renderer too: no Electron.' },
      { group: nodeBuiltins, message: 'electron/common runs in the renderer too: no Node built-ins.' },
      { group: ['react', 'react-*', 'dexie', '**/renderer/**', '**/sync/server/**', ...shellInternals, '../main/**', '../main.ts', '../preload.ts'], message: 'electron/common is the lowest layer of the shell.' },
    ],
    globals: ['window', 'document', 'navigator', 'indexedDB', 'localStorage', 'location', 'process', 'Buffer', '__dirname'].map((name) => ({
      name,
      message: 'electron/common runs in the main process and the renderer: no DOM or Node globals.',
    })),
  }),
  // Its tests run in Node (they may use node:crypto for the real PBKDF2), but still not the shell's internals.
  layer(['electron/common/**/*.test.ts'], {
    patterns: [
      { regex: '^electron(-updater)?(/.*)?$', message: 'electron/common tests run without Electron.' },
      { group: ['**/renderer/**', '**/sync/server/**', ...shellInternals, '../main/**'], message: 'electron/common tests stay in electron/common.' },
    ],
  }),
  // main/: one module per concern, handed its Electron objects as typed parameters (import type only), so each
  // is tested with fakes; electron/main.ts alone imports the real ones.
  layer(['electron/main/**/*.ts'], {
    patterns: [{ group: ['react', 'react-*', 'dexie', '**/renderer/**', '**/sync/server/**', '**/preload*'], message: 'The shell is thin: no UI or server code.' }],
  }),
  // The layers above own no-restricted-imports; the typescript-eslint twin of the rule carries the rules that
  // cut across layers (a later config would replace, not extend, an earlier one's options for the same rule).
  {
    files: ['**/*.{js,mjs,ts,tsx}'],
    ignores: testCode,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [testScaffolding] }] },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: electronTypeOnly }] },
  },
  {
    files: ['electron/main/**/*.ts'],
    ignores: testCode,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: electronTypeOnly, patterns: [testScaffolding] }] },
  },
  // Nothing is ever handed to the OS to open (security checklist: no shell.openExternal with untrusted content).
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'shell', property: 'openExternal', message: 'The kiosk opens nothing outside itself.' },
        { object: 'shell', property: 'openPath', message: 'The kiosk opens nothing outside itself.' },
      ],
    },
  },
  layer(['electron/main.ts'], {
    patterns: [{ group: ['react', 'react-*', 'dexie', '**/renderer/**', '**/sync/server/**', '**/preload*'], message: 'The shell is thin: no UI or server code.' }],
  }),
  // The preload runs sandboxed: only `electron`'s renderer modules, no Node, nothing of the main process.
  layer(['electron/preload.ts'], {
    patterns: [
      { group: nodeBuiltins, message: 'A sandboxed preload has no Node built-ins.' },
      { group: ['electron-updater', 'react', 'react-*', 'dexie', '**/renderer/**', '**/sync/server/**', './main/**', '**/electron/main/**', './main*'], message: 'The preload only bridges: contract in, ipcRenderer out.' },
    ],
  }),
);
