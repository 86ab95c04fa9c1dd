import type { Notice } from '@protocol/catalogue.ts';
import { describe, expect, it } from 'vitest';
import { daysUntil, eventDate, orderNotices, PAST_SHOWN } from './order.ts';

const notice = (id: string, startsAt?: string, publishedAt = '2026-11-20T09:00:00+08:00'): Notice => ({
  id,
  kind: 'activity',
  title: { 'zh-CN': id, en: id },
  body: { 'zh-CN': id, en: id },
  publishedAt,
  ...(startsAt ? { startsAt } : {}),
});
const ids = (list: Notice[]) => list.map((n) => n.id);
const now = new Date(2026, 11, 1, 10, 0);

describe('orderNotices', () => {
  it('puts events from today on first, soonest first, then standing notices newest first, then past ones', () => {
    const ordered = orderNotices(
      [
        notice('later', '2026-12-10T15:00'),
        notice('old-standing', undefined, '2026-11-02T09:00:00+08:00'),
        notice('yesterday', '2026-11-30T09:00'),
        notice('tomorrow', '2026-12-02T09:00'),
        notice('new-standing', undefined, '2026-11-26T16:00:00+08:00'),
        notice('last-week', '2026-11-24T14:30'),
        notice('this-morning', '2026-12-01T08:00'),
      ],
      now,
    );
    expect(ids(ordered.upcoming)).toEqual(['this-morning', 'tomorrow', 'later']);
    expect(ids(ordered.standing)).toEqual(['new-standing', 'old-standing']);
    expect(ids(ordered.past)).toEqual(['yesterday', 'last-week']);
  });

  it('keeps an event upcoming for the whole of its day and moves it to past at midnight', () => {
    const clinic = [notice('clinic', '2026-12-01T09:00')];
    expect(ids(orderNotices(clinic, new Date(2026, 11, 1, 23, 59)).upcoming)).toEqual(['clinic']);
    expect(ids(orderNotices(clinic, new Date(2026, 11, 2, 0, 0)).past)).toEqual(['clinic']);
  });

  it('shows only the most recent ended events', () => {
    const many = Array.from({ length: 9 }, (_, i) => notice(`n${i + 1}`, `2026-11-${String(i + 10).padStart(2, '0')}T10:00`));
    expect(ids(orderNotices(many, now).past)).toEqual(['n9', 'n8', 'n7', 'n6', 'n5'].slice(0, PAST_SHOWN));
  });

  it('has three empty lists for no notices', () => {
    expect(orderNotices([], now)).toEqual({ upcoming: [], standing: [], past: [] });
  });
});

describe('event dates', () => {
  it('reads "yyyy-mm-ddTHH:MM" as local time', () => {
    const d = eventDate('2026-12-02T14:30');
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()]).toEqual([2026, 11, 2, 14, 30]);
  });

  it('counts calendar days, not 24-hour periods', () => {
    expect(daysUntil('2026-12-01T08:00', new Date(2026, 11, 1, 23, 0))).toBe(0);
    expect(daysUntil('2026-12-02T08:00', new Date(2026, 11, 1, 23, 0))).toBe(1);
    expect(daysUntil('2026-11-30T20:00', new Date(2026, 11, 1, 1, 0))).toBe(-1);
    expect(daysUntil('2027-01-01T09:00', new Date(2026, 11, 31, 9, 0))).toBe(1);
  });

  it('takes a notice off at its endsAt, to the minute, and shows pinned ones first in their section', () => {
    const list: Notice[] = [
      { ...notice('water-cut'), endsAt: '2026-12-02T00:00' },
      notice('hours', undefined, '2026-11-30T09:00:00+08:00'),
      { ...notice('old-but-pinned', undefined, '2026-11-01T09:00:00+08:00'), pinned: true },
      notice('talk', '2026-12-03T09:00'),
      { ...notice('pinned-clinic', '2026-12-05T09:00'), pinned: true },
    ];
    const before = orderNotices(list, new Date(2026, 11, 1, 23, 59));
    expect(ids(before.standing)).toEqual(['old-but-pinned', 'hours', 'water-cut']);
    expect(ids(before.upcoming)).toEqual(['pinned-clinic', 'talk']);
    expect(ids(orderNotices(list, new Date(2026, 11, 2, 0, 0)).standing)).toEqual(['old-but-pinned', 'hours']);
  });
});
