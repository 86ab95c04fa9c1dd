import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ReactNode, useEffect, useRef } from 'react';
import { I18nextProvider } from 'react-i18next';
import demo from '../../assets/demo/catalogue.json';
import { NavigationProvider } from '../../renderer/src/app/navigation.tsx';
import { ReadAloudProvider } from '../../renderer/src/app/read-aloud.tsx';
import type { Route } from '../../renderer/src/app/routes.ts';
import { screens } from '../../renderer/src/app/screens.ts';
import { SessionProvider } from '../../renderer/src/app/session.tsx';
import { createI18n, type Language } from '../../renderer/src/i18n/index.ts';
import type { Speech } from '../../renderer/src/platform/speech.ts';
import { YizhanDb } from '../../renderer/src/store/db.ts';
import { rebaseDemoDates, replaceCentreData, writeDemoCredentials } from '../../renderer/src/store/seed.ts';
import { StoreProvider } from '../../renderer/src/store/StoreProvider.tsx';
import { catalogueSchema } from '../../sync/protocol/catalogue.ts';
import { useNavigation } from '../../renderer/src/app/navigation.tsx';
import { StationConfigContext } from '../../renderer/src/sync/SyncProvider.tsx';
import type { PublicConfig } from '../../electron/common/bridge.ts';
import { defaultFeatures } from '../../electron/common/config.ts';

let dbCounter = 0;

/** A fresh, uniquely named database (fake-indexeddb in units) seeded with the shipped demo data and credentials. */
export const freshDb = async (now = new Date()): Promise<YizhanDb> => {
  dbCounter += 1;
  const db = new YizhanDb(`test-${Date.now()}-${dbCounter}`);
  await replaceCentreData(db, rebaseDemoDates(catalogueSchema.parse(demo), now));
  await writeDemoCredentials(db);
  return db;
};

/** The station config of a browser kiosk that nothing provisions: the demo, where the demo volunteers sign in. */
export const unprovisionedKiosk: PublicConfig = {
  shell: 'web',
  provisioned: false,
  stationId: null,
  stationName: null,
  serverUrl: null,
  enrolmentCode: null,
  locale: 'zh-CN',
  idle: {},
  features: defaultFeatures,
  technicianPinSet: true,
  sources: ['default'],
  problems: [],
};

/** A speech engine that records what it was asked to say. */
export const recordingSpeech = (available = true): Speech & { spoken: string[] } => {
  const spoken: string[] = [];
  return { spoken, available: () => available, speak: (text) => void spoken.push(text), stop: () => undefined };
};

function CurrentScreen() {
  const { route } = useNavigation();
  const Screen = screens[route.screen];
  return <Screen />;
}

/** Where the screen under test navigated to, for assertions. */
export const routeProbe: { current?: Route } = {};
function RouteProbe() {
  routeProbe.current = useNavigation().route;
  return null;
}

/**
 * Renders one screen inside every provider the kiosk has, at the given route, with a real (fake-indexeddb)
 * store. Lazy screens resolve asynchronously: use findBy* queries for the first look.
 */
export const renderScreen = async (
  route: Route,
  options: { db?: YizhanDb; language?: Language; speech?: Speech; extra?: ReactNode; station?: PublicConfig | null } = {},
) => {
  const db = options.db ?? (await freshDb());
  const i18n = createI18n(options.language ?? 'zh-CN');
  const speech = options.speech ?? recordingSpeech();
  const user = userEvent.setup();
  const home: Route = { screen: 'home', params: undefined };
  const view = render(
    <I18nextProvider i18n={i18n}>
      <StationConfigContext value={options.station ?? null}>
        <StoreProvider db={db} fallback={<p>loading</p>}>
          <SessionProvider defaultLanguage={options.language ?? 'zh-CN'}>
            <ReadAloudProvider language={options.language ?? 'zh-CN'} speech={speech}>
              <NavigationProvider initial={home}>
                <Navigate to={route} />
                <RouteProbe />
                <CurrentScreen />
                {options.extra}
              </NavigationProvider>
            </ReadAloudProvider>
          </SessionProvider>
        </StoreProvider>
      </StationConfigContext>
    </I18nextProvider>,
  );
  return { ...view, db, user, i18n, speech };
};

/** Pushes the route on top of home once, so "back" and "home" behave as they do in the kiosk. */
function Navigate({ to }: { to: Route }) {
  const { go } = useNavigation();
  const done = useRef(false);
  useEffect(() => {
    if (done.current || to.screen === 'home') return;
    done.current = true;
    (go as (s: string, p?: unknown) => void)(to.screen, to.params);
  }, [go, to]);
  return null;
}
