import type { Notice } from '@protocol/catalogue.ts';
import { dayKey } from '@protocol/time.ts';

const DAY_MS = 86_400_000;
/** Enough ended events to show what just happened, without the list growing all year. */
export const PAST_SHOWN = 5;

export interface OrderedNotices {
  /** Events from today on, soonest first. */
  upcoming: Notice[];
  /** Notices without a date (opening hours, a payment reminder), newest first. */
  standing: Notice[];
  /** Events whose day has passed, most recent first. */
  past: Notice[];
}

/** "yyyy-mm-ddTHH:MM" is the station's local time, so it is read as local, never as UTC. */
export const eventDate = (startsAt: string): Date => {
  const [date = '', time = ''] = startsAt.split('T');
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const [hh = 0, mm = 0] = time.split(':').map(Number);
  return new Date(y, m - 1, d, hh, mm);
};

/** Whole calendar days from `now` to the event: 0 today, 1 tomorrow, negative once its day has gone. */
export const daysUntil = (startsAt: string, now: Date): number => {
  const event = eventDate(startsAt);
  return Math.round((Date.UTC(event.getFullYear(), event.getMonth(), event.getDate()) - Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())) / DAY_MS);
};

const pad = (n: number) => String(n).padStart(2, '0');
/** `now` written as notices write local times, "yyyy-mm-ddTHH:MM", so the two compare as strings. */
const localMinute = (now: Date): string => `${dayKey(now)}T${pad(now.getHours())}:${pad(now.getMinutes())}`;

/**
 * An event stays "upcoming" for the whole of its day: a clinic that began at nine is still worth walking over
 * to at ten. A notice with an end (`endsAt`) comes off at that minute; pinned ones lead their section.
 */
export const orderNotices = (notices: readonly Notice[], now: Date): OrderedNotices => {
  const today = dayKey(now);
  const minute = localMinute(now);
  const upcoming: Notice[] = [];
  const standing: Notice[] = [];
  const past: Notice[] = [];
  for (const notice of notices) {
    if (notice.endsAt !== undefined && notice.endsAt <= minute) continue;
    if (!notice.startsAt) standing.push(notice);
    else if (notice.startsAt.slice(0, 10) >= today) upcoming.push(notice);
    else past.push(notice);
  }
  const pinnedFirst = (a: Notice, b: Notice) => Number(b.pinned ?? false) - Number(a.pinned ?? false);
  const byStart = (a: Notice, b: Notice) => (a.startsAt ?? '').localeCompare(b.startsAt ?? '') || a.id.localeCompare(b.id);
  return {
    upcoming: upcoming.sort((a, b) => pinnedFirst(a, b) || byStart(a, b)),
    standing: standing.sort((a, b) => pinnedFirst(a, b) || Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || a.id.localeCompare(b.id)),
    past: past.sort((a, b) => byStart(b, a)).slice(0, PAST_SHOWN),
  };
};
