import { createContext, type ReactNode, use, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Language, isLanguage } from '../i18n/index.ts';

interface Session {
  language: Language;
  /** The station's language: a session in any other is a resident's choice. */
  defaultLanguage: Language;
  setLanguage(language: Language): void;
  elderly: boolean;
  setElderly(on: boolean): void;
}

const SessionContext = createContext<Session | null>(null);

/**
 * One resident's session: language and elderly mode. It lives inside the idle boundary, so when the resident
 * walks away the next one starts from the station's defaults. Until the resident picks a language the session
 * follows the station's, which arrives from the shell just after the first paint.
 */
export function SessionProvider({ children, defaultLanguage }: { children: ReactNode; defaultLanguage: Language }) {
  const { i18n } = useTranslation();
  const [elderly, setElderly] = useState(false);
  const [picked, setLanguage] = useState<Language | null>(null);
  const language = picked ?? defaultLanguage;

  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
    document.title = i18n.getFixedT(language)('app.title');
  }, [i18n, language]);

  useEffect(() => {
    document.documentElement.dataset.elderly = String(elderly);
  }, [elderly]);

  const value = useMemo(() => ({ language, defaultLanguage, setLanguage, elderly, setElderly }), [language, defaultLanguage, elderly]);
  return <SessionContext value={value}>{children}</SessionContext>;
}

export const useSession = (): Session => {
  const value = use(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
};

export const languageOf = (value: string): Language => (isLanguage(value) ? value : 'zh-CN');
