import type { Referral } from '@protocol/records.ts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { useReferral } from './referral.ts';

/** One big button: the resident is handed to the volunteer on duty with a queue number, nothing to fill in. */
export function VolunteerWay({ serviceId, onReferred }: { serviceId: string; onReferred: (referral: Referral) => void }) {
  const { t } = useTranslation('services');
  const { refer, error, saving } = useReferral();
  const ask = async () => {
    const referral = await refer({ serviceId });
    if (referral) onReferred(referral);
  };
  return (
    <>
      <p>{t('ways.volunteer.lead')}</p>
      {error ? <p className="error-banner" role="alert">{t(`common:${error}`)}</p> : null}
      <Button variant="primary" large block icon="🙋" disabled={saving} onClick={() => void ask()}>{t('ways.volunteer.ask')}</Button>
    </>
  );
}
