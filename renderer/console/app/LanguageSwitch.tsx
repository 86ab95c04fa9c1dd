import { type Language, languages } from '@shared/i18n/setup.ts';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSwitchLanguage } from '../i18n/index.ts';

const names: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

/** 中文 / English: each in its own language (so either reader finds theirs), remembered on this browser. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation('console');
  const switchLanguage = useSwitchLanguage();
  useEffect(() => {
    document.documentElement.lang = i18n.language;
  }, [i18n.language]);
  return (
    <div className="lang-switch" role="group" aria-label={t('language')}>
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="lang-switch__option"
          aria-pressed={i18n.language === language}
          onClick={() => void switchLanguage(language)}
        >
          {names[language]}
        </button>
      ))}
    </div>
  );
}
