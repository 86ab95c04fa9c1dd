import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';
import { isAppUrl } from './app-protocol.ts';

type Navigation = (event: { preventDefault(): void }, url: string) => void;

/** The parts of a WebContents the navigation guard needs (Electron's WebContents satisfies it). */
export interface NavigableContents {
  on(event: 'will-navigate', listener: Navigation): unknown;
  on(event: 'will-frame-navigate', listener: (event: { preventDefault(): void; url: string }) => void): unknown;
  on(event: 'will-redirect', listener: Navigation): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void;
}

/** Navigation stays inside the app's own origin; anything else (a link, a redirect, a typed URL) is refused. */
export const navigationAllowed = (url: string): boolean => isAppUrl(url);

/**
 * Locks a WebContents to the app: navigations, frame navigations and redirects away from app://kiosk are
 * cancelled, no window may open (the kiosk has exactly one, and nothing is handed to shell.openExternal),
 * and no <webview> may attach.
 */
export const guardNavigation = (contents: NavigableContents, log: (message: string) => void = () => undefined): void => {
  const refuse = (kind: string, url: string, event: { preventDefault(): void }) => {
    if (navigationAllowed(url)) return;
    event.preventDefault();
    log(`${kind} refused: ${url.slice(0, 300)}`);
  };
  contents.on('will-navigate', (event, url) => refuse('navigation', url, event));
  contents.on('will-frame-navigate', (event) => refuse('frame navigation', event.url, event));
  contents.on('will-redirect', (event, url) => refuse('redirect', url, event));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('webview refused');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`new window refused: ${url.slice(0, 300)}`);
    return { action: 'deny' };
  });
};

/** Guards every WebContents the app ever creates, not only the kiosk window's. */
export const guardAllContents = (
  app: { on(event: 'web-contents-created', listener: (event: unknown, contents: NavigableContents) => void): unknown },
  log?: (message: string) => void,
): void => {
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, log));
};
