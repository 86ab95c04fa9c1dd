import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type KioskBridge, type Setup, setupSchema } from '@shell/bridge.ts';
import { locales } from '@shell/config.ts';
import { useSync } from '../../sync/SyncProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { forgetSetup, saveSetup } from './setup-in-progress.ts';

const fields = ['stationId', 'stationName', 'serverUrl', 'enrolmentCode'] as const;
type Field = (typeof fields)[number];
type Draft = Record<Field, string> & { locale: (typeof locales)[number] };

/** A blank code keeps the one the station has: a rename must not make the technician find a spent code. */
const withCode = (draft: Draft, current: string | null | undefined): Draft => ({ ...draft, enrolmentCode: draft.enrolmentCode.trim() || current || '' });

/** Which fields the schema refuses (the same schema the shell checks `setup:save` with). */
export const invalidFields = (draft: Draft, currentCode: string | null = null): Set<Field> => {
  const parsed = setupSchema.safeParse(withCode(draft, currentCode));
  return new Set(parsed.success ? [] : parsed.error.issues.map((issue) => issue.path[0]).filter((f): f is Field => fields.includes(f as Field)));
};

/**
 * The station's identity and how it joins its centre, typed in by a technician on the tablet and saved by the
 * shell (Electron: userData/station.setup.json; browser: this origin's storage). A new server or code means a
 * new enrolment: the shell drops the old token as it saves, and the engine enrols with the new code.
 */
export function SetupForm({ bridge, onSaved, onCancel }: { bridge: KioskBridge; onSaved: (setup: Setup) => void; onCancel?: () => void }) {
  const { t } = useTranslation('setup');
  const { config } = useSync();
  const [draft, setDraft] = useState<Draft>({
    stationId: config?.stationId ?? '',
    stationName: config?.stationName ?? '',
    serverUrl: config?.serverUrl ?? '',
    enrolmentCode: '',
    locale: config?.locale ?? 'zh-CN',
  });
  const [shown, setShown] = useState<Set<Field>>(new Set());
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const invalid = invalidFields(draft, config?.enrolmentCode ?? null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setShown(invalid);
    const first = fields.find((f) => invalid.has(f));
    if (first) {
      document.getElementById(`setup-${first}`)?.focus();
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      const setup = setupSchema.parse(withCode(draft, config?.enrolmentCode));
      await saveSetup(bridge, setup);
      onSaved(setup);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
      setSaving(false);
    }
  };

  const input = (field: Field, props: { inputMode?: 'url' | 'text'; autoCapitalize?: string; maxLength: number }) => (
    <div className="field">
      <label className="field__label" htmlFor={`setup-${field}`}>{t(`field.${field}`)}</label>
      <input
        id={`setup-${field}`}
        className="field__input"
        value={draft[field]}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={shown.has(field)}
        aria-describedby={`setup-${field}-hint`}
        onChange={(e) => setDraft((d) => ({ ...d, [field]: e.target.value }))}
        {...props}
      />
      <span id={`setup-${field}-hint`} className={shown.has(field) ? 'field__error' : 'muted'}>
        {shown.has(field) ? t(`invalid.${field}`) : t(field === 'enrolmentCode' && config?.enrolmentCode ? 'hint.keepCode' : `hint.${field}`)}
      </span>
    </div>
  );

  return (
    <form className="screen__body" noValidate onSubmit={(e) => void submit(e)} aria-label={t('form')}>
      {failure ? <p className="error-banner" role="alert">{t('failed', { reason: failure })}</p> : null}
      <div className="card" style={{ display: 'grid', gap: 18 }}>
        {input('stationId', { autoCapitalize: 'none', maxLength: 64 })}
        {input('stationName', { maxLength: 64 })}
        {input('serverUrl', { inputMode: 'url', autoCapitalize: 'none', maxLength: 2048 })}
        {input('enrolmentCode', { autoCapitalize: 'characters', maxLength: 64 })}
        <div className="field">
          <span className="field__label" id="setup-locale">{t('field.locale')}</span>
          <ChoiceGroup label={t('field.locale')} choices={locales.map((value) => ({ value, label: t(`locale.${value}`) }))} value={draft.locale} onChange={(locale) => setDraft((d) => ({ ...d, locale }))} />
        </div>
      </div>
      <div className="actions">
        {onCancel ? <Button onClick={() => { forgetSetup(); onCancel(); }}>{t('cancel')}</Button> : null}
        <Button type="submit" variant="primary" large disabled={saving}>{t('save')}</Button>
      </div>
    </form>
  );
}
