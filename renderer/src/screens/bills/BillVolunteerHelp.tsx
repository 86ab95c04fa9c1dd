import type { Referral, Utility } from '@protocol/records.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { ContactConsent } from '../../ui/ContactConsent.tsx';
import { emptyContact, hasErrors, toContact, validateContact } from '../../ui/contact-draft.ts';
import { Keypad } from '../../ui/Keypad.tsx';
import { useReferral } from '../services/referral.ts';
import { accountError, groupDigits } from './account.ts';
import './bills.css';

/** The catalogue's "water, electricity and gas bills paid for you" service: what every bill referral is for. */
const BILL_SERVICE_ID = 'utility-bills';
/** The schema's maximum: the keypad stops there rather than letting a resident type a number it must refuse. */
const ACCOUNT_MAX_DIGITS = 20;

/**
 * Asking a volunteer to help pay: the account number first (checked, then shown in full while the resident, who
 * is standing there, checks it against the bill; masked on the confirmation, which may stay on a public screen),
 * an optional consented contact, then a queue number. A bad number writes nothing.
 */
export function BillVolunteerHelp({ utility, onReferred }: { utility: Utility; onReferred: (referral: Referral) => void }) {
  const { t } = useTranslation('bills');
  const [account, setAccount] = useState('');
  const [problem, setProblem] = useState<string>();
  const [entered, setEntered] = useState<string>();
  const [contact, setContact] = useState(emptyContact);
  const [shownErrors, setShownErrors] = useState(false);
  const { refer, error, saving } = useReferral();

  const confirmAccount = () => {
    const issue = accountError(account);
    setProblem(issue);
    if (!issue) setEntered(account);
  };

  const submit = async () => {
    if (!entered || saving) return;
    if (hasErrors(validateContact(contact))) {
      setShownErrors(true);
      return;
    }
    const referral = await refer({ serviceId: BILL_SERVICE_ID, bill: { utility, account: entered }, contact: toContact(contact, new Date()) });
    if (referral) onReferred(referral);
  };

  if (!entered) {
    return (
      <section className="card bill-help" aria-labelledby="bill-help-title">
        <h2 id="bill-help-title" className="card__title">{t('ways.volunteer')}</h2>
        <p>{t('volunteer.lead')}</p>
        <div className="bill-help__account">
          <Keypad
            label={t('volunteer.account')}
            value={account}
            display={groupDigits(account)}
            maxLength={ACCOUNT_MAX_DIGITS}
            onChange={(value) => {
              setAccount(value);
              setProblem(undefined);
            }}
          />
          <div className="bill-help__side">
            <p className="muted">{t('volunteer.accountHint')}</p>
            {problem ? <p className="field__error bill-help__error" role="alert">{t(`common:${problem}`)}</p> : null}
            <Button variant="primary" large block onClick={confirmAccount}>{t('volunteer.next')}</Button>
          </div>
        </div>
      </section>
    );
  }

  return (
    <section className="bill-help" aria-labelledby="bill-help-title">
      <div className="card bill-help__entered">
        <div>
          <h2 id="bill-help-title" className="field__label">{t('volunteer.entered')}</h2>
          <p className="bill-help__entered-number">{groupDigits(entered)}</p>
        </div>
        <Button variant="quiet" onClick={() => setEntered(undefined)}>{t('volunteer.change')}</Button>
      </div>
      <ContactConsent value={contact} onChange={setContact} errors={shownErrors ? validateContact(contact) : {}} purpose={t('volunteer.contactPurpose')} />
      {error ? <p className="error-banner" role="alert">{t(`common:${error}`)}</p> : null}
      <Button variant="primary" large block icon="🙋" disabled={saving} onClick={() => void submit()}>{t('volunteer.confirm')}</Button>
    </section>
  );
}
