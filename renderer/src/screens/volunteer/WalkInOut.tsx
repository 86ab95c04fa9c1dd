import { maskName } from '@protocol/masking.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../app/Clock.tsx';
import { useStore } from '../../store/StoreProvider.tsx';
import { useRecordStationId } from '../../store/useCommit.ts';
import { Button } from '../../ui/Button.tsx';
import { Keypad } from '../../ui/Keypad.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { verifyWalkInDigits, type WalkInDigitsResult } from '../../volunteers/identify.ts';
import { lockoutState, walkInLockKey } from '../../volunteers/lockout.ts';
import type { Present } from '../../volunteers/presence.ts';
import { signOut } from '../../volunteers/shifts.ts';
import { stationClock } from '../../volunteers/station-time.ts';

/**
 * A walk-in signs out by the last four digits of the phone they gave: nobody else can end their shift for them,
 * and five wrong guesses pause it on this tablet as five wrong PINs do.
 */
export function WalkInOut({ present, onBack, onSignedOut }: { present: Present; onBack: () => void; onSignedOut: (who: string, minutes: number) => void }) {
  const { t } = useTranslation('volunteer');
  const { db } = useStore();
  const stationId = useRecordStationId();
  const [digits, setDigits] = useState('');
  const [result, setResult] = useState<WalkInDigitsResult | null>(null);
  const name = maskName(present.walkInName ?? '');
  const locked = useLiveQuery(async () => {
    const state = await lockoutState(db, walkInLockKey(present.signInId), Date.now());
    return state.locked ? state.until : null;
  }, [db, present.signInId]);
  const now = useNow(15_000);

  const confirm = async () => {
    // Cleared before the check: a second tap meanwhile finds no digits, and the button is off.
    const entered = digits;
    setDigits('');
    const outcome = await verifyWalkInDigits(db, stationId, present.signInId, entered);
    setResult(outcome);
    if (!outcome.ok) return;
    const at = new Date();
    await signOut(db, stationId, { signInId: present.signInId, method: 'walk-in' }, at);
    onSignedOut(name, Math.max(0, Math.floor((at.getTime() - present.since) / 60_000)));
  };

  const until = result && !result.ok && result.reason === 'locked' ? result.until : locked;
  // A lock that has run out while the screen was up lets them try again.
  const lockedUntil = until && until > now.getTime() ? until : null;
  let message: string | null = null;
  if (lockedUntil) message = t('walkInOut.locked', { time: stationClock(lockedUntil) });
  else if (result && !result.ok && result.reason === 'wrong-digits') message = t('walkInOut.wrong', { count: result.triesLeft });

  return (
    <Screen
      title={t('walkInOut.title', { name })}
      lead={t('walkInOut.lead')}
      onBack={onBack}
      actions={<Button variant="primary" large disabled={digits.length !== 4} onClick={confirm}>{t('walkInOut.confirm')}</Button>}
    >
      {message ? <p className={lockedUntil ? 'error-banner' : 'notice-banner'} role="alert">{message}</p> : null}
      {lockedUntil ? null : <Keypad label={t('walkInOut.label')} value={digits} maxLength={4} onChange={setDigits} />}
    </Screen>
  );
}
