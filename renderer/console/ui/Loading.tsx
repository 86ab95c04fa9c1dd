import { useTranslation } from 'react-i18next';

/** Shown while a page or its data loads: a polite status, so a screen reader hears it once. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation('console');
  return (
    <p className="loading" role="status">
      <span className="loading__spinner" aria-hidden="true" />
      {label ?? t('loading')}
    </p>
  );
}
