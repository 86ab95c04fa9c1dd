import { maskAccount } from '@protocol/masking.ts';
import type { Referral } from '@protocol/records.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteParams } from '../../app/navigation.tsx';
import { useLocalized } from '../../i18n/index.ts';
import { useStore } from '../../store/StoreProvider.tsx';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { ReferralConfirmation } from '../services/ReferralConfirmation.tsx';
import { BillSelfPay } from './BillSelfPay.tsx';
import { BillVolunteerHelp } from './BillVolunteerHelp.tsx';
import { NoMoneyBanner } from './NoMoneyBanner.tsx';
import './bills.css';

type Way = 'self' | 'volunteer';
const wayIcons: Record<Way, string> = { self: '📱', volunteer: '🙋' };

/** One utility: pay it yourself through the official channels, or get a queue number for a volunteer's help. */
export default function BillScreen() {
  const { utility } = useRouteParams('bill');
  const { t } = useTranslation('bills');
  const localize = useLocalized();
  const { db } = useStore();
  const bill = useLiveQuery(async () => (await db.bills.get(utility)) ?? null, [db, utility]);
  const [way, setWay] = useState<Way>();
  const [done, setDone] = useState<{ referral: Referral; subject: string }>();
  const chosen = useRef<HTMLDivElement>(null);
  // What the resident chose opens below the fold on a tablet on its side: bring it into view.
  useEffect(() => {
    if (way) chosen.current?.scrollIntoView({ block: 'nearest' });
  }, [way]);
  const name = t(`utilities.${utility}`);

  if (done) {
    return (
      <ReferralConfirmation referral={done.referral} subject={done.subject} help={t('done.help')}>
        {done.referral.bill ? <p className="bill-done__account">{t('done.account', { account: maskAccount(done.referral.bill.account) })}</p> : null}
      </ReferralConfirmation>
    );
  }
  if (bill === undefined) return <div className="screen" aria-busy="true" />;
  if (bill === null) return <Screen title={t('title')} lead={t('missing')}>{null}</Screen>;

  const provider = localize(bill.provider);
  return (
    <Screen title={name} lead={provider} speech={[name, provider, t('noMoney'), t('ways.question'), t('ways.self'), t('ways.volunteer')].join('。')}>
      <NoMoneyBanner />
      <h2 className="bill-question">{t('ways.question')}</h2>
      <div className="bill-ways">
        <ChoiceGroup
          label={t('ways.question')}
          value={way}
          onChange={setWay}
          choices={(['self', 'volunteer'] as const).map((value) => ({ value, label: t(`ways.${value}`), icon: wayIcons[value] }))}
        />
      </div>
      {way ? (
        <div ref={chosen} className="bill-chosen">
          {way === 'self' ? (
            <BillSelfPay bill={bill} />
          ) : (
            <BillVolunteerHelp utility={utility} onReferred={(referral) => setDone({ referral, subject: t('done.subject', { utility: name, provider }) })} />
          )}
        </div>
      ) : null}
    </Screen>
  );
}
