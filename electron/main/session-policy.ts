import type { Protocol, Session } from 'electron';
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { createAppProtocolHandler, installAppProtocol } from './app-protocol.ts';
import { contentSecurityPolicy } from '../common/csp.ts';
import type { Logger } from './log.ts';
import { enforceCsp, type HeaderFilter, type RequestFilter, restrictNetwork, serverOrigins } from './network.ts';
import { servicePages } from './out-of-service.ts';
import { lockDownPermissions, type PermissionSession } from './permissions.ts';

export type ShellSession = PermissionSession & Pick<Session, 'flushStorageData' | 'clearStorageData'> & { webRequest: RequestFilter & HeaderFilter };

/**
 * What a service worker may have left behind: its registration and its caches. Never anything else of the
 * session: IndexedDB and localStorage hold the station's records.
 */
export const SERVICE_WORKER_STORAGES = ['serviceworkers', 'cachestorage'] as const;

export interface SessionPolicyOptions {
  /** The folder holding renderer/ (app.asar when packaged). */
  appDir: string;
  /** The station's server, the one origin the app may talk to; read at each request (a setup may change it). */
  serverUrl: () => string | null;
  production: boolean;
  log: Logger;
}

/**
 * The default session as the kiosk needs it, after `ready` and before the window loads anything: every
 * permission refused, the network limited to the station's server, the app served from app://kiosk under its
 * CSP, and no service worker left over from a release that registered one.
 */
export const secureSession = async (protocol: Pick<Protocol, 'handle'>, session: ShellSession, options: SessionPolicyOptions): Promise<void> => {
  const { log } = options;
  lockDownPermissions(session, log.warn);
  restrictNetwork(session.webRequest, () => serverOrigins(options.serverUrl()), { development: !options.production, log: log.warn });
  const csp = () => contentSecurityPolicy({ connect: serverOrigins(options.serverUrl()) });
  enforceCsp(session.webRequest, csp);
  installAppProtocol(
    protocol,
    createAppProtocolHandler({
      root: join(options.appDir, 'renderer'),
      files: { realpath: (p) => fsp.realpath(p), stat: (p) => fsp.stat(p), readFile: (p) => fsp.readFile(p) },
      csp,
      servicePages,
      log: log.warn,
    }),
  );
  try {
    await session.clearStorageData({ storages: [...SERVICE_WORKER_STORAGES] });
  } catch (error) {
    log.warn(`could not clear service workers: ${String(error)}`);
  }
};
