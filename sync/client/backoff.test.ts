import { describe, expect, it } from 'vitest';
import { fullJitterDelay, parseRetryAfter } from './backoff.ts';

describe('fullJitterDelay', () => {
  const policy = { baseMs: 1000, capMs: 60_000 };
  it('grows exponentially up to the cap, and is uniformly random below it', () => {
    expect(fullJitterDelay(0, policy, () => 0.999)).toBe(999);
    expect(fullJitterDelay(3, policy, () => 0.5)).toBe(4000);
    expect(fullJitterDelay(10, policy, () => 0.999)).toBe(59_940);
    expect(fullJitterDelay(1000, policy, () => 0.999)).toBe(59_940);
    expect(fullJitterDelay(5, policy, () => 0)).toBe(0);
  });

  it('spreads a thousand stations over the whole window', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const delays = Array.from({ length: 1000 }, () => fullJitterDelay(6, policy, random));
    const buckets = new Array(8).fill(0);
    for (const d of delays) buckets[Math.floor(d / 7500)] += 1;
    for (const count of buckets) expect(count).toBeGreaterThan(80);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('30')).toBe(30_000);
    expect(parseRetryAfter('Fri, 27 Nov 2026 10:00:30 GMT', Date.parse('Fri, 27 Nov 2026 10:00:00 GMT'))).toBe(30_000);
    expect(parseRetryAfter('Fri, 27 Nov 2026 09:00:00 GMT', Date.parse('Fri, 27 Nov 2026 10:00:00 GMT'))).toBe(0);
  });
  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter('-5')).toBeNull();
  });
});
