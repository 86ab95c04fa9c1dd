import type { App } from 'electron';

export type SingleInstanceApp = Pick<App, 'requestSingleInstanceLock' | 'quit'> & {
  on(event: 'second-instance', listener: () => void): unknown;
};

/**
 * One kiosk per tablet: a second launch (a double-clicked icon, an autostart racing a service) quits at once
 * and brings the running kiosk to the front instead. Returns false in the instance that must quit.
 */
export const claimSingleInstance = (app: SingleInstanceApp, bringToFront: () => void): boolean => {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', bringToFront);
  return true;
};
