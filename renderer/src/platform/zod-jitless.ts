import { config } from 'zod/v4/core';

// Zod compiles fast object parsers with `new Function`, probing first whether eval is allowed. Our CSP (the
// shell's and the PWA's) forbids eval: the probe fails quietly but reports a CSP violation on every page. Set
// before any schema parses; from zod/v4/core so the first chunk gets the config object, not all of zod.
config({ jitless: true });
