import { APP_SCHEME } from './app-protocol.ts';

/**
 * No remote content: the page may load only the app's own files, and talk only to the station's server
 * (sync). Everything else is cancelled before it leaves the machine, CSP or not. `data:` and `blob:` stay
 * local; devtools only in development.
 */
export const requestAllowed = (value: string, allowedOrigins: readonly string[], development = false): boolean => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  switch (url.protocol) {
    case `${APP_SCHEME}:`:
    case 'data:':
    case 'blob:':
      return true;
    case 'devtools:':
      return development;
    case 'http:':
    case 'https:':
      return allowedOrigins.includes(url.origin);
    case 'ws:':
    case 'wss:':
      return allowedOrigins.includes(`${url.protocol === 'wss:' ? 'https:' : 'http:'}//${url.host}`);
    default:
      return false;
  }
};

export interface RequestFilter {
  onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void): void;
}

export const restrictNetwork = (
  webRequest: RequestFilter,
  allowedOrigins: () => readonly string[],
  { development = false, log = () => undefined }: { development?: boolean; log?: (message: string) => void } = {},
): void => {
  webRequest.onBeforeRequest((details, callback) => {
    const allowed = requestAllowed(details.url, allowedOrigins(), development);
    if (!allowed) log(`request blocked: ${details.url.slice(0, 300)}`);
    callback({ cancel: !allowed });
  });
};

/** The origins the renderer may reach: the server's, from the config. */
export const serverOrigins = (serverUrl: string | null): string[] => {
  if (!serverUrl) return [];
  try {
    return [new URL(serverUrl).origin];
  } catch {
    return [];
  }
};

export type ResponseHeaders = Record<string, string[]>;

export interface HeaderFilter {
  onHeadersReceived(
    listener: (details: { url: string; responseHeaders?: ResponseHeaders }, callback: (response: { responseHeaders?: ResponseHeaders }) => void) => void,
  ): void;
}

const hasCsp = (headers: ResponseHeaders) => Object.keys(headers).some((name) => name.toLowerCase() === 'content-security-policy');

/**
 * The app's CSP on every network response that has none. webRequest sees only the network schemes (http, https,
 * ws, file), never app://: the app's own pages and the out-of-service page get their CSP from the app://
 * handler itself (app-protocol.ts), and this never runs for them. What it covers is any document that comes
 * over the network, which navigation.ts and restrictNetwork already refuse: a second line, not the first.
 */
export const enforceCsp = (webRequest: HeaderFilter, policy: () => string): void => {
  webRequest.onHeadersReceived((details, callback) => {
    const headers = details.responseHeaders ?? {};
    if (hasCsp(headers)) {
      callback({ responseHeaders: headers });
      return;
    }
    const csp = policy();
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [csp] } });
  });
};
