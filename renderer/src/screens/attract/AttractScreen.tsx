import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Clock } from '../../app/Clock.tsx';
import { useLocalized } from '../../i18n/index.ts';
import { useStore } from '../../store/StoreProvider.tsx';
import { useDuty } from '../duty/useDuty.ts';
import { orderNotices } from '../notices/order.ts';
import { DutySlide } from './DutySlide.tsx';
import { NoticeSlide } from './NoticeSlide.tsx';
import { swallowWakingClick } from './swallow-click.ts';
import './attract.css';
import { Icon } from '../../ui/icons/Icon.tsx';

/** Slow enough to read a whole notice at an elderly pace. */
export const SLIDE_MS = 8000;
const NOTICES_SHOWN = 4;

/**
 * What the idle tablet shows to passers-by: the station, who is on duty now and what is coming up, turning
 * slowly, and an invitation to touch. Any touch anywhere hands the screen back.
 */
export default function AttractScreen({ onDismiss }: { onDismiss: () => void }) {
  const { t, i18n } = useTranslation('attract');
  const localize = useLocalized();
  const { db, station } = useStore();
  const duty = useDuty();
  const notices = useLiveQuery(() => db.notices.toArray(), [db]);
  const [turn, setTurn] = useState(0);
  const wake = useEffectEvent((event: PointerEvent) => {
    swallowWakingClick(event);
    onDismiss();
  });

  useEffect(() => {
    const timer = setInterval(() => setTurn((n) => n + 1), SLIDE_MS);
    return () => clearInterval(timer);
  }, []);

  // On the window and in the capture phase, so the touch counts wherever it lands and before anything else sees it.
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => wake(event);
    window.addEventListener('pointerdown', onPointerDown, true);
    return () => window.removeEventListener('pointerdown', onPointerDown, true);
  }, []);

  const upcoming = duty ? orderNotices(notices ?? [], duty.at).upcoming.slice(0, NOTICES_SHOWN) : [];
  // The first slide is who is on duty; one slide follows for each upcoming notice.
  const slides = 1 + upcoming.length;
  const index = turn % slides;
  const notice = index > 0 ? upcoming[index - 1] : undefined;
  const other = i18n.language === 'zh-CN' ? 'en' : 'zh-CN';
  let slide = null;
  if (duty) slide = notice ? <NoticeSlide notice={notice} now={duty.at} /> : <DutySlide duty={duty} />;

  return (
    <div className="attract" role="dialog" aria-modal="true" aria-labelledby="attract-title attract-prompt">
      <div className="attract__head">
        <img className="attract__logo" src="icon.svg" alt="" />
        <div>
          <h2 id="attract-title" className="attract__title">{localize(station.name)}</h2>
          <p className="attract__community">{localize(station.community)}</p>
        </div>
        <Clock />
      </div>
      <div key={turn} className="attract__stage">
        {slide}
      </div>
      {slides > 1 ? (
        <p className="attract__dots" aria-hidden="true">
          {Array.from({ length: slides }, (_, i) => <span key={i} className={i === index ? 'attract__dot attract__dot--on' : 'attract__dot'} />)}
        </p>
      ) : null}
      <div className="attract__prompt">
        <p id="attract-prompt" className="attract__prompt-main">
          <span aria-hidden="true"><Icon emoji="👆" /> </span>
          {t('prompt')}
        </p>
        <p className="attract__prompt-other" lang={other}>{i18n.getFixedT(other, 'attract')('prompt')}</p>
      </div>
    </div>
  );
}
