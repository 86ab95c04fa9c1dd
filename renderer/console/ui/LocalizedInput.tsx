import type { Localized } from '@protocol/catalogue.ts';
import { useTranslation } from 'react-i18next';
import { Field, FieldSet } from './Field.tsx';

/** A text the kiosk shows in both languages: Chinese and English, both required. */
export function LocalizedInput({ legend, value, onChange, error, multiline = false, maxLength = 200 }: { legend: string; value: Localized; onChange: (next: Localized) => void; error?: boolean; multiline?: boolean; maxLength?: number }) {
  const { t } = useTranslation('console');
  const control = (language: keyof Localized) => {
    const props = { className: multiline ? 'textarea' : 'input', maxLength, value: value[language], lang: language, onChange: (event: { target: { value: string } }) => onChange({ ...value, [language]: event.target.value }) };
    return multiline ? <textarea {...props} /> : <input {...props} />;
  };
  return (
    <FieldSet legend={legend} className="fieldset--pair">
      <Field label={t('localized.zh')} error={error && !value['zh-CN'].trim() ? t('localized.missing') : undefined}>
        {control('zh-CN')}
      </Field>
      <Field label={t('localized.en')} error={error && !value.en.trim() ? t('localized.missing') : undefined}>
        {control('en')}
      </Field>
    </FieldSet>
  );
}

export const emptyLocalized = (): Localized => ({ 'zh-CN': '', en: '' });
export const isFilled = (text: Localized): boolean => text['zh-CN'].trim() !== '' && text.en.trim() !== '';
export const trimmed = (text: Localized): Localized => ({ 'zh-CN': text['zh-CN'].trim(), en: text.en.trim() });
