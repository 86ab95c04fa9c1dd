import type { RequestKind, ResidentRequest } from '@protocol/records.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { ContactConsent } from '../../ui/ContactConsent.tsx';
import { emptyContact, hasErrors, toContact, validateContact } from '../../ui/contact-draft.ts';
import { Screen } from '../../ui/Screen.tsx';
import { FreeText } from './FreeText.tsx';
import { PhrasePicker } from './PhrasePicker.tsx';
import { StepLead } from './StepLead.tsx';
import { useSubmitRequest } from './useSubmitRequest.ts';

/**
 * The last step: ready-made phrases, a few words, a way to be called back. A phrase or some words are needed;
 * a bad phone number or nothing at all gets a message and writes nothing.
 */
export function RequestDetails({ kind, category, onBack, onSent }: { kind: RequestKind; category: string; onBack: () => void; onSent: (request: ResidentRequest) => void }) {
  const { t } = useTranslation('requests');
  const [phrases, setPhrases] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [contact, setContact] = useState(emptyContact);
  const [shownErrors, setShownErrors] = useState(false);
  const [missing, setMissing] = useState(false);
  const { submit, error, saving } = useSubmitRequest();

  const errors = shownErrors ? validateContact(contact) : {};
  const send = async () => {
    if (saving) return;
    const isMissing = phrases.length === 0 && text.trim() === '';
    const contactInvalid = hasErrors(validateContact(contact));
    setMissing(isMissing);
    setShownErrors(contactInvalid);
    if (isMissing || contactInvalid) return;
    const given = toContact(contact, new Date());
    const saved = await submit({
      requestKind: kind,
      category,
      phrases,
      ...(text.trim() ? { text: text.trim() } : {}),
      ...(given ? { contact: given } : {}),
    });
    if (saved) onSent(saved.request);
  };

  const title = `${t(`kinds.${kind}.name`)} · ${t(`categories.${category}`)}`;
  return (
    <Screen
      title={title}
      speech={`${title}。${t('phrases.question')}`}
      onBack={onBack}
      actions={
        <>
          {/* Messages sit beside the send button, which stays on screen: the form itself may be scrolled. */}
          {missing ? <p className="error-banner request-message" role="alert">{t('missing')}</p> : null}
          {hasErrors(errors) ? <p className="error-banner request-message" role="alert">{t('checkContact')}</p> : null}
          {error ? <p className="error-banner request-message" role="alert">{t(`common:${error}`)}</p> : null}
          <Button variant="primary" large disabled={saving} onClick={() => void send()}>{t('submit', { kind: t(`kinds.${kind}.noun`) })}</Button>
        </>
      }
    >
      <StepLead step={3} text={t('phrases.question')} />
      <PhrasePicker
        category={category}
        value={phrases}
        onChange={(next) => {
          setPhrases(next);
          if (next.length > 0) setMissing(false);
        }}
      />
      <div className="request-extra">
        <FreeText
          value={text}
          onChange={(value) => {
            setText(value);
            if (value.trim()) setMissing(false);
          }}
        />
        <ContactConsent value={contact} onChange={setContact} errors={errors} purpose={t('contactPurpose')} />
      </div>
    </Screen>
  );
}
