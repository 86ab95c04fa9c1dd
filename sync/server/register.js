// Lets Node 20 run the server's TypeScript directly: `node --import ./sync/server/register.js sync/server/main.ts`.
// Node 20 has no --experimental-strip-types (it arrived in Node 22.6), so .ts files have their types erased on
// load by the hooks in ts-hooks.js. The code is written to be strippable (no enums, no parameter properties,
// `import type` for types), so on a Node that strips types itself nothing is registered and Node does it.
import { register } from 'node:module';

if (!process.features?.typescript) register('./ts-hooks.js', import.meta.url);
