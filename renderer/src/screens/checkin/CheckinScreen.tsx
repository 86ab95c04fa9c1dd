import type { Visit, VisitorType } from '@protocol/records.ts';
import { maskName, maskPhone } from '@protocol/masking.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../i18n/index.ts';
import { useStore } from '../../store/StoreProvider.tsx';
import { useCommit } from '../../store/useCommit.ts';
import { Button } from '../../ui/Button.tsx';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { Confirmation } from '../../ui/Confirmation.tsx';
import { ContactConsent } from '../../ui/ContactConsent.tsx';
import { emptyContact, hasErrors, toContact, validateContact } from '../../ui/contact-draft.ts';
import { Screen } from '../../ui/Screen.tsx';

const whoIcons: Record<VisitorType, string> = { resident: '🏠', nearby: '🏘️', visitor: '🚶' };

/**
 * Check-in in three taps: the home tile, who you are, what you came for. Tapping the purpose checks in at
 * once; only a resident who chose to leave a name or phone gets a separate confirm button.
 */
export default function CheckinScreen() {
  const { t } = useTranslation('checkin');
  const localize = useLocalized();
  const { db } = useStore();
  const categories = useLiveQuery(() => db.categories.orderBy('order').toArray(), [db]);
  const [who, setWho] = useState<VisitorType>();
  const [purpose, setPurpose] = useState<string>();
  const [contact, setContact] = useState(emptyContact);
  const [shownErrors, setShownErrors] = useState(false);
  const [done, setDone] = useState<Visit>();
  const { commit, error, saving } = useCommit('visit');

  const errors = shownErrors ? validateContact(contact) : {};
  const checkIn = async (chosen: string) => {
    if (!who || saving) return;
    if (hasErrors(validateContact(contact))) {
      setShownErrors(true);
      return;
    }
    const visit = await commit(() => ({ kind: 'visit', who, purpose: chosen, contact: toContact(contact, new Date()) }));
    if (visit) setDone(visit);
  };

  if (done) {
    const purposeName = categories?.find((c) => c.id === done.purpose);
    const title = t('done.title');
    return (
      <Confirmation title={title} speech={`${title}。${t('done.next')}`}>
        <div className="card" style={{ minWidth: 'min(560px, 100%)', textAlign: 'left' }}>
          <p>{t('done.who', { who: t(`who.${done.who}`) })}</p>
          {purposeName ? <p>{t('done.purpose', { purpose: localize(purposeName.name) })}</p> : null}
          {done.contact?.name ? <p>{t('done.name', { name: maskName(done.contact.name) })}</p> : null}
          {done.contact?.phone ? <p>{t('done.phone', { phone: maskPhone(done.contact.phone) })}</p> : null}
          <p className="screen__lead" style={{ marginTop: 12 }}>{t('done.next')}</p>
        </div>
      </Confirmation>
    );
  }

  if (!who) {
    return (
      <Screen title={t('title')} lead={t('who.question')}>
        <ChoiceGroup
          label={t('who.question')}
          value={who}
          onChange={setWho}
          choices={(['resident', 'nearby', 'visitor'] as const).map((value) => ({ value, label: t(`who.${value}`), icon: whoIcons[value] }))}
        />
        <p className="muted">{t('anonymous')}</p>
      </Screen>
    );
  }

  return (
    <Screen
      title={t('title')}
      lead={t('purpose.question')}
      onBack={() => setWho(undefined)}
      actions={contact.consent ? <Button variant="primary" large disabled={!purpose || saving} onClick={() => purpose && void checkIn(purpose)}>{t('confirm')}</Button> : undefined}
    >
      {error ? <p className="error-banner" role="alert">{t(`common:${error}`)}</p> : null}
      <ChoiceGroup
        label={t('purpose.question')}
        value={purpose}
        onChange={(value) => {
          setPurpose(value);
          if (!contact.consent) void checkIn(value);
        }}
        choices={(categories ?? []).map((c) => ({ value: c.id, label: localize(c.name), icon: c.icon }))}
      />
      <ContactConsent value={contact} onChange={setContact} errors={errors} purpose={t('contactPurpose')} />
    </Screen>
  );
}
