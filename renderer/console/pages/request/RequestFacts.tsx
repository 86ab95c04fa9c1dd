import type { RequestDetail } from '@protocol/console/dispatch.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/ApiProvider.tsx';
import type { Directory } from '../../app/directory.ts';
import { useOrganisation } from '../../app/organisation.tsx';
import { useErrorText } from '../../ui/ErrorNotice.tsx';
import { useFormat } from '../../ui/format.ts';
import { Notice } from '../../ui/Notice.tsx';

/**
 * What the resident asked, and where the request stands. Their name and phone (given with consent) are masked;
 * showing them in full is a deliberate step the audit log records.
 */
export function RequestFacts({ detail, directory }: { detail: RequestDetail; directory: Directory }) {
  const { t } = useTranslation('request');
  const format = useFormat();
  const client = useClient();
  const errorText = useErrorText();
  const { stationName } = useOrganisation();
  const { request } = detail;
  const [revealed, setRevealed] = useState<{ name: string | null; phone: string | null } | null>(null);
  const [revealError, setRevealError] = useState<unknown>(null);
  const contact = revealed ?? detail.contact;
  const phrase = (key: string) => t(`requests:phrases.${request.category}.${key}`, { defaultValue: key });
  const reveal = async () => {
    try {
      setRevealed(await client.call('revealContact', { params: { requestId: request.id } }));
    } catch (error) {
      setRevealError(error);
    }
  };
  return (
    <section className="card" aria-labelledby="facts-title">
      <h2 id="facts-title" className="section__title">
        {t('facts')}
      </h2>
      <dl className="facts">
        <dt>{t('station')}</dt>
        <dd>{stationName(request.stationId)}</dd>
        <dt>{t('submitted')}</dt>
        <dd>
          <time dateTime={request.submittedAt}>{format.dateTime(request.submittedAt)}</time>
        </dd>
        <dt>{t('phrases')}</dt>
        <dd>{detail.phrases.length ? detail.phrases.map(phrase).join('；') : <span className="muted">{t('none')}</span>}</dd>
        <dt>{t('text')}</dt>
        <dd className="facts__text">{detail.text ?? <span className="muted">{t('noText')}</span>}</dd>
        <dt>{t('contact')}</dt>
        <dd>
          {contact ? (
            <>
              {[contact.name, contact.phone].filter(Boolean).join(' · ')}{' '}
              {revealed ? null : (
                <button type="button" className="btn btn--small" onClick={() => void reveal()}>
                  {t('reveal')}
                </button>
              )}
            </>
          ) : (
            <span className="muted">{t('anonymous')}</span>
          )}
        </dd>
        <dt>{t('dispatchedTo')}</dt>
        <dd>{request.dispatchedTo ? directory.targetName(request.dispatchedTo) : <span className="muted">{t('notYet')}</span>}</dd>
        <dt>{t('takenBy')}</dt>
        <dd>{request.takenBy ? directory.targetName(request.takenBy) : <span className="muted">{t('notYet')}</span>}</dd>
        <dt>{t('due')}</dt>
        <dd>{request.dueAt ? <time dateTime={request.dueAt}>{format.dateTime(request.dueAt)}</time> : '—'}</dd>
        {request.doneAt ? (
          <>
            <dt>{t('doneAt')}</dt>
            <dd>
              <time dateTime={request.doneAt}>{format.dateTime(request.doneAt)}</time>
            </dd>
          </>
        ) : null}
        {request.rating ? (
          <>
            <dt>{t('rating')}</dt>
            <dd>{t('stars', { count: request.rating })}</dd>
          </>
        ) : null}
      </dl>
      {contact && !revealed ? <p className="field__hint">{t('revealHint')}</p> : null}
      {revealError ? <Notice tone="error">{errorText(revealError)}</Notice> : null}
    </section>
  );
}
