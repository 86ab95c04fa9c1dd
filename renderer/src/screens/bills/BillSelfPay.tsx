import type { BillChannel } from '@protocol/catalogue.ts';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../i18n/index.ts';
import { OfficeDetails } from '../services/OfficeDetails.tsx';
import { OnlineChannel } from '../services/OnlineChannel.tsx';
import { StepsList } from '../services/StepsList.tsx';
import './bills.css';

/** Paying without help, only through the official channels: the steps, their QR codes, the counter. */
export function BillSelfPay({ bill }: { bill: BillChannel }) {
  const { t } = useTranslation('bills');
  const localize = useLocalized();
  return (
    <div className="bill-self">
      <section className="card bill-self__steps" aria-labelledby="bill-steps">
        <h2 id="bill-steps" className="card__title">{t('self.steps')}</h2>
        <StepsList steps={bill.steps.map(localize)} />
      </section>
      {bill.online.length > 0 ? (
        <section className="card" aria-labelledby="bill-online">
          <h2 id="bill-online" className="card__title">{t('self.online')}</h2>
          <p>{t('self.onlineLead')}</p>
          <div className="bill-online">
            {bill.online.map((o) => (
              <OnlineChannel key={o.url} channel={localize(o.channel)} url={o.url} />
            ))}
          </div>
        </section>
      ) : null}
      <section className="card" aria-labelledby="bill-office">
        <h2 id="bill-office" className="card__title">{t('self.office')}</h2>
        <OfficeDetails name={localize(bill.office.name)} address={localize(bill.office.address)} hours={localize(bill.office.hours)} />
      </section>
    </div>
  );
}
