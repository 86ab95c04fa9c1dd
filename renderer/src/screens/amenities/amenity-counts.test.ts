import { describe, expect, it } from 'vitest';
import { freshDb } from '../../../../tests/support/render-screen.tsx';
import { commitRecord } from '../../store/commit.ts';
import { countsOnDay, tallyUses } from './amenity-counts.ts';

describe('tallyUses', () => {
  it('counts each action', () => {
    const uses = (['use', 'use', 'lend', 'lend', 'lend', 'return'] as const).map((action, i) => ({ id: `u${i}`, action }));
    expect(tallyUses(uses)).toEqual({ used: 2, lent: 3, returned: 1, out: 2 });
  });

  it('counts a tap taken back, and the record taking it back, as none', () => {
    const uses = [
      { id: 'a', action: 'lend' as const },
      { id: 'b', action: 'lend' as const },
      { id: 'c', action: 'lend' as const, undoes: 'b' },
      { id: 'd', action: 'use' as const },
      { id: 'e', action: 'use' as const, undoes: 'd' },
    ];
    expect(tallyUses(uses)).toEqual({ used: 0, lent: 1, returned: 0, out: 1 });
  });

  it('never shows fewer than none out, when more come back today than went out today', () => {
    expect(tallyUses([{ id: 'a', action: 'lend' }, { id: 'b', action: 'return' }, { id: 'c', action: 'return' }])).toEqual({ used: 0, lent: 1, returned: 2, out: 0 });
    expect(tallyUses([])).toEqual({ used: 0, lent: 0, returned: 0, out: 0 });
  });
});

describe('countsOnDay', () => {
  it('counts one amenity on one station-local day only', async () => {
    const db = await freshDb();
    const today = new Date(2026, 10, 27, 10, 0);
    const yesterday = new Date(2026, 10, 26, 23, 59);
    const tap = (amenityId: string, action: 'use' | 'lend' | 'return', at: Date) =>
      commitRecord(db, 'amenity-use', 'demo-station', () => ({ kind: 'amenity-use', amenityId, action }), at);
    await tap('umbrellas', 'lend', yesterday);
    await tap('umbrellas', 'lend', today);
    await tap('umbrellas', 'return', today);
    await tap('umbrellas', 'return', today);
    await tap('hot-water', 'use', today);
    expect(await countsOnDay(db, 'umbrellas', '2026-11-27')).toEqual({ used: 0, lent: 1, returned: 2, out: 0 });
    expect(await countsOnDay(db, 'umbrellas', '2026-11-26')).toEqual({ used: 0, lent: 1, returned: 0, out: 1 });
    expect(await countsOnDay(db, 'hot-water', '2026-11-27')).toEqual({ used: 1, lent: 0, returned: 0, out: 0 });
    expect(await countsOnDay(db, 'microwave', '2026-11-27')).toEqual({ used: 0, lent: 0, returned: 0, out: 0 });
  });
});
