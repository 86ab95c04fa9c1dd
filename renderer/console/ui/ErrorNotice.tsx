import { useTranslation } from 'react-i18next';
import { type ApiFailure, isApiError } from '../api/errors.ts';
import { Notice } from './Notice.tsx';

/** The words for a failed call: the server's code (its message is English, for logs), or a network failure. */
export const useErrorText = (): ((error: unknown) => string) => {
  const { t } = useTranslation('console');
  return (error) => {
    if (isApiError(error)) {
      if (error.code === 'refused' && error.body?.refusal) {
        const { reason, from, event } = error.body.refusal;
        return t('inbox:refusal.sentence', {
          step: t(`inbox:step.${event}`),
          status: from ? t(`inbox:status.${from}`) : t('inbox:status.none'),
          reason: reason === 'wrong-state' ? t(`inbox:refusal.needs.${event}`) : t(`inbox:refusal.${reason}`),
        });
      }
      if (error.code === 'bad-request' && error.body?.issues?.length) {
        return t('error.bad-request-fields', { fields: error.body.issues.map((issue) => issue.path || '—').join(', ') });
      }
      const known: readonly ApiFailure[] = ['network', 'forbidden', 'not-found', 'conflict', 'rate-limited', 'unavailable', 'csrf-failed', 'bad-request', 'payload-too-large'];
      if (known.includes(error.code)) return t(`error.${error.code}`);
    }
    return t('error.unknown');
  };
};

/** A failed read or change, in words, with a way to try again when there is one. */
export function ErrorNotice({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useTranslation('console');
  const text = useErrorText();
  return (
    <Notice tone="error">
      {text(error)}{' '}
      {retry ? (
        <button type="button" className="btn btn--quiet btn--small" onClick={retry}>
          {t('action.retry')}
        </button>
      ) : null}
    </Notice>
  );
}
