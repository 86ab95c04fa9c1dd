import { useTranslation } from 'react-i18next';
import './bills.css';
import { Icon } from '../../ui/icons/Icon.tsx';

/** Said first and large on every bill screen: residents fear scams, and this kiosk never handles money. */
export function NoMoneyBanner() {
  const { t } = useTranslation('bills');
  return (
    <div className="ok-banner bill-no-money" role="note">
      <span className="bill-no-money__icon" aria-hidden="true"><Icon emoji="🛡️" /></span>
      <div>
        <p className="bill-no-money__title">{t('noMoney')}</p>
        <p className="bill-no-money__detail">{t('noMoneyDetail')}</p>
      </div>
    </div>
  );
}
