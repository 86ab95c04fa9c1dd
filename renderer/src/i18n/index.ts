import type { i18n } from 'i18next';
import { collectResources, createI18nInstance, defaultLanguage, type Language } from '@shared/i18n/setup.ts';

export { defaultLanguage, isLanguage, type Language, languages, useLocalized } from '@shared/i18n/setup.ts';

/** One JSON file per namespace and language: locales/<language>/<namespace>.json, bundled eagerly (a few KB). */
const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { eager: true, import: 'default' });

export const resources = collectResources(files);
export const namespaces = Object.keys(resources['zh-CN']);

export const createI18n = (lng: Language = defaultLanguage): i18n => createI18nInstance(resources, { lng, defaultNS: 'common' });
