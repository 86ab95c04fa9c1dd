import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '../../app/navigation.tsx';
import { useToday } from '../../app/wall-clock.ts';
import type { ScreenName } from '../../app/routes.ts';
import type { Feature } from '@shell/config.ts';
import { useScreenSpeech } from '../../app/read-aloud.tsx';
import { useLocalized } from '../../i18n/index.ts';
import { visitStats } from '../../store/stats.ts';
import { useStore } from '../../store/StoreProvider.tsx';
import { useStationConfig } from '../../sync/SyncProvider.tsx';
import { Tile } from '../../ui/Tile.tsx';
import { NowCalling } from './NowCalling.tsx';

/** The menu, each tile with the station config's switch for it (electron/common/config.ts `features`). */
const allTiles = [
  { screen: 'checkin', icon: '✅', switch: 'check-in', feature: true },
  { screen: 'services', icon: '🧰', switch: 'services' },
  { screen: 'duty', icon: '🙋', switch: 'duty' },
  { screen: 'bills', icon: '💡', switch: 'bills' },
  { screen: 'requests', icon: '💌', switch: 'requests' },
  { screen: 'notices', icon: '📢', switch: 'notices' },
  { screen: 'amenities', icon: '☂️', switch: 'amenities' },
  { screen: 'feedback', icon: '💬', switch: 'feedback' },
] as const satisfies readonly { screen: Exclude<ScreenName, 'home'>; icon: string; switch: Feature; feature?: boolean }[];

export function HomeScreen() {
  const { t } = useTranslation('home');
  const localize = useLocalized();
  const { station, db } = useStore();
  // Counted again at local midnight as well as on every new visit: home stays up for days.
  const today = useToday();
  const stats = useLiveQuery(() => visitStats(db, []), [db, today]);
  const { go } = useNavigate();
  const features = useStationConfig()?.features;
  // A station may leave out what it does not offer (no bill referrals, no amenities to lend).
  const tiles = features ? allTiles.filter((tile) => features[tile.switch]) : allTiles;
  const welcome = t('welcome', { name: localize(station.name) });
  // Check-in is what most residents tap first: fetch its code while the kiosk is idle, not on the tap.
  useEffect(() => {
    const prefetch = () => void import('../checkin/CheckinScreen.tsx');
    if (window.requestIdleCallback) {
      const handle = window.requestIdleCallback(prefetch);
      return () => window.cancelIdleCallback(handle);
    }
    const timer = setTimeout(prefetch, 500);
    return () => clearTimeout(timer);
  }, []);
  useScreenSpeech([welcome, t('lead'), ...tiles.map((tile) => t(`tiles.${tile.screen}.title`))].join('。'));
  return (
    <section className="screen" aria-labelledby="screen-title">
      <header>
        <h1 id="screen-title" className="screen__title">{welcome}</h1>
        <p className="screen__lead">{t('lead')}</p>
      </header>
      <NowCalling />
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
      {stats ? <p className="muted">{t('visits', { today: t('visitsToday', { count: stats.today }), month: t('visitsMonth', { count: stats.month }) })}</p> : null}
      <p className="muted">{t('hours', { open: station.hours.open, close: station.hours.close, evening: `${station.eveningHour.start}–${station.eveningHour.end}` })}</p>
    </section>
  );
}
