import type { Referral } from '@protocol/records.ts';
import { dayKey } from '@protocol/time.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import { useStore } from '../../store/StoreProvider.tsx';
import { buildQueue, type Queue } from '../../volunteers/queue.ts';

/** Today's queue at this station, live: a resident taking a number or a volunteer calling one shows at once. */
export const useQueue = (): Queue | undefined => {
  const { db } = useStore();
  return useLiveQuery(async () => {
    const today = dayKey(new Date());
    const [referrals, events] = await Promise.all([db.referrals.where('day').equals(today).toArray(), db.referralEvents.where('day').equals(today).toArray()]);
    return buildQueue(referrals as Referral[], events);
  }, [db]);
};
