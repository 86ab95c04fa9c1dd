import type { Localized } from '@protocol/catalogue.ts';
import i18next, { type i18n } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'zh-CN';

/** One JSON file per namespace and language: locales/<language>/<namespace>.json, bundled eagerly (a few KB). */
const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { eager: true, import: 'default' });

export const resources: Record<Language, Record<string, Record<string, unknown>>> = { 'zh-CN': {}, en: {} };
for (const [path, content] of Object.entries(files)) {
  const [, language, namespace] = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
  if (language && namespace && language in resources) resources[language as Language][namespace] = content;
}
export const namespaces = Object.keys(resources['zh-CN']);

export const createI18n = (lng: Language = defaultLanguage): i18n => {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: false,
    ns: namespaces,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
};

export const isLanguage = (value: string): value is Language => (languages as readonly string[]).includes(value);

/** Picks the current language's side of centre-published bilingual text. */
export const useLocalized = (): ((text: Localized) => string) => {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : defaultLanguage;
  return (text) => text[language];
};
