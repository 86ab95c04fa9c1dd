import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DeleteGlyph } from './icons/glyphs.tsx';

/**
 * Our own numeric keypad: tablets on a stand often have no usable on-screen keyboard, and the system one
 * covers half the screen. Digits only, so a phone or account number cannot contain anything else.
 */
export function Keypad({ label, value, onChange, maxLength, display = value, placeholder }: { label: string; value: string; onChange: (value: string) => void; maxLength: number; display?: string; placeholder?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const press = (digit: string) => value.length < maxLength && onChange(value + digit);
  const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
  return (
    <div className="field">
      <span className="field__label" id={`${id}-label`}>{label}</span>
      <output className="keypad__display" aria-labelledby={`${id}-label`} aria-live="polite">
        {display || <span className="keypad__placeholder">{placeholder ?? t('keypad.empty')}</span>}
      </output>
      <div className="keypad" role="group" aria-label={t('keypad.label', { label })}>
        {digits.map((d) => (
          <button key={d} type="button" className="keypad__key" onClick={() => press(d)}>{d}</button>
        ))}
        <button type="button" className="keypad__key keypad__key--fn" onClick={() => onChange('')}>{t('keypad.clear')}</button>
        <button type="button" className="keypad__key" onClick={() => press('0')}>0</button>
        <button type="button" className="keypad__key keypad__key--fn" aria-label={t('keypad.delete')} onClick={() => onChange(value.slice(0, -1))}><DeleteGlyph /></button>
      </div>
    </div>
  );
}
