import type { Member } from '@protocol/catalogue.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../app/Clock.tsx';
import { useLocalized } from '../../i18n/index.ts';
import { useStore } from '../../store/StoreProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { Keypad } from '../../ui/Keypad.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { type PinResult, verifyPin } from '../../volunteers/identify.ts';
import { lockoutState } from '../../volunteers/lockout.ts';
import { stationClock } from '../../volunteers/station-time.ts';
import { Avatar } from '../duty/Avatar.tsx';
import { useSignInPlace } from './useSignInPlace.ts';

/**
 * Step two: the member's PIN on our own keypad, checked offline. Shows how many tries are left after a wrong
 * one, and until when the member is locked after the fifth (the lock is kept in the store, so it outlives a reload).
 */
export function PinStep({ member, onBack, onVerified }: { member: Member; onBack: () => void; onVerified: () => Promise<void> }) {
  const { t } = useTranslation('volunteer');
  const localize = useLocalized();
  const { db } = useStore();
  const place = useSignInPlace();
  const unit = useLiveQuery(() => db.units.get(member.unitId), [db, member.unitId]);
  const locked = useLiveQuery(async () => {
    const state = await lockoutState(db, member.id, Date.now());
    return state.locked ? state.until : null;
  }, [db, member.id]);
  const [pin, setPin] = useState('');
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<PinResult | null>(null);

  const check = async () => {
    setChecking(true);
    try {
      const outcome = await verifyPin(db, place, member.id, pin);
      setResult(outcome);
      setPin('');
      if (outcome.ok) await onVerified();
    } finally {
      setChecking(false);
    }
  };

  const now = useNow(15_000);
  const until = result && !result.ok && result.reason === 'locked' ? result.until : locked;
  // A lock that has run out while the screen was up lets the member try again.
  const lockedUntil = until && until > now.getTime() ? until : null;
  let message: string | null = null;
  if (lockedUntil) message = t('pin.locked', { time: stationClock(lockedUntil) });
  else if (result && !result.ok && result.reason === 'wrong-pin') message = t('pin.wrong', { count: result.triesLeft });
  else if (result && !result.ok && result.reason === 'no-pin') message = t('pin.noPin');

  return (
    <Screen title={t('pin.title')} onBack={onBack} speech={[t('pin.title'), member.name, message ?? t('pin.lead')].join('。')}>
      {/* Who and the keypad side by side in landscape, so 确定 is on screen without scrolling. */}
      <div className="volunteer-pin-layout">
        <div className="volunteer-pin-layout__who">
          <div className="volunteer-who card">
            <Avatar member={member} />
            <div>
              <p className="person__name">{member.name}</p>
              <p className="person__org">{unit ? localize(unit.name) : ''}</p>
            </div>
          </div>
          {message ? <p className={lockedUntil ? 'error-banner' : 'notice-banner'} role="alert">{message}</p> : null}
        </div>
        {lockedUntil ? null : (
          <div className="volunteer-pin">
            <Keypad label={t('pin.label')} value={pin} maxLength={8} display={'●'.repeat(pin.length)} placeholder={t('pin.lead')} onChange={setPin} />
            <Button variant="primary" large block disabled={pin.length < 4 || checking} aria-busy={checking} onClick={check}>
              {checking ? t('pin.checking') : t('pin.confirm')}
            </Button>
          </div>
        )}
      </div>
    </Screen>
  );
}
