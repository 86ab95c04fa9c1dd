import { renderToString } from 'react-dom/server';
import { KioskRoot } from '../app/KioskRoot.tsx';
import { createI18n } from '../i18n/index.ts';
import { YizhanDb } from '../store/db.ts';
import { demoStation } from '../store/demo-station.ts';
import { holdIconsUntil } from '../ui/icons/Icon.tsx';

/**
 * Home as a tablet's very first start renders it (the demo station, the default language and mode, nothing read
 * from the store yet), as HTML: the build puts it in index.html, so the screen is painted from the page itself
 * while the app's scripts load and compile (first-paint/gate.ts shows it, boot.ts hands over). Runs in Node, at build time.
 */
export const renderHomeSnapshot = (): string => {
  // The first paint draws no icon pictures (main.tsx holds them until it is done): nor does the snapshot.
  let release = (): void => undefined;
  holdIconsUntil(new Promise<void>((resolve) => (release = resolve)));
  try {
    const html = renderToString(
      <KioskRoot db={new YizhanDb()} i18n={createI18n()} firstStation={Promise.resolve(demoStation)} firstStationAtOnce={demoStation} />,
    );
    // React puts a preload before the markup for each image it renders: in a page's head, not in the app's root,
    // whose elements must be the app's (first-paint/handover.ts finds a tapped control again by its place).
    return html.replace(/^(<link [^>]*>)+/, '');
  } finally {
    release();
  }
};
