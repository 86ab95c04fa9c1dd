import { foldReferralEvents } from '@protocol/referral-state.ts';
import { dayKey } from '@protocol/time.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../app/Clock.tsx';
import { useStore } from '../../store/StoreProvider.tsx';
import './now-calling.css';

/** How long a called number stays on the residents' home screen while its holder has not come to the desk. */
const SHOWN_MS = 10 * 60_000;

/** The number a volunteer called last, shown on the residents' side until its holder is at the desk. */
export function NowCalling() {
  const { t } = useTranslation('volunteer');
  const { db } = useStore();
  const now = useNow(15_000);
  const calling = useLiveQuery(async () => {
    const events = await db.referralEvents.where('day').equals(dayKey(new Date())).toArray();
    const call = events.filter((e) => e.type === 'call').sort((a, b) => b.at.localeCompare(a.at))[0];
    if (!call) return null;
    const own = events.filter((e) => e.referralId === call.referralId).sort((a, b) => a.at.localeCompare(b.at));
    if (foldReferralEvents(own) !== 'called') return null;
    const referral = await db.referrals.get(call.referralId);
    return referral ? { queueNo: referral.queueNo, at: Date.parse(call.at) } : null;
  }, [db]);
  if (!calling || now.getTime() - calling.at > SHOWN_MS) return null;
  return (
    <p className="now-calling" role="status">
      <span aria-hidden="true">📣</span>
      <span className="now-calling__number">{calling.queueNo}</span>
      {t('call.banner', { number: calling.queueNo })}
    </p>
  );
}
