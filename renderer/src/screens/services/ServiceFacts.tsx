import type { Service } from '@protocol/catalogue.ts';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../i18n/index.ts';
import './services.css';

/** What a service is, who provides it, when, and what to bring: the questions a resident asks first. */
export function ServiceFacts({ service }: { service: Service }) {
  const { t } = useTranslation('services');
  const localize = useLocalized();
  return (
    <div className="card svc-facts">
      <section className="svc-fact" aria-labelledby="svc-what">
        <h2 id="svc-what" className="svc-fact__title">{t('facts.what')}</h2>
        <p className="svc-summary">{localize(service.summary)}</p>
      </section>
      <section className="svc-fact" aria-labelledby="svc-who">
        <h2 id="svc-who" className="svc-fact__title">{t('facts.who')}</h2>
        <p>{localize(service.provider)}</p>
      </section>
      <section className="svc-fact" aria-labelledby="svc-when">
        <h2 id="svc-when" className="svc-fact__title">{t('facts.when')}</h2>
        <p>{localize(service.hours)}</p>
        {service.extended.length > 0 ? (
          <p className="svc-pills">
            {service.extended.map((e) => (
              <span key={e} className="pill">{t(`common:extended.${e}`)}</span>
            ))}
          </p>
        ) : null}
      </section>
      <section className="svc-fact" aria-labelledby="svc-bring">
        <h2 id="svc-bring" className="svc-fact__title">{t('facts.bring')}</h2>
        {service.bring.length > 0 ? (
          <ul className="svc-bring">
            {service.bring.map((item) => (
              <li key={item['zh-CN']}>{localize(item)}</li>
            ))}
          </ul>
        ) : (
          <p>{t('facts.bringNothing')}</p>
        )}
      </section>
    </div>
  );
}
