import type { Member } from '@protocol/catalogue.ts';
import './avatar.css';

const TONES = 6;

/** The same person always gets the same colour, so a regular volunteer's circle becomes familiar. */
const toneOf = (id: string): number => Array.from(id).reduce((hash, c) => (hash * 31 + (c.codePointAt(0) ?? 0)) >>> 0, 7) % TONES;

/** A coloured circle with the person's surname: no photo to collect, store or leak. */
export function Avatar({ member, small }: { member: Pick<Member, 'id' | 'name'>; small?: boolean }) {
  const initial = (Array.from(member.name.trim())[0] ?? '').toUpperCase();
  return (
    <span className={`avatar avatar--tone${toneOf(member.id)}${small ? ' avatar--small' : ''}`} aria-hidden="true">
      {initial}
    </span>
  );
}
