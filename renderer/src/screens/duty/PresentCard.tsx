import { maskName, maskPhone } from '@protocol/masking.ts';
import { useTranslation } from 'react-i18next';
import type { Present } from '../../volunteers/presence.ts';
import { Avatar } from './Avatar.tsx';
import { usePresentText } from './person-text.ts';
import './person.css';

/**
 * Someone signed in at the station: who, where from, since when, and whether a shift of the roster brought them.
 * A walk-in volunteer shows as the masked name they gave, never their phone.
 */
export function PresentCard({ present, brief }: { present: Present; brief?: boolean }) {
  const { t } = useTranslation('duty');
  const text = usePresentText();
  const helps = text.helps(present);
  const avatar = present.member ?? { id: present.signInId, name: maskName(present.walkInName ?? '') };
  return (
    <li className={`person card${brief ? ' person--brief' : ''}`}>
      <Avatar member={avatar} small={brief} />
      <div className="person__main">
        <p className="person__name">{text.name(present)}</p>
        <p className="person__org">{text.organisation(present)}</p>
        {helps ? <p className="person__helps">{helps}</p> : null}
        {brief ? null : (
          <p className="person__meta">
            <span className="person__hours">{text.hours(present)}</span>
            {present.unscheduled ? <span className="pill pill--warn">{t('unscheduled')}</span> : null}
            {present.shift && present.shift.kind !== 'regular' ? (
              <span className={present.shift.kind === 'evening-hour' ? 'pill pill--warn' : 'pill'}>{t(`common:extended.${present.shift.kind}`)}</span>
            ) : null}
            {present.member ? <span className="person__phone">{t('phone', { phone: maskPhone(present.member.phone) })}</span> : null}
          </p>
        )}
      </div>
    </li>
  );
}
