import { useTranslation } from 'react-i18next';
import type { ShownRequest } from './find-request.ts';
import { kindIcons, requestCategories } from './request-topics.ts';
import { Icon } from '../../ui/icons/Icon.tsx';

/** What was asked, as the resident chose it: kind, category and phrases (never who asked or what they wrote). */
export function RequestSummary({ request }: { request: ShownRequest }) {
  const { t } = useTranslation('requests');
  const category = requestCategories.find((c) => c.id === request.category);
  const phrases = request.phrases.map((p) => t(`phrases.${request.category}.${p}`, { defaultValue: '' })).filter(Boolean);
  return (
    <dl className="request-summary">
      <dt>{t('status.kind')}</dt>
      <dd>
        <span aria-hidden="true"><Icon emoji={kindIcons[request.requestKind]} /> </span>
        {t(`kinds.${request.requestKind}.name`)}
      </dd>
      <dt>{t('status.category')}</dt>
      <dd>
        {category ? <span aria-hidden="true"><Icon emoji={category.icon} /> </span> : null}
        {t(`categories.${request.category}`, { defaultValue: t('categories.other') })}
      </dd>
      {phrases.length > 0 ? (
        <>
          <dt>{t('status.phrases')}</dt>
          <dd className="request-summary__phrases">
            {phrases.map((p) => (
              <span key={p} className="pill">{p}</span>
            ))}
          </dd>
        </>
      ) : null}
    </dl>
  );
}
