import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useMinute } from '../../app/wall-clock.ts';
import { useRouteParams } from '../../app/navigation.tsx';
import { useLocalized } from '../../i18n/index.ts';
import { useStore } from '../../store/StoreProvider.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { KindBadge } from './KindBadge.tsx';
import { useNoticeText } from './notice-text.ts';
import './notices.css';

/** One notice in full: what, when, where, and the whole text, all of it read aloud on request. */
export default function NoticeScreen() {
  const { t } = useTranslation('notices');
  const localize = useLocalized();
  const { db } = useStore();
  const { noticeId } = useRouteParams('notice');
  const now = useMinute();
  const text = useNoticeText();
  // null once the store has answered "no such notice"; undefined while it is still being read.
  const notice = useLiveQuery(async () => (await db.notices.get(noticeId)) ?? null, [db, noticeId]);

  if (notice === undefined) return <Screen title={t('title')}>{null}</Screen>;
  if (notice === null) {
    return (
      <Screen title={t('missing.title')} lead={t('missing.body')}>
        {null}
      </Screen>
    );
  }

  const title = localize(notice.title);
  const when = notice.startsAt ? text.when(notice.startsAt) : undefined;
  const place = notice.place ? localize(notice.place) : undefined;
  const body = localize(notice.body);
  const status = text.relative(notice, now);
  const speech = [title, when && t('speech.when', { when }), place && t('speech.place', { place }), body].filter(Boolean).join('。');

  return (
    <Screen title={title} speech={speech}>
      <p className="notice__tags">
        <KindBadge kind={notice.kind} />
        {status ? <span className={status.ended ? 'pill notice-ended' : 'pill pill--ok'}>{status.label}</span> : null}
      </p>
      {status?.ended ? <p className="notice-banner">{t('endedBanner')}</p> : null}
      <dl className="card notice__facts">
        {when ? (
          <div className="notice__fact">
            <dt>{t('facts.when')}</dt>
            <dd className="notice__when">{when}</dd>
          </div>
        ) : null}
        {place ? (
          <div className="notice__fact">
            <dt>{t('facts.place')}</dt>
            <dd>{place}</dd>
          </div>
        ) : null}
        {when ? null : (
          <div className="notice__fact">
            <dt>{t('facts.published')}</dt>
            <dd>{text.publishedDate(notice)}</dd>
          </div>
        )}
      </dl>
      <div className="card notice__body">
        {body.split('\n').map((paragraph, i) => <p key={i}>{paragraph}</p>)}
      </div>
    </Screen>
  );
}
