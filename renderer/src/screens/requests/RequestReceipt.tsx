import { maskPhone } from '@protocol/masking.ts';
import type { ResidentRequest } from '@protocol/records.ts';
import { useTranslation } from 'react-i18next';
import { Confirmation } from '../../ui/Confirmation.tsx';
import { QrCode } from '@shared/ui/QrCode.tsx';
import { groupRequestNumber, spokenDigits } from '@shared/format/request-number.ts';

/** The receipt: the number to keep, very large and as a QR code, and what happens to the request next. */
export function RequestReceipt({ request }: { request: ResidentRequest }) {
  const { t } = useTranslation('requests');
  const kind = t(`kinds.${request.requestKind}.noun`);
  const title = t('done.title', { kind });
  const phone = request.contact?.phone;
  const steps = [t('done.dispatch'), phone ? t('done.callBack', { phone: maskPhone(phone) }) : t('done.noPhone'), t('done.howToCheck')];
  return (
    <Confirmation title={title} speech={[title, t('done.numberSpoken', { digits: spokenDigits(request.number) }), ...steps].join('。')}>
      <div className="card request-receipt">
        <div className="request-receipt__number">
          <p className="field__label">{t('done.numberLabel')}</p>
          <p className="big-number">{groupRequestNumber(request.number)}</p>
          <p className="muted">{t('done.keep')}</p>
        </div>
        <QrCode text={`yizhan:request:${request.number}`} label={t('done.qr')} />
        <div className="request-receipt__next">
          <h2 className="card__title">{t('done.nextTitle')}</h2>
          <ol>
            {steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </div>
      </div>
    </Confirmation>
  );
}
