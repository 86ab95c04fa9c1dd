/**
 * Seeded randomness for the sync tests: every run prints its seed, and SYNC_SEED=<n> replays it. Each test (and
 * each simulated station) draws from its own stream, derived from the run's seed and a name, so one station's
 * faults do not depend on how the others' requests happened to interleave.
 */
export const DEFAULT_SEED = 20260302;

export const runSeed = (): number => {
  const raw = process.env.SYNC_SEED;
  if (raw === undefined || raw === '') return DEFAULT_SEED;
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed)) throw new Error(`SYNC_SEED must be an integer, not ${JSON.stringify(raw)}`);
  return seed;
};

/** FNV-1a over the name, mixed with the seed: a stable 32-bit seed per (run, name). */
export const deriveSeed = (seed: number, name: string): number => {
  let h = (2166136261 ^ (seed >>> 0) ^ Math.floor(seed / 2 ** 32)) >>> 0;
  for (let i = 0; i < name.length; i += 1) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
};

export interface Rng {
  /** Uniform in [0, 1). */
  (): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/** mulberry32: small, fast, and good enough to pick faults and records. */
export const rng = (seed: number): Rng => {
  let a = seed >>> 0;
  const next = (() => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }) as Rng;
  next.int = (min, max) => min + Math.floor(next() * (max - min + 1));
  next.pick = (items) => {
    if (items.length === 0) throw new Error('pick from nothing');
    return items[Math.floor(next() * items.length)]!;
  };
  next.chance = (p) => next() < p;
  return next;
};

/** The stream for one named part of a test, announced once so a failure can be replayed. */
export const seeded = (name: string): { seed: number; random: Rng } => {
  const seed = runSeed();
  return { seed, random: rng(deriveSeed(seed, name)) };
};
