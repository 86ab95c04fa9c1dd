import { maskName } from '@protocol/masking.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/StoreProvider.tsx';
import { useRecordStationId } from '../../store/useCommit.ts';
import { Button } from '../../ui/Button.tsx';
import { ContactConsent } from '../../ui/ContactConsent.tsx';
import { type ContactDraft, type ContactErrors, emptyContact, hasErrors, toContact, validateContact } from '../../ui/contact-draft.ts';
import { Screen } from '../../ui/Screen.tsx';
import { signIn } from '../../volunteers/shifts.ts';

/**
 * A volunteer not on the roster signs in by name and phone, given with consent. Staff see the shift flagged as a
 * walk-in; the workspace stays closed to them (it needs a member's PIN), the shift and its hours do not.
 */
export function WalkInStep({ onBack, onSignedIn }: { onBack: () => void; onSignedIn: (who: string) => void }) {
  const { t } = useTranslation('volunteer');
  const { db } = useStore();
  const stationId = useRecordStationId();
  const [draft, setDraft] = useState<ContactDraft>(emptyContact);
  const [errors, setErrors] = useState<ContactErrors>({});
  const [failed, setFailed] = useState(false);

  const submit = async () => {
    const found: ContactErrors = draft.consent ? validateContact(draft, 'phone') : { contact: 'volunteer:walkIn.consentNeeded' };
    if (draft.consent && !draft.name.trim()) found.name = 'validation.name.empty';
    setErrors(found);
    if (hasErrors(found)) return;
    const now = new Date();
    try {
      await signIn(db, stationId, { volunteer: { contact: toContact(draft, now)! }, method: 'walk-in' }, now);
      onSignedIn(maskName(draft.name));
    } catch (error) {
      console.error('walk-in sign-in failed', error);
      setFailed(true);
    }
  };

  return (
    <Screen
      title={t('walkIn.title')}
      lead={t('walkIn.lead')}
      onBack={onBack}
      actions={<Button variant="primary" large onClick={submit}>{t('walkIn.signIn')}</Button>}
    >
      <ContactConsent value={draft} onChange={setDraft} errors={errors} purpose={t('walkIn.purpose')} />
      {errors.contact && !draft.consent ? <p className="field__error" role="alert">{t(errors.contact)}</p> : null}
      {failed ? <p className="error-banner" role="alert">{t('common:storage.failed')}</p> : null}
    </Screen>
  );
}
