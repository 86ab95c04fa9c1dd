import type { Member } from '@protocol/catalogue.ts';
import type { Duty } from '../duty/useDuty.ts';

/** Today's people, in the order a volunteer looks for themselves: those here, those expected, those to come. */
export const todaysVolunteers = (duty: Pick<Duty, 'here' | 'missing' | 'later'>): { member: Member; signedIn: boolean; hours: string | undefined }[] => {
  const seen = new Set<string>();
  const list: { member: Member; signedIn: boolean; hours: string | undefined }[] = [];
  const add = (member: Member | undefined, signedIn: boolean, hours: string | undefined) => {
    if (!member || seen.has(member.id)) return;
    seen.add(member.id);
    list.push({ member, signedIn, hours });
  };
  for (const present of duty.here) add(present.member, true, undefined);
  for (const person of [...duty.missing, ...duty.later]) add(person.member, false, `${person.shift.start}–${person.shift.end}`);
  return list;
};

/**
 * Members by part of their name, or by the last digits of their phone (four, as people remember them). A search
 * by phone needs all four digits, so it never lists half the roster to whoever is at the screen.
 */
export const findMembers = (members: readonly Member[], query: { name: string } | { phoneEnd: string }): Member[] => {
  if ('phoneEnd' in query) return query.phoneEnd.length === 4 ? members.filter((m) => m.phone.endsWith(query.phoneEnd)) : [];
  const name = query.name.trim();
  if (!name) return [];
  return members.filter((m) => m.name.includes(name) || m.name.toLowerCase().includes(name.toLowerCase()));
};
