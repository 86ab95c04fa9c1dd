import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '../../app/navigation.tsx';
import type { ScreenName } from '../../app/routes.ts';
import { useScreenSpeech } from '../../app/read-aloud.tsx';
import { useLocalized } from '../../i18n/index.ts';
import { visitStats } from '../../store/stats.ts';
import { useStore } from '../../store/StoreProvider.tsx';
import { Tile } from '../../ui/Tile.tsx';

const tiles = [
  { screen: 'checkin', icon: '✅', feature: true },
  { screen: 'services', icon: '🧰' },
  { screen: 'duty', icon: '🙋' },
  { screen: 'bills', icon: '💡' },
  { screen: 'requests', icon: '💌' },
  { screen: 'notices', icon: '📢' },
  { screen: 'amenities', icon: '☂️' },
  { screen: 'feedback', icon: '💬' },
] as const satisfies readonly { screen: Exclude<ScreenName, 'home'>; icon: string; feature?: boolean }[];

export function HomeScreen() {
  const { t } = useTranslation('home');
  const l = useLocalized();
  const { station, db } = useStore();
  const stats = useLiveQuery(() => visitStats(db, []), [db]);
  const { go } = useNavigate();
  const welcome = t('welcome', { name: l(station.name) });
  // Check-in is what most residents tap first: fetch its code while the kiosk is idle, not on the tap.
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 500));
    idle(() => void import('../checkin/CheckinScreen.tsx'));
  }, []);
  useScreenSpeech([welcome, t('lead'), ...tiles.map((tile) => t(`tiles.${tile.screen}.title`))].join('。'));
  return (
    <section className="screen" aria-labelledby="screen-title">
      <header>
        <h1 id="screen-title" className="screen__title">{welcome}</h1>
        <p className="screen__lead">{t('lead')}</p>
      </header>
      <nav className="tiles" aria-label={t('menu')}>
        {tiles.map((tile) => (
          <Tile
            key={tile.screen}
            icon={tile.icon}
            feature={'feature' in tile}
            title={t(`tiles.${tile.screen}.title`)}
            hint={t(`tiles.${tile.screen}.hint`)}
            onPress={() => go(tile.screen as 'checkin')}
          />
        ))}
      </nav>
      {stats ? <p className="muted">{t('visits', { today: stats.today, month: stats.month })}</p> : null}
      <p className="muted">{t('hours', { open: station.hours.open, close: station.hours.close, evening: `${station.eveningHour.start}–${station.eveningHour.end}` })}</p>
    </section>
  );
}
