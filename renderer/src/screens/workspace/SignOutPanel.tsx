import type { Member } from '@protocol/catalogue.ts';
import type { ShiftSession } from '@protocol/hours.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../app/Clock.tsx';
import { useStore } from '../../store/StoreProvider.tsx';
import { useRecordStationId } from '../../store/useCommit.ts';
import { Button } from '../../ui/Button.tsx';
import { signOut } from '../../volunteers/shifts.ts';
import { useDuration } from './duration.ts';

/** Signing out: how long the shift was, an optional note for the next shift, and one button. */
export function SignOutPanel({ member, method, session, onCancel, onSignedOut }: { member: Member; method: 'pin' | 'qr'; session: ShiftSession; onCancel: () => void; onSignedOut: (minutes: number) => void }) {
  const { t } = useTranslation('volunteer');
  const { db } = useStore();
  const stationId = useRecordStationId();
  const duration = useDuration();
  const [note, setNote] = useState('');
  const [failed, setFailed] = useState(false);
  const now = useNow(30_000);
  const minutesSoFar = Math.max(0, Math.floor((now.getTime() - session.start) / 60_000));

  const confirm = async () => {
    const now = new Date();
    try {
      await signOut(db, stationId, { signInId: session.signInId, memberId: member.id, method, handover: note }, now);
      onSignedOut(Math.max(0, Math.floor((now.getTime() - session.start) / 60_000)));
    } catch (error) {
      console.error('sign-out failed', error);
      setFailed(true);
    }
  };

  return (
    <section className="card sign-out" aria-labelledby="sign-out-title">
      <h2 id="sign-out-title" className="card__title">{t('signOut.title')}</h2>
      <p>{t('signOut.sofar', { duration: duration(minutesSoFar) })}</p>
      <div className="field">
        <label className="field__label" htmlFor="handover-note">{t('signOut.noteLabel')}</label>
        <textarea id="handover-note" className="field__input" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('signOut.notePlaceholder')} />
      </div>
      {failed ? <p className="error-banner" role="alert">{t('common:storage.failed')}</p> : null}
      <div className="actions">
        <Button large onClick={onCancel}>{t('signOut.cancel')}</Button>
        <Button variant="primary" large onClick={confirm}>{t('signOut.confirm')}</Button>
      </div>
    </section>
  );
}
