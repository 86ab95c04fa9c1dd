import type { Member } from '@protocol/catalogue.ts';
import { hashMemberPin, MEMBER_PIN_PATTERN } from '@protocol/pin-hash.ts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/ApiProvider.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';

/**
 * Sets or resets a member's kiosk PIN. The PIN is hashed here, in the browser (PBKDF2 with a fresh salt,
 * pin-hash.ts): only the hash is sent, published to the member's stations, and never shown again. A PIN can
 * also be withdrawn (the member then signs in by QR badge only).
 */
export function PinDialog({ scope, member, hasPin, onClose, onSaved }: { scope: string; member: Member; hasPin: boolean; onClose: () => void; onSaved: (message: string) => void }) {
  const { t } = useTranslation('publish');
  const client = useClient();
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<'format' | 'mismatch' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const send = async (pinHash: string | null) => {
    setBusy(true);
    setError(null);
    try {
      await client.call('setMemberCredentials', { body: { scope, memberId: member.id, pinHash } });
      onSaved(pinHash ? t('pin.saved', { name: member.name }) : t('pin.withdrawn', { name: member.name }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!MEMBER_PIN_PATTERN.test(pin)) return setProblem('format');
    if (pin !== again) return setProblem('mismatch');
    setProblem(null);
    setBusy(true);
    const hash = await hashMemberPin(pin);
    setPin('');
    setAgain('');
    await send(hash);
  };

  return (
    <Dialog
      title={hasPin ? t('pin.resetTitle', { name: member.name }) : t('pin.setTitle', { name: member.name })}
      onClose={onClose}
      footer={
        <>
          {hasPin ? (
            <button type="button" className="btn btn--danger" disabled={busy} onClick={() => void send(null)}>
              {t('pin.withdraw')}
            </button>
          ) : null}
          <button type="button" className="btn" onClick={onClose}>
            {t('console:action.cancel')}
          </button>
          <button type="submit" form="pin-form" className="btn btn--primary" disabled={busy}>
            {t('pin.save')}
          </button>
        </>
      }
    >
      <form id="pin-form" className="form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="muted">{t('pin.explain')}</p>
        {error ? <ErrorNotice error={error} /> : null}
        <Field label={t('pin.new')} hint={t('pin.hint')} error={problem === 'format' ? t('pin.format') : undefined}>
          <input className="input mono" type="password" inputMode="numeric" autoComplete="new-password" maxLength={8} value={pin} onChange={(event) => setPin(event.target.value)} />
        </Field>
        <Field label={t('pin.again')} error={problem === 'mismatch' ? t('pin.mismatch') : undefined}>
          <input className="input mono" type="password" inputMode="numeric" autoComplete="new-password" maxLength={8} value={again} onChange={(event) => setAgain(event.target.value)} />
        </Field>
      </form>
    </Dialog>
  );
}
