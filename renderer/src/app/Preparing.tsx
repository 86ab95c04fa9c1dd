import { useTranslation } from 'react-i18next';

/**
 * Shown while the local store holds no station settings: for a moment at first start, or when the centre
 * has published nothing for this station yet. Calm, in both languages, and pointing at a person.
 */
export function Preparing() {
  const { t } = useTranslation();
  return (
    <main className="screen preparing" style={{ justifyContent: 'center', alignItems: 'center', textAlign: 'center', padding: 40 }}>
      <h1 className="screen__title">{t('preparing.title')}</h1>
      <p className="screen__lead">{t('preparing.body')}</p>
    </main>
  );
}
