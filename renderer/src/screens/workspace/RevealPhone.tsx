import { maskName, maskPhone } from '@protocol/masking.ts';
import type { Contact } from '@protocol/records.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commitRecord } from '../../store/commit.ts';
import { useStore } from '../../store/StoreProvider.tsx';
import { useRecordStationId } from '../../store/useCommit.ts';
import { Button } from '../../ui/Button.tsx';

/**
 * A resident's contact as a volunteer sees it: masked, with a button that shows the phone in full. Only contacts
 * the resident consented to leave exist at all; each reveal is an audit record (who saw whose number) written
 * before the number shows, so a reveal that could not be recorded shows nothing.
 */
export function RevealPhone({ contact, subject, memberId }: { contact: Contact; subject: { kind: 'request' | 'referral' | 'visit'; id: string }; memberId: string }) {
  const { t } = useTranslation('volunteer');
  const { db } = useStore();
  const stationId = useRecordStationId();
  const [shown, setShown] = useState(false);
  const [failed, setFailed] = useState(false);
  const reveal = async () => {
    try {
      await commitRecord(db, 'contact-reveal', stationId, () => ({ kind: 'contact-reveal', memberId, subject }));
      setShown(true);
    } catch (error) {
      console.error('contact reveal not recorded', error);
      setFailed(true);
    }
  };
  const name = contact.name ? (shown ? contact.name : maskName(contact.name)) : null;
  return (
    <div className="reveal">
      {name ? <span className="reveal__name">{name}</span> : null}
      {contact.phone ? (
        shown ? (
          <a className="reveal__phone" href={`tel:${contact.phone}`}>{contact.phone}</a>
        ) : (
          <>
            <span className="reveal__masked">{maskPhone(contact.phone)}</span>
            <Button icon="👁" onClick={reveal}>{t('contact.reveal')}</Button>
          </>
        )
      ) : null}
      {failed ? <span className="field__error" role="alert">{t('common:storage.failed')}</span> : null}
    </div>
  );
}
