// Node 20 cannot run TypeScript by itself: Vite's module runner loads run-all.ts (and what it imports) for it.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

// The runner would otherwise set NODE_ENV to 'development' for everything it loads.
process.env.NODE_ENV ??= 'production';
await runnerImport(fileURLToPath(new URL('./run-all.ts', import.meta.url)), { configFile: false, logLevel: 'warn' });
