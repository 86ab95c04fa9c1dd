import type { Notice } from '@protocol/catalogue.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useMinute } from '../../app/wall-clock.ts';
import { useNavigate } from '../../app/navigation.tsx';
import { useLocalized } from '../../i18n/index.ts';
import { useStore } from '../../store/StoreProvider.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { NoticeItem } from './NoticeItem.tsx';
import { useNoticeText } from './notice-text.ts';
import { orderNotices } from './order.ts';
import './notices.css';

const sections = ['upcoming', 'standing', 'past'] as const;

/** Clinics, talks, meetings and classes still to come first, then standing notices, then what just ended. */
export default function NoticesScreen() {
  const { t } = useTranslation('notices');
  const localize = useLocalized();
  const { db } = useStore();
  const { go } = useNavigate();
  const now = useMinute();
  const text = useNoticeText();
  const notices = useLiveQuery(() => db.notices.toArray(), [db]);
  const ordered = orderNotices(notices ?? [], now);
  const title = t('title');
  const lead = t('lead');
  const spoken = (n: Notice) => [localize(n.title), n.startsAt ? text.when(n.startsAt) : undefined].filter(Boolean).join('，');
  const speech = [title, lead, ...ordered.upcoming.map(spoken), ...ordered.standing.map(spoken)].join('。');

  return (
    <Screen title={title} lead={lead} speech={speech}>
      {notices && notices.length === 0 ? <p className="card">{t('empty')}</p> : null}
      {sections.map((section) =>
        ordered[section].length > 0 ? (
          <section key={section} className="notices__section" aria-labelledby={`notices-${section}`}>
            <h2 id={`notices-${section}`} className="notices__heading">{t(`sections.${section}`)}</h2>
            <ul className="notices__list">
              {ordered[section].map((n) => (
                <li key={n.id}>
                  <NoticeItem notice={n} now={now} onOpen={() => go('notice', { noticeId: n.id })} />
                </li>
              ))}
            </ul>
          </section>
        ) : null,
      )}
    </Screen>
  );
}
