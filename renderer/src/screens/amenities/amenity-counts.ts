import type { AmenityUse } from '@protocol/records.ts';
import type { YizhanDb } from '../../store/db.ts';

export interface AmenityCounts {
  used: number;
  lent: number;
  returned: number;
  /** Lent and not yet back today; never below zero, since an umbrella lent yesterday may come back today. */
  out: number;
}

/** Today's taps counted; a tap taken back (an `undoes` record) and the record taking it back count as none. */
export const tallyUses = (uses: readonly Pick<AmenityUse, 'id' | 'action' | 'undoes'>[]): AmenityCounts => {
  const undone = new Set(uses.flatMap((u) => (u.undoes ? [u.undoes] : [])));
  const counted = uses.filter((u) => !u.undoes && !undone.has(u.id));
  const count = (action: AmenityUse['action']) => counted.filter((u) => u.action === action).length;
  const lent = count('lend');
  const returned = count('return');
  return { used: count('use'), lent, returned, out: Math.max(0, lent - returned) };
};

/** One amenity's taps on one day, read through the [amenityId+day] index: never a scan of every use. */
export const countsOnDay = async (db: YizhanDb, amenityId: string, day: string): Promise<AmenityCounts> =>
  tallyUses(await db.amenityUses.where('[amenityId+day]').equals([amenityId, day]).toArray());
