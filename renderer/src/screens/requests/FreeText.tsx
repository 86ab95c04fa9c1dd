import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export const TEXT_MAX = 500;

/** A few optional words of the resident's own, with how many characters are left. */
export function FreeText({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  const { t } = useTranslation('requests');
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>{t('text.label')}</label>
      <textarea id={id} className="field__input" value={value} maxLength={TEXT_MAX} rows={3} placeholder={t('text.placeholder')} onChange={(e) => onChange(e.target.value)} />
      <span className="muted">{t('text.left', { left: TEXT_MAX - value.length })}</span>
    </div>
  );
}
