import { maskName } from '@protocol/masking.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/StoreProvider.tsx';
import { useRecordStationId } from '../../store/useCommit.ts';
import { Button } from '../../ui/Button.tsx';
import { Keypad } from '../../ui/Keypad.tsx';
import { Screen } from '../../ui/Screen.tsx';
import type { Present } from '../../volunteers/presence.ts';
import { signOut } from '../../volunteers/shifts.ts';

/** A walk-in signs out by the last four digits of the phone they gave: nobody else can end their shift for them. */
export function WalkInOut({ present, onBack, onSignedOut }: { present: Present; onBack: () => void; onSignedOut: (who: string, minutes: number) => void }) {
  const { t } = useTranslation('volunteer');
  const { db } = useStore();
  const stationId = useRecordStationId();
  const [digits, setDigits] = useState('');
  const [wrong, setWrong] = useState(false);
  const name = maskName(present.walkInName ?? '');

  const confirm = async () => {
    const signIn = await db.shiftEvents.get(present.signInId);
    if (!signIn?.contact?.phone?.endsWith(digits)) {
      setWrong(true);
      setDigits('');
      return;
    }
    const now = new Date();
    await signOut(db, stationId, { signInId: present.signInId, method: 'walk-in' }, now);
    onSignedOut(name, Math.max(0, Math.floor((now.getTime() - present.since) / 60_000)));
  };

  return (
    <Screen
      title={t('walkInOut.title', { name })}
      lead={t('walkInOut.lead')}
      onBack={onBack}
      actions={<Button variant="primary" large disabled={digits.length !== 4} onClick={confirm}>{t('walkInOut.confirm')}</Button>}
    >
      {wrong ? <p className="notice-banner" role="alert">{t('walkInOut.wrong')}</p> : null}
      <Keypad label={t('walkInOut.label')} value={digits} maxLength={4} onChange={setDigits} />
    </Screen>
  );
}
