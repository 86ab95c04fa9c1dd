import { collectResources, createI18nInstance, defaultLanguage, isLanguage, type Language, type Resources } from '@shared/i18n/setup.ts';
import type { i18n } from 'i18next';

/** The console's own namespaces: locales/<language>/<namespace>.json. */
const own = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { eager: true, import: 'default' });
/**
 * What residents tap at the kiosk (request kinds, categories, phrases) in the kiosk's own words, so staff read a
 * request exactly as the resident chose it: the kiosk's `requests` namespace, read as it is.
 */
const kioskRequests = import.meta.glob<Record<string, unknown>>('../../src/i18n/locales/*/requests.json', { eager: true, import: 'default' });

export const resources: Resources = collectResources({ ...own, ...kioskRequests });
export const namespaces = Object.keys(resources['zh-CN']);
/** The namespaces the console writes (the kiosk's `requests` is checked with the kiosk's). */
export const consoleNamespaces = Object.keys(collectResources(own)['zh-CN']);

export const createConsoleI18n = (lng: Language = defaultLanguage): i18n => createI18nInstance(resources, { lng, defaultNS: 'console' });

const LANGUAGE_KEY = 'yizhan-console-language';

/** The language the staff member chose last on this browser, else the browser's own if we speak it, else zh-CN. */
export const preferredLanguage = (storage: Pick<Storage, 'getItem'> = localStorage, browser: readonly string[] = navigator.languages): Language => {
  const stored = storage.getItem(LANGUAGE_KEY);
  if (stored && isLanguage(stored)) return stored;
  const spoken = browser.find((tag) => tag.toLowerCase().startsWith('zh') || tag.toLowerCase().startsWith('en'));
  return spoken?.toLowerCase().startsWith('en') ? 'en' : defaultLanguage;
};

export const rememberLanguage = (language: Language, storage: Pick<Storage, 'setItem'> = localStorage): void => storage.setItem(LANGUAGE_KEY, language);
