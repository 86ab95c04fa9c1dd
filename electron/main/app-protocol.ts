import type { CustomScheme, Protocol } from 'electron';
import { extname, sep } from 'node:path';
import { securityHeaders } from '../common/csp.ts';
import { findKioskFile, type KioskFiles, kioskPathSegments } from '../common/kiosk-files.ts';

export const APP_SCHEME = 'app';
/** The renderer's origin. Standard schemes need a host; ours names what is served. */
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;
/** Pages the shell draws itself (out of service). A separate origin, so the app's service worker never serves them. */
export const SERVICE_HOST = 'service';
export const SERVICE_ORIGIN = `${APP_SCHEME}://${SERVICE_HOST}`;

/**
 * Registered before `ready`. `standard` gives the scheme origins (without it IndexedDB and localStorage are
 * off), `secure` makes it a secure context, `supportFetchAPI` lets the app fetch its own files, `corsEnabled`
 * lets module scripts load. No `bypassCSP`: our own CSP applies to our own pages. No `allowServiceWorkers`:
 * in the shell the app is already on the disk, and a worker's cache would keep serving the old renderer after
 * an update replaced app.asar, against the new preload, whose contract then refuses it (the PWA keeps its worker).
 */
export const appScheme: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, allowServiceWorkers: false, corsEnabled: true, codeCache: true },
};

export const registerAppScheme = (protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void => {
  protocol.registerSchemesAsPrivileged([appScheme]);
};

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};
export const contentType = (path: string): string => types[extname(path).toLowerCase()] ?? 'application/octet-stream';

export interface AppFiles extends KioskFiles {
  readFile(path: string): Promise<Uint8Array>;
}

export interface ServicePage {
  body: string;
  csp: string;
}

export interface AppProtocolOptions {
  /** The built renderer (dist/renderer, inside app.asar when packaged). */
  root: string;
  files: AppFiles;
  /** The CSP of app:// pages; a function, because the server URL in it can change after setup. */
  csp: () => string;
  /** In-memory pages of app://service/, by path. */
  servicePages?: Record<string, ServicePage>;
  log?: (message: string) => void;
}

const respond = (status: number, body: BodyInit | null, headers: Record<string, string>, head: boolean): Response =>
  new Response(head ? null : body, { status, headers });

/**
 * The app:// handler: serves files of the built renderer and nothing else, by the rule the central server
 * serves them with too (common/kiosk-files.ts): symlinks resolved, anything that ends up outside the root
 * refused. Only GET and HEAD.
 */
export const createAppProtocolHandler = ({ root, files, csp, servicePages = {}, log = () => undefined }: AppProtocolOptions) => {
  let realRoot: Promise<string> | undefined;
  return async (request: Request): Promise<Response> => {
    const head = request.method === 'HEAD';
    const refuse = (status: number, why: string) => {
      log(`app:// ${status} ${why}: ${request.url.slice(0, 300)}`);
      return respond(status, `${status}`, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders("default-src 'none'") }, head);
    };
    if (request.method !== 'GET' && !head) return refuse(405, 'method');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return refuse(400, 'bad url');
    }
    if (url.protocol !== `${APP_SCHEME}:`) return refuse(400, 'scheme');
    if (url.host === SERVICE_HOST) {
      const page = servicePages[url.pathname];
      if (!page) return refuse(404, 'no such page');
      return respond(200, page.body, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...securityHeaders(page.csp) }, head);
    }
    if (url.host !== APP_HOST) return refuse(404, 'host');
    const segments = kioskPathSegments(url.pathname);
    if (!segments) return refuse(400, 'path');
    try {
      realRoot ??= files.realpath(root);
      const file = await findKioskFile(await realRoot, segments, files, sep);
      if (!file.found) return refuse(file.why === 'outside root' ? 403 : 404, file.why);
      const target = file.path;
      const body = await files.readFile(target);
      return respond(
        200,
        body as Uint8Array<ArrayBuffer>,
        {
          'Content-Type': contentType(target),
          'Content-Length': String(body.byteLength),
          // What is on disk is the app: after an update, the next load gets the new files.
          'Cache-Control': 'no-cache',
          ...securityHeaders(csp()),
        },
        head,
      );
    } catch {
      return refuse(404, 'missing');
    }
  };
};

export const installAppProtocol = (protocol: Pick<Protocol, 'handle'>, handler: (request: Request) => Promise<Response>): void => {
  protocol.handle(APP_SCHEME, handler);
};

/** True for URLs of the app's own origin (app://kiosk). */
export const isAppUrl = (value: string): boolean => {
  try {
    const url = new URL(value);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
};
