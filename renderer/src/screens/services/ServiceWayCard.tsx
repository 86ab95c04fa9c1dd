import type { ServiceWay } from '@protocol/catalogue.ts';
import type { Referral } from '@protocol/records.ts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../i18n/index.ts';
import { OfficeDetails } from './OfficeDetails.tsx';
import { OnlineChannel } from './OnlineChannel.tsx';
import { StepsList } from './StepsList.tsx';
import { VolunteerWay } from './VolunteerWay.tsx';
import './services.css';
import { Icon } from '../../ui/icons/Icon.tsx';

const icons: Record<ServiceWay['type'], string> = { self: '📝', volunteer: '🙋', office: '🏢', online: '📱' };

function WayBody({ way, serviceId, onReferred }: { way: ServiceWay; serviceId: string; onReferred: (referral: Referral) => void }) {
  const { t } = useTranslation('services');
  const localize = useLocalized();
  switch (way.type) {
    case 'self':
      return (
        <>
          <p>{t('ways.self.lead')}</p>
          <StepsList steps={way.steps.map(localize)} />
        </>
      );
    case 'volunteer':
      return <VolunteerWay serviceId={serviceId} onReferred={onReferred} />;
    case 'office':
      return <OfficeDetails name={localize(way.office)} address={localize(way.address)} hours={localize(way.hours)} />;
    case 'online':
      return (
        <>
          <p>{t('ways.online.lead')}</p>
          <OnlineChannel channel={localize(way.channel)} url={way.url} />
        </>
      );
  }
}

/** One way of getting a service, as its own card: the resident picks whichever suits them. */
export function ServiceWayCard({ way, serviceId, onReferred }: { way: ServiceWay; serviceId: string; onReferred: (referral: Referral) => void }) {
  const { t } = useTranslation('services');
  const id = useId();
  return (
    <section className={`card svc-way svc-way--${way.type}`} aria-labelledby={id}>
      <h3 id={id} className="card__title svc-way__title">
        <span className="svc-way__icon" aria-hidden="true"><Icon emoji={icons[way.type]} /></span>
        {t(`ways.${way.type}.title`)}
      </h3>
      <WayBody way={way} serviceId={serviceId} onReferred={onReferred} />
    </section>
  );
}
