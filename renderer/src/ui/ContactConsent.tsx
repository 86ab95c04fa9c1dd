import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type ContactDraft, type ContactErrors, phoneDisplay } from './contact-draft.ts';
import { Keypad } from './Keypad.tsx';
import { BoxGlyph } from './icons/glyphs.tsx';

/**
 * Name and phone are optional and asked only with explicit consent (PIPL): the resident turns consent on,
 * reads what it is for, and only then sees the fields. Turning it off forgets what was typed.
 */
export function ContactConsent({ value, onChange, errors, purpose }: { value: ContactDraft; onChange: (value: ContactDraft) => void; errors: ContactErrors; purpose: string }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="card" style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <button
        type="button"
        role="switch"
        aria-checked={value.consent}
        className="choice"
        onClick={() => onChange(value.consent ? { consent: false, name: '', phone: '' } : { ...value, consent: true })}
      >
        <span className="choice__icon" aria-hidden="true"><BoxGlyph checked={value.consent} /></span>
        {t('contact.consent')}
      </button>
      <p className="muted">{t('contact.why', { purpose })}</p>
      {value.consent ? (
        // The columns widen with elderly mode's type: in portrait two were too narrow for a whole phone number.
        <div style={{ display: 'grid', gap: 20, gridTemplateColumns: 'repeat(auto-fit, minmax(calc(300px * var(--scale)), 1fr))' }}>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-name`}>{t('contact.name')}</label>
            <input
              id={`${id}-name`}
              className="field__input"
              value={value.name}
              maxLength={20}
              autoComplete="off"
              aria-invalid={errors.name ? true : undefined}
              onChange={(e) => onChange({ ...value, name: e.target.value })}
            />
            {errors.name ? <span className="field__error" role="alert">{t(errors.name)}</span> : null}
            <span className="muted">{t('contact.nameHint')}</span>
          </div>
          <div>
            <Keypad label={t('contact.phone')} value={value.phone} maxLength={12} display={phoneDisplay(value.phone)} onChange={(phone) => onChange({ ...value, phone })} />
            {errors.phone ? <span className="field__error" role="alert">{t(errors.phone)}</span> : null}
          </div>
          {errors.contact ? <span className="field__error" role="alert">{t(errors.contact)}</span> : null}
        </div>
      ) : null}
    </div>
  );
}
