// Zod compiles fast object parsers with `new Function`, probing first whether eval is allowed. Our CSP (the
// shell's and the PWA's) forbids eval: the probe fails quietly but reports a CSP violation on every page. This
// must hold before any schema parses. Zod keeps its config on this global and adopts an existing object
// (zod/v4/core/core.js); setting it here rather than calling z.config() keeps zod out of the first chunk
// (3.8 KB gzip). zod-jitless.test.ts pins that the installed zod reads it.
// In place, not a new object: a zod loaded earlier holds the object it found.
const holder = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(holder.__zod_globalConfig ??= {}).jitless = true;

export {};
