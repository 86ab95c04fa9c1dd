import type { Service } from '@protocol/catalogue.ts';
import type { Referral } from '@protocol/records.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteParams } from '../../app/navigation.tsx';
import { useLocalized } from '../../i18n/index.ts';
import { useStore } from '../../store/StoreProvider.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { ReferralConfirmation } from './ReferralConfirmation.tsx';
import { ServiceFacts } from './ServiceFacts.tsx';
import { ServiceWayCard } from './ServiceWayCard.tsx';
import './services.css';

function ServicePage({ service, onReferred }: { service: Service; onReferred: (referral: Referral) => void }) {
  const { t } = useTranslation('services');
  const localize = useLocalized();
  const name = localize(service.name);
  const speech = [
    name,
    localize(service.summary),
    t('facts.when'),
    localize(service.hours),
    ...(service.bring.length > 0 ? [t('facts.bring'), ...service.bring.map(localize)] : []),
    t('facts.how'),
    ...service.ways.map((way) => t(`ways.${way.type}.title`)),
  ].join('。');
  return (
    <Screen title={name} speech={speech}>
      <div className="svc-page">
        <ServiceFacts service={service} />
        <section className="svc-how" aria-labelledby="svc-how">
          <h2 id="svc-how" className="svc-how__title">{t('facts.how')}</h2>
          <p className="muted">{t('facts.howLead')}</p>
          {service.ways.map((way, i) => (
            <ServiceWayCard key={`${way.type}-${i}`} way={way} serviceId={service.id} onReferred={onReferred} />
          ))}
        </section>
      </div>
    </Screen>
  );
}

/** A service's page: what, who, when, what to bring, and one card for each way of getting it. */
export default function ServiceScreen() {
  const { serviceId } = useRouteParams('service');
  const { t } = useTranslation('services');
  const localize = useLocalized();
  const { db } = useStore();
  const service = useLiveQuery(async () => (await db.services.get(serviceId)) ?? null, [db, serviceId]);
  const [done, setDone] = useState<{ referral: Referral; subject: string }>();

  if (done) return <ReferralConfirmation referral={done.referral} subject={done.subject} help={t('referral.help')} />;
  if (service === undefined) return <div className="screen" aria-busy="true" />;
  if (service === null) return <Screen title={t('title')} lead={t('missing')}>{null}</Screen>;
  return <ServicePage service={service} onReferred={(referral) => setDone({ referral, subject: localize(service.name) })} />;
}
