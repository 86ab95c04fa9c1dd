import { createI18nInstance, defaultLanguage, isLanguage, type Language } from '@shared/i18n/setup.ts';
import type { i18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { LanguageBundle } from './bundle.ts';
import zh from './locales/zh-CN/bundle.ts';

/**
 * The console's translations, a bundle per language (locales/<language>/bundle.ts). Chinese, what nearly every
 * staff member reads, comes with the first chunk; English is a chunk of its own, loaded by those who read it.
 */
const loaders: Record<Language, () => Promise<LanguageBundle>> = {
  'zh-CN': async () => zh,
  en: () => import('./locales/en/bundle.ts').then((module) => module.default),
};

export const loadLanguage = (language: Language): Promise<LanguageBundle> => loaders[language]();

/** An i18next instance speaking `lng`, with the bundles loaded so far. */
export const createConsoleI18n = (lng: Language, bundles: Partial<Record<Language, LanguageBundle>>): i18n =>
  createI18nInstance({ 'zh-CN': bundles['zh-CN'] ?? {}, en: bundles.en ?? {} }, { lng, defaultNS: 'console' });

const LANGUAGE_KEY = 'yizhan-console-language';

/** The language the staff member chose last on this browser, else the browser's own if we speak it, else zh-CN. */
export const preferredLanguage = (storage: Pick<Storage, 'getItem'> = localStorage, browser: readonly string[] = navigator.languages): Language => {
  const stored = storage.getItem(LANGUAGE_KEY);
  if (stored && isLanguage(stored)) return stored;
  const spoken = browser.find((tag) => tag.toLowerCase().startsWith('zh') || tag.toLowerCase().startsWith('en'));
  return spoken?.toLowerCase().startsWith('en') ? 'en' : defaultLanguage;
};

/** Switches the console's language, loading it first if need be, and remembers the choice on this browser. */
export const useSwitchLanguage = (): ((language: Language) => Promise<void>) => {
  const { i18n } = useTranslation();
  return async (language) => {
    if (!i18n.hasResourceBundle(language, 'console')) {
      for (const [namespace, content] of Object.entries(await loadLanguage(language))) i18n.addResourceBundle(language, namespace, content);
    }
    localStorage.setItem(LANGUAGE_KEY, language);
    await i18n.changeLanguage(language);
  };
};
