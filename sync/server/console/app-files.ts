import fastifyStatic from '@fastify/static';
import { realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { findKioskFile, kioskPathSegments } from '../../../electron/common/kiosk-files.ts';
import { CONSOLE_API_PREFIX, CONSOLE_PATH } from '../../protocol/console/common.ts';
import { consoleContentSecurityPolicy } from '../console-csp.ts';
import { cacheControlFor } from '../plugins/static.ts';
import { ConsoleError } from './errors.ts';

/** Every answer of the console app: its own strict CSP (only this server, nothing inline), no framing, no referrer. */
export const consoleHeaders = (): Record<string, string> => ({
  'content-security-policy': consoleContentSecurityPolicy(),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), payment=()',
});

const nodeFiles = { realpath, stat };

/**
 * Serves the console's build (<KIOSK_DIR>/console) at /console/, as the kiosk's is served (plugins/static.ts):
 * the same rule for which file a path names (no traversal, no dotfiles, nothing outside the root after symlinks),
 * the build's precompressed copies, hashed assets cached for good. Any path without an extension gets index.html
 * (the console routes in the browser). Paths under /console/api that no route took are the API's 404, never the
 * page.
 */
export const consoleAppPlugin: FastifyPluginAsync<{ root: string }> = async (app, options) => {
  const root = await realpath(resolve(options.root)).catch(() => null);
  const headers = consoleHeaders();
  if (root) await app.register(fastifyStatic, { root, serve: false, preCompressed: true, cacheControl: false, index: false, dotfiles: 'deny' });

  app.get(CONSOLE_PATH, async (_request, reply) => reply.headers(headers).redirect(`${CONSOLE_PATH}/`, 308));
  app.get(`${CONSOLE_PATH}/*`, async (request, reply) => {
    const path = request.url.split('?')[0] ?? CONSOLE_PATH;
    if (path === CONSOLE_API_PREFIX || path.startsWith(`${CONSOLE_API_PREFIX}/`)) throw new ConsoleError(404, 'not-found', `no route ${request.method} ${path.slice(0, 200)}`);
    if (!root) throw new ConsoleError(404, 'not-found', 'the console is not built (npm run build)');
    const segments = kioskPathSegments(path.slice(CONSOLE_PATH.length));
    if (!segments) throw new ConsoleError(404, 'not-found', 'no such file');
    let file = await findKioskFile(root, segments, nodeFiles, sep);
    if (!file.found && file.why !== 'outside root' && extname(segments.at(-1) ?? '') === '') file = await findKioskFile(root, ['index.html'], nodeFiles, sep);
    if (!file.found) throw new ConsoleError(404, 'not-found', 'no such file');
    return reply.headers(headers).header('cache-control', cacheControlFor(file.relative)).header('vary', 'Accept-Encoding').sendFile(file.relative);
  });
};
