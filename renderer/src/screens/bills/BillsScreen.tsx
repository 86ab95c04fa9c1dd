import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '../../app/navigation.tsx';
import { useLocalized } from '../../i18n/index.ts';
import { useStore } from '../../store/StoreProvider.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { Tile } from '../../ui/Tile.tsx';
import { NoMoneyBanner } from './NoMoneyBanner.tsx';

/** Bill payment: first that the kiosk takes no money, then the six utilities as big tiles. */
export default function BillsScreen() {
  const { t } = useTranslation('bills');
  const localize = useLocalized();
  const { db } = useStore();
  const { go } = useNavigate();
  const bills = useLiveQuery(() => db.bills.orderBy('order').toArray(), [db]);
  const names = (bills ?? []).map((b) => t(`utilities.${b.utility}`));
  return (
    <Screen title={t('title')} speech={[t('title'), t('noMoney'), t('noMoneyDetail'), t('lead'), ...names].join('。')}>
      <NoMoneyBanner />
      <p className="screen__lead">{t('lead')}</p>
      <div className="tiles" role="group" aria-label={t('menu')}>
        {(bills ?? []).map((b) => (
          <Tile key={b.utility} icon={b.icon} title={t(`utilities.${b.utility}`)} hint={localize(b.provider)} onPress={() => go('bill', { utility: b.utility })} />
        ))}
      </div>
    </Screen>
  );
}
