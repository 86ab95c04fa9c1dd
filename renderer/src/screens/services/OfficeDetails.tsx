import { useTranslation } from 'react-i18next';
import './services.css';

/** Where to go in person: the office, its address and its opening hours, each with its label. */
export function OfficeDetails({ name, address, hours }: { name: string; address: string; hours: string }) {
  const { t } = useTranslation('services');
  return (
    <dl className="svc-office">
      <dt>{t('ways.office.name')}</dt>
      <dd>{name}</dd>
      <dt>{t('ways.office.address')}</dt>
      <dd>{address}</dd>
      <dt>{t('ways.office.hours')}</dt>
      <dd>{hours}</dd>
    </dl>
  );
}
