import { describe, expect, it } from 'vitest';
import { inRollout, rolloutBucket } from './rollout.ts';
import { compareVersions, VERSION_PATTERN } from './version.ts';

describe('compareVersions', () => {
  it('orders releases as semver does, a release after its own pre-releases', () => {
    const sorted = ['0.1.0', '0.1.1', '0.2.0-beta.2', '0.2.0-beta.10', '0.2.0-rc.1', '0.2.0', '0.10.0', '1.0.0'];
    expect([...sorted].reverse().sort(compareVersions)).toEqual(sorted);
    expect(compareVersions('1.2.3', '1.2.3')).toBe(0);
    expect(compareVersions('1.0.0-alpha', '1.0.0-alpha.1')).toBeLessThan(0);
    expect(compareVersions('1.0.0-1', '1.0.0-alpha')).toBeLessThan(0);
  });

  it('takes only what package.json can hold', () => {
    for (const bad of ['1.2', 'v1.2.3', '01.2.3', '1.2.3+build', '../1.2.3', '1.2.3/x']) expect(VERSION_PATTERN.test(bad), bad).toBe(false);
  });
});

describe('rolloutBucket', () => {
  it('is fixed per station and spreads stations evenly', () => {
    expect(rolloutBucket('xingfuli-01')).toBe(rolloutBucket('xingfuli-01'));
    const stations = Array.from({ length: 2000 }, (_, i) => `station-${i}`);
    const within = stations.filter((id) => inRollout(id, 25)).length;
    expect(within).toBeGreaterThan(400);
    expect(within).toBeLessThan(600);
    expect(stations.every((id) => inRollout(id, 100))).toBe(true);
    expect(stations.some((id) => inRollout(id, 0))).toBe(false);
    // Widening a rollout only adds stations.
    expect(stations.filter((id) => inRollout(id, 10)).every((id) => inRollout(id, 20))).toBe(true);
  });
});
