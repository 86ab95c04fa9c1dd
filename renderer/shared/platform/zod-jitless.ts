// Zod compiles fast object parsers with `new Function`, probing first whether eval is allowed. Our CSPs (the
// kiosk's, the PWA's, the console's) forbid eval: the probe fails quietly but reports a CSP violation on every
// page. This must hold before any schema parses, so both apps import this module first. Zod keeps its config on
// this global and adopts an existing object (zod/v4/core/core.js); setting it here rather than calling
// z.config() keeps zod out of the first chunk (3.8 KB gzip). zod-jitless.test.ts pins that the installed zod
// reads it. In place, not a new object: a zod loaded earlier holds the object it found.
const holder = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(holder.__zod_globalConfig ??= {}).jitless = true;

export {};
