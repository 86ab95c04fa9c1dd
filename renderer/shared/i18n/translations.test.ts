import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { i18n } from 'i18next';
import { describe, expect, it } from 'vitest';
import { createConsoleI18n } from '../../console/i18n/index.ts';
import consoleEn from '../../console/i18n/locales/en/bundle.ts';
import consoleZh from '../../console/i18n/locales/zh-CN/bundle.ts';
import { createI18n, namespaces as kioskNamespaces, resources as kioskResources } from '../../src/i18n/index.ts';
import { languages, type Resources } from './setup.ts';

const leafKeys = (value: unknown, prefix = ''): string[] =>
  value && typeof value === 'object'
    ? Object.entries(value).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k))
    : [prefix];

/** Plural forms differ by language (zh has only _other, en has _one and _other): compare their base keys. */
const baseKeys = (keys: string[]) => [...new Set(keys.map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')))].sort();

const get = (obj: unknown, path: string): unknown => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);

const consoleResources: Resources = { 'zh-CN': consoleZh, en: consoleEn };
/** The console's own namespaces; its `requests` is the kiosk's, checked with the kiosk's. */
const consoleNamespaces = Object.keys(consoleZh).filter((namespace) => namespace !== 'requests');

/** Each app's translations: the namespaces it writes, where its code is, and its i18next instance. */
const apps: { app: string; resources: Resources; namespaces: string[]; source: string; instance: () => i18n }[] = [
  { app: 'kiosk', resources: kioskResources, namespaces: kioskNamespaces, source: 'renderer/src', instance: () => createI18n('zh-CN') },
  { app: 'console', resources: consoleResources, namespaces: consoleNamespaces, source: 'renderer/console', instance: () => createConsoleI18n('zh-CN', consoleResources) },
];

describe.each(apps)('translations of the $app', ({ resources, namespaces, source, instance }) => {
  it('has the same namespaces in every language', () => {
    for (const language of languages) expect(Object.keys(resources[language]).sort()).toEqual(Object.keys(resources['zh-CN']).sort());
  });

  it.each(namespaces)('namespace %s has every key, non-empty, in both languages', (ns) => {
    const zh = leafKeys(resources['zh-CN'][ns]).sort();
    const en = leafKeys(resources.en[ns]).sort();
    expect(baseKeys(en)).toEqual(baseKeys(zh));
    for (const key of zh) {
      expect(String(get(resources['zh-CN'][ns], key)).trim(), `zh-CN ${ns}:${key}`).not.toBe('');
    }
    for (const key of en) expect(String(get(resources.en[ns], key)).trim(), `en ${ns}:${key}`).not.toBe('');
  });

  it.each(namespaces)('namespace %s uses the same interpolation variables in both languages', (ns) => {
    const vars = (s: unknown) => [...String(s).matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    const en = leafKeys(resources.en[ns]);
    for (const key of leafKeys(resources['zh-CN'][ns])) {
      // A plural key is compared with the English form of the same count class, or its _other.
      const enKey = en.includes(key) ? key : key.replace(/_(zero|one|two|few|many|other)$/, '_other');
      expect(vars(get(resources.en[ns], enKey)), `${ns}:${key}`).toEqual(vars(get(resources['zh-CN'][ns], key)));
    }
  });

  it('every t() key used in its code exists in zh-CN', () => {
    const root = join(process.cwd(), source);
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !/\.test\./.test(f));
    const missing: string[] = [];
    const i18n = instance();
    const defaultNs = String(i18n.options.defaultNS);
    for (const file of files) {
      const source = readFileSync(`${root}/${file}`, 'utf8');
      const ns = /useTranslation\(\s*'([\w-]+)'/.exec(source)?.[1] ?? defaultNs;
      for (const m of source.matchAll(/\bt\(\s*'([\w.:-]+)'/g)) {
        const key = m[1] ?? '';
        const [keyNs, keyPath] = key.includes(':') ? (key.split(':') as [string, string]) : [ns, key];
        if (!i18n.exists(keyPath, { ns: keyNs }) && !i18n.exists(keyPath, { ns: keyNs, count: 2 })) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
