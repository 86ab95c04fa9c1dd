import { useTranslation } from 'react-i18next';
import { Notice } from './Notice.tsx';

export function PageFailed({ retry }: { retry: () => void }) {
  const { t } = useTranslation('console');
  return (
    <Notice tone="error">
      {t('pageFailed')}{' '}
      <button type="button" className="btn btn--quiet btn--small" onClick={retry}>
        {t('action.retry')}
      </button>
    </Notice>
  );
}
