import type { Member } from '@protocol/catalogue.ts';
import { maskName } from '@protocol/masking.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../i18n/index.ts';
import { useStore } from '../../store/StoreProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { Keypad } from '../../ui/Keypad.tsx';
import { Screen } from '../../ui/Screen.tsx';
import type { Present } from '../../volunteers/presence.ts';
import { Avatar } from '../duty/Avatar.tsx';
import { useDuty } from '../duty/useDuty.ts';
import { findMembers, todaysVolunteers } from './find-members.ts';

type Search = 'none' | 'name' | 'phone';

/**
 * Step one: who are you? Today's people first (one tap), anyone else by name or the last four digits of their
 * phone; or a QR code, or a walk-in's registration. Phones are never shown here, not even masked.
 */
export function PickVolunteer({ onMember, onScan, onWalkIn, onWalkInOut }: { onMember: (member: Member) => void; onScan: () => void; onWalkIn: () => void; onWalkInOut: (present: Present) => void }) {
  const { t } = useTranslation('volunteer');
  const localize = useLocalized();
  const { db } = useStore();
  const duty = useDuty();
  const members = useLiveQuery(() => db.members.toArray(), [db]);
  const units = useLiveQuery(async () => new Map((await db.units.toArray()).map((u) => [u.id, u])), [db]);
  const [search, setSearch] = useState<Search>('none');
  const [query, setQuery] = useState('');
  const today = duty ? todaysVolunteers(duty) : [];
  const found = search === 'none' || !members ? [] : findMembers(members, search === 'phone' ? { phoneEnd: query } : { name: query });
  const walkIns = duty?.here.filter((p) => !p.member) ?? [];

  const card = (member: Member, note?: string) => (
    <li key={member.id}>
      <button type="button" className="volunteer-pick" onClick={() => onMember(member)}>
        <Avatar member={member} />
        <span className="volunteer-pick__text">
          <span className="volunteer-pick__name">{member.name}</span>
          <span className="volunteer-pick__unit">{units?.get(member.unitId) ? localize(units.get(member.unitId)!.name) : ''}</span>
          {note ? <span className="pill">{note}</span> : null}
        </span>
      </button>
    </li>
  );

  return (
    <Screen title={t('pick.title')} lead={t('pick.lead')}>
      <div className="actions volunteer-ways">
        <Button variant="primary" large icon="📷" onClick={onScan}>{t('pick.scan')}</Button>
        <Button large icon="🔎" aria-pressed={search === 'name'} onClick={() => { setSearch('name'); setQuery(''); }}>{t('pick.byName')}</Button>
        <Button large icon="📱" aria-pressed={search === 'phone'} onClick={() => { setSearch('phone'); setQuery(''); }}>{t('pick.byPhone')}</Button>
      </div>
      {search === 'name' ? (
        <div className="field">
          <label className="field__label" htmlFor="volunteer-name">{t('pick.nameLabel')}</label>
          <input id="volunteer-name" className="field__input" value={query} maxLength={20} autoComplete="off" autoFocus onChange={(e) => setQuery(e.target.value)} />
        </div>
      ) : null}
      {search === 'phone' ? <Keypad label={t('pick.phoneLabel')} value={query} maxLength={4} onChange={setQuery} /> : null}
      {search !== 'none' && query.length > 0 ? (
        <section className="duty__section" aria-labelledby="volunteer-found">
          <h2 id="volunteer-found" className="duty__heading">{t('pick.found', { count: found.length })}</h2>
          {found.length > 0 ? <ul className="volunteer-picks">{found.map((member) => card(member))}</ul> : <p className="muted">{t('pick.noneFound')}</p>}
        </section>
      ) : (
        <section className="duty__section" aria-labelledby="volunteer-today">
          <h2 id="volunteer-today" className="duty__heading">{t('pick.today')}</h2>
          {today.length > 0 ? (
            <ul className="volunteer-picks">{today.map(({ member, signedIn, hours }) => card(member, signedIn ? t('pick.signedIn') : hours))}</ul>
          ) : (
            <p className="muted">{t('pick.nobodyToday')}</p>
          )}
        </section>
      )}
      <section className="duty__section" aria-labelledby="volunteer-walk-in">
        <h2 id="volunteer-walk-in" className="duty__heading">{t('pick.walkInTitle')}</h2>
        <p className="muted">{t('pick.walkInLead')}</p>
        <div className="actions" style={{ justifyContent: 'flex-start' }}>
          <Button large icon="✍️" onClick={onWalkIn}>{t('pick.walkIn')}</Button>
          {walkIns.map((present) => (
            <Button key={present.signInId} large icon="👋" onClick={() => onWalkInOut(present)}>
              {t('pick.walkInOut', { name: maskName(present.walkInName ?? '') })}
            </Button>
          ))}
        </div>
      </section>
    </Screen>
  );
}
