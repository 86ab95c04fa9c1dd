import type { Notice } from '@protocol/catalogue.ts';
import { useLocalized } from '../../i18n/index.ts';
import { KindBadge } from './KindBadge.tsx';
import { useNoticeText } from './notice-text.ts';
import { Icon } from '../../ui/icons/Icon.tsx';

/** One notice in the list: a big button with its kind, title, time and place. */
export function NoticeItem({ notice, now, onOpen }: { notice: Notice; now: Date; onOpen: () => void }) {
  const localize = useLocalized();
  const text = useNoticeText();
  const status = text.relative(notice, now);
  return (
    <button type="button" className={status?.ended ? 'notice-item notice-item--ended' : 'notice-item'} onClick={onOpen}>
      <span className="notice-item__tags">
        <KindBadge kind={notice.kind} />
        {status ? <span className={status.ended ? 'pill notice-ended' : 'pill pill--ok'}>{status.label}</span> : null}
      </span>
      <span className="notice-item__title">{localize(notice.title)}</span>
      <span className="notice-item__when">
        <span aria-hidden="true"><Icon emoji="🕘" /> </span>
        {notice.startsAt ? text.when(notice.startsAt) : text.published(notice)}
      </span>
      {notice.place ? (
        <span className="notice-item__place">
          <span aria-hidden="true"><Icon emoji="📍" /> </span>
          {localize(notice.place)}
        </span>
      ) : null}
      <span className="notice-item__more" aria-hidden="true">›</span>
    </button>
  );
}
