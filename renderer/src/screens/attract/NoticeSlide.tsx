import type { Notice } from '@protocol/catalogue.ts';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../i18n/index.ts';
import { KindBadge } from '../notices/KindBadge.tsx';
import { useNoticeText } from '../notices/notice-text.ts';
import { Icon } from '../../ui/icons/Icon.tsx';

export function NoticeSlide({ notice, now }: { notice: Notice; now: Date }) {
  const { t } = useTranslation('attract');
  const localize = useLocalized();
  const text = useNoticeText();
  const status = text.relative(notice, now);
  return (
    <article className="attract__slide" aria-labelledby="attract-notice">
      <p className="attract__kicker">{t('upcoming')}</p>
      <p className="attract__tags">
        <KindBadge kind={notice.kind} />
        {status ? <span className="pill pill--ok">{status.label}</span> : null}
      </p>
      <h3 id="attract-notice" className="attract__notice-title">{localize(notice.title)}</h3>
      {notice.startsAt ? (
        <p className="attract__when">
          <span aria-hidden="true"><Icon emoji="🕘" /> </span>
          {text.when(notice.startsAt)}
        </p>
      ) : null}
      {notice.place ? (
        <p className="attract__place">
          <span aria-hidden="true"><Icon emoji="📍" /> </span>
          {localize(notice.place)}
        </p>
      ) : null}
      {/* Three lines as a teaser (line-clamp): the notice screen has it whole. */}
      <p className="attract__body" data-clip>{localize(notice.body)}</p>
    </article>
  );
}
