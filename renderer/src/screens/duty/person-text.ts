import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../i18n/index.ts';
import { maskName } from '@protocol/masking.ts';
import type { Present } from '../../volunteers/presence.ts';
import type { OnDuty } from './roster.ts';
import { stationClock } from '../../volunteers/station-time.ts';

/** "A, B and C" in the resident's language (政策咨询和老年优待卡办理). */
export const useListJoin = (): ((items: readonly string[]) => string) => {
  const { i18n } = useTranslation();
  const format = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  return (items) => format.format(items);
};

/** The words about one person on duty, shared by what is shown and what is read aloud. */
export const usePersonText = () => {
  const { t } = useTranslation('duty');
  const localize = useLocalized();
  const join = useListJoin();
  const role = ({ member }: OnDuty) => t(`roles.${member.role}`);
  const organisation = (person: OnDuty) => [role(person), person.unit ? localize(person.unit.name) : undefined].filter(Boolean).join(' · ');
  const helps = ({ member }: OnDuty) => (member.skills.length > 0 ? t('helps', { skills: join(member.skills.map(localize)) }) : undefined);
  const hours = ({ shift }: OnDuty) => `${shift.start}–${shift.end}`;
  /** Read aloud without the phone number: a masked number is no use spoken, and the room may be listening. */
  const speech = (person: OnDuty) => [person.member.name, organisation(person).replace(' · ', '，'), helps(person)].filter(Boolean).join('，');
  return { organisation, helps, hours, speech };
};


/** The words about someone signed in, shared by what is shown and what is read aloud. */
export const usePresentText = () => {
  const { t } = useTranslation('duty');
  const localize = useLocalized();
  const join = useListJoin();
  const name = (present: Present) => present.member?.name ?? maskName(present.walkInName ?? '');
  const organisation = (present: Present) =>
    present.member ? [t(`roles.${present.member.role}`), present.unit ? localize(present.unit.name) : undefined].filter(Boolean).join(' · ') : t('walkIn');
  const helps = (present: Present) => (present.member && present.member.skills.length > 0 ? t('helps', { skills: join(present.member.skills.map(localize)) }) : undefined);
  const hours = (present: Present) =>
    present.shift ? t('shift', { hours: `${present.shift.start}–${present.shift.end}` }) : t('since', { time: stationClock(present.since) });
  const speech = (present: Present) => [name(present), organisation(present).replace(' · ', '，'), helps(present)].filter(Boolean).join('，');
  return { name, organisation, helps, hours, speech };
};
