import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN, slugFrom } from './slug.ts';

describe('ids for new items', () => {
  it('makes an id from an English name', () => {
    expect(slugFrom('Free Health Clinic (monthly)', 'svc')).toBe('free-health-clinic-monthly');
    expect(slugFrom('  Café & Tea  ', 'svc')).toBe('cafe-tea');
  });

  it('falls back to the prefix and the time for a name without letters', () => {
    const id = slugFrom('义诊', 'svc', 1_700_000_000_000);
    expect(id).toBe(`svc-${(1_700_000_000_000).toString(36)}`);
    expect(id).toMatch(SLUG_PATTERN);
  });

  it('always fits the centre\'s pattern', () => {
    for (const name of ['-x-', 'a'.repeat(200), 'Évènement ÉTÉ 2026', '---', 'a--b']) expect(slugFrom(name, 'n')).toMatch(SLUG_PATTERN);
  });
});
