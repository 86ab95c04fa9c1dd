import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TapGesture } from '@shell/technician.ts';
import { useLocalized } from '../i18n/index.ts';
import { useStore } from '../store/StoreProvider.tsx';
import { useFeature } from '../sync/SyncProvider.tsx';
import { Clock } from './Clock.tsx';
import { useNavigate } from './navigation.tsx';
import { useReadAloudControl } from './read-aloud.tsx';
import { useSession } from './session.tsx';
import { Icon } from '../ui/icons/Icon.tsx';

/** The frame's top edge. It only acts on navigation, never reads the route: a tap elsewhere does not re-render it. */
export const TopBar = memo(function TopBar({ onReadAloudUnavailable }: { onReadAloudUnavailable: () => void }) {
  const { t } = useTranslation();
  const localize = useLocalized();
  const { station } = useStore();
  const { home, go } = useNavigate();
  // Five taps on the station's name within three seconds open the technician's PIN pad; one tap goes home.
  const [gesture] = useState(() => new TapGesture({ taps: 5, withinMs: 3000 }));
  const pressStation = () => (gesture.tap(Date.now()) ? go('technician') : home());
  const { language, setLanguage, elderly, setElderly } = useSession();
  const readAloud = useReadAloudControl();
  const elderlyMode = useFeature('elderly-mode');
  const readAloudOn = useFeature('read-aloud');
  return (
    <header className="topbar">
      <button type="button" className="topbar__station toolbtn" onClick={pressStation}>
        <img className="topbar__logo" src="icon.svg" alt="" />
        <span className="topbar__names">
          <span className="topbar__name">{localize(station.name)}</span>
          <span className="topbar__community">{localize(station.community)}</span>
        </span>
        <span className="visually-hidden">{t('nav.home')}</span>
      </button>
      <Clock />
      <div className="topbar__tools">
        <button type="button" className="toolbtn" lang={language === 'zh-CN' ? 'en' : 'zh-CN'} onClick={() => setLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')}>
          <span className="toolbtn__icon" aria-hidden="true"><Icon emoji="🌐" /></span>
          {t('topbar.otherLanguage')}
        </button>
        {elderlyMode ? (
          <button type="button" className="toolbtn" aria-pressed={elderly} onClick={() => setElderly(!elderly)}>
            <span className="toolbtn__icon" aria-hidden="true"><Icon emoji="👓" /></span>
            {t('topbar.elderly')}
          </button>
        ) : null}
        {readAloudOn ? (
          <button type="button" className="toolbtn" onClick={() => (readAloud.available ? readAloud.readNow() : onReadAloudUnavailable())}>
            <span className="toolbtn__icon" aria-hidden="true"><Icon emoji="🔊" /></span>
            {t('topbar.readAloud')}
          </button>
        ) : null}
      </div>
    </header>
  );
});
