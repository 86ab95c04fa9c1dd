import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layering (see ../shared/STYLE.md): the path says where code may run, and a wrong import fails lint.
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url'];
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
  layer(['renderer/**/*.{ts,tsx}'], {
    ignores: ['**/*.test.{ts,tsx}'],
    patterns: [
      { group: ['electron', 'electron/*'], message: 'The renderer talks to the shell only through window.kiosk.' },
      { group: [...nodeBuiltins], message: 'The renderer runs in a browser: no Node built-ins.' },
      { group: ['**/sync/server/**', '**/electron/**', 'better-sqlite3', 'pg', 'fastify'], message: 'The renderer never imports server or shell code.' },
    ],
  }),
  // Tests of renderer code run in Node and may read files, but still never reach into the shell or server.
  layer(['renderer/**/*.test.{ts,tsx}'], {
    patterns: [{ group: ['electron', 'electron/*', '**/sync/server/**', '**/electron/**'], message: 'Renderer tests stay on the renderer side.' }],
  }),
  // The sync engine runs in the renderer but knows only its SyncStore and Transport seams.
  layer(['sync/client/**/*.ts'], {
    patterns: [
      { group: nodeBuiltins, message: 'sync/client runs in the renderer: no Node built-ins.' },
      { group: ['react', 'react-*', 'dexie', 'electron', '**/renderer/**', '**/server/**', '**/electron/**'], message: 'sync/client talks to its SyncStore and Transport only.' },
    ],
  }),
  layer(['sync/server/**/*.ts'], {
    patterns: [{ group: ['react', 'react-*', 'dexie', '**/renderer/**', 'electron'], message: 'The server imports no UI, no Dexie, no Electron.' }],
  }),
  layer(['electron/**/*.ts'], {
    patterns: [{ group: ['react', 'react-*', 'dexie', '**/renderer/**', '**/sync/server/**'], message: 'The shell is thin: no UI or server code.' }],
  }),
);
