import type { Notice } from '@protocol/catalogue.ts';
import { useTranslation } from 'react-i18next';
import { daysUntil, eventDate } from './order.ts';

/**
 * Dates and times as a resident says them (12月2日 周三 上午9:00; Wed, December 2, 9:00 AM), and the short
 * "today / tomorrow / ended" word that matters most to someone deciding whether to come.
 */
export const useNoticeText = () => {
  const { t, i18n } = useTranslation('notices');
  const date = new Intl.DateTimeFormat(i18n.language, { month: 'long', day: 'numeric' });
  const weekday = new Intl.DateTimeFormat(i18n.language, { weekday: 'short' });
  const time = new Intl.DateTimeFormat(i18n.language, { hour: 'numeric', minute: '2-digit', hour12: true });
  const when = (startsAt: string): string => {
    const d = eventDate(startsAt);
    return t('when', { date: date.format(d), weekday: weekday.format(d), time: time.format(d) });
  };
  const publishedDate = (notice: Notice): string => date.format(new Date(notice.publishedAt));
  const published = (notice: Notice): string => t('published', { date: publishedDate(notice) });
  const relative = (notice: Notice, now: Date): { label: string; ended: boolean } | undefined => {
    if (!notice.startsAt) return undefined;
    const days = daysUntil(notice.startsAt, now);
    if (days < 0) return { label: t('status.ended'), ended: true };
    if (days === 0) return { label: t('status.today'), ended: false };
    if (days === 1) return { label: t('status.tomorrow'), ended: false };
    return undefined;
  };
  return { when, published, publishedDate, relative };
};
