import type { Localized } from '@protocol/catalogue.ts';
import i18next, { type i18n } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';

/**
 * i18next as both apps (the kiosk, the console) set it up: zh-CN first, English second, one JSON file per
 * namespace and language, bundled eagerly. Each app globs its own locale files and passes them here.
 */
export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'zh-CN';

export type Resources = Record<Language, Record<string, Record<string, unknown>>>;

export const isLanguage = (value: string): value is Language => (languages as readonly string[]).includes(value);

/** The resources of an app from its `import.meta.glob('./locales/*\/*.json')`: the path names language and namespace. */
export const collectResources = (files: Record<string, Record<string, unknown>>): Resources => {
  const resources: Resources = { 'zh-CN': {}, en: {} };
  for (const [path, content] of Object.entries(files)) {
    const [, language, namespace] = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
    if (language && namespace && isLanguage(language)) resources[language][namespace] = content;
  }
  return resources;
};

export const createI18nInstance = (resources: Resources, { lng, defaultNS }: { lng: Language; defaultNS: string }): i18n => {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: false,
    ns: [...new Set(Object.values(resources).flatMap((bundle) => Object.keys(bundle)))],
    defaultNS,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
};

/** The language the app speaks now (an unknown one counts as the default). */
export const useLanguage = (): Language => {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : defaultLanguage;
};

/** Picks the current language's side of centre-published bilingual text. */
export const useLocalized = (): ((text: Localized) => string) => {
  const language = useLanguage();
  return (text) => text[language];
};
