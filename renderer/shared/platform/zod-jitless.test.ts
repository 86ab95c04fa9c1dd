import { describe, expect, it, vi } from 'vitest';

describe('zod without eval', () => {
  it('is jitless once the module has run, before zod is even loaded', async () => {
    vi.resetModules();
    delete (globalThis as { __zod_globalConfig?: unknown }).__zod_globalConfig;
    await import('./zod-jitless.ts');
    const { z } = await import('zod');
    expect(z.config().jitless).toBe(true);
    // And zod then never tries `new Function`.
    const spy = vi.spyOn(globalThis, 'Function');
    z.object({ a: z.string(), b: z.number() }).parse({ a: 'x', b: 1 });
    expect(spy).not.toHaveBeenCalled();
  });
});
