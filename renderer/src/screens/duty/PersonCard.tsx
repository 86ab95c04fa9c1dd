import { maskPhone } from '@protocol/masking.ts';
import { useTranslation } from 'react-i18next';
import { Avatar } from './Avatar.tsx';
import { usePersonText } from './person-text.ts';
import type { OnDuty } from './roster.ts';
import './person.css';

/** One person on duty: who they are, where they come from, what to ask them, and until when they are here. */
export function PersonCard({ person, brief }: { person: OnDuty; brief?: boolean }) {
  const { t } = useTranslation('duty');
  const text = usePersonText();
  const { member, shift } = person;
  const helps = text.helps(person);
  return (
    <li className={`person card${brief ? ' person--brief' : ''}`}>
      <Avatar member={member} small={brief} />
      <div className="person__main">
        <p className="person__name">{member.name}</p>
        <p className="person__org">{text.organisation(person)}</p>
        {helps ? <p className="person__helps">{helps}</p> : null}
        {brief ? null : (
          <p className="person__meta">
            <span className="person__hours">{t('shift', { hours: text.hours(person) })}</span>
            {shift.kind === 'regular' ? null : (
              <span className={shift.kind === 'evening-hour' ? 'pill pill--warn' : 'pill'}>{t(`common:extended.${shift.kind}`)}</span>
            )}
            <span className="person__phone">{t('phone', { phone: maskPhone(member.phone) })}</span>
          </p>
        )}
      </div>
    </li>
  );
}
