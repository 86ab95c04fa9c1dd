import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { findKioskFile, kioskPathSegments } from '../../../electron/common/kiosk-files.ts';
import { CONSOLE_API_PREFIX, CONSOLE_PATH } from '../../protocol/console/common.ts';
import { cacheControlFor } from '../plugins/static.ts';
import { ConsoleError } from './errors.ts';

const nodeFiles = { realpath, stat };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/**
 * The console's own policy: its scripts and styles from this server only, its API on this origin, no framing
 * (a framed console could be clickjacked into a dispatch), images from itself and data: URLs (printed QR codes).
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the console's build (dist/renderer/console) at /console/: files by path, and index.html for any path
 * without an extension (the console routes in the browser), by the kiosk's rule of which file a path names
 * (electron/common/kiosk-files.ts: no traversal, no dotfiles, nothing outside the root) and its cache rule.
 * Paths under /console/api that match no route are the API's 404, never the app.
 */
export const consoleAppPlugin: FastifyPluginAsync<{ root: string }> = async (app, options) => {
  const root = await realpath(resolve(options.root)).catch(() => null);
  app.get(CONSOLE_PATH, async (_request, reply) => reply.redirect(`${CONSOLE_PATH}/`, 308));
  app.get(`${CONSOLE_PATH}/*`, async (request, reply) => {
    const path = (request.url.split('?')[0] ?? '/').slice(CONSOLE_PATH.length);
    if (`${CONSOLE_PATH}${path}`.startsWith(`${CONSOLE_API_PREFIX}/`)) throw new ConsoleError(404, 'not-found', `no route ${request.method} ${request.url.slice(0, 200)}`);
    if (!root) throw new ConsoleError(404, 'not-found', 'the console is not built (npm run build)');
    const segments = kioskPathSegments(path);
    if (!segments) throw new ConsoleError(404, 'not-found', 'no such file');
    let file = await findKioskFile(root, segments, nodeFiles, sep);
    if (!file.found && file.why !== 'outside root' && extname(segments.at(-1) ?? '') === '') file = await findKioskFile(root, ['index.html'], nodeFiles, sep);
    if (!file.found) throw new ConsoleError(404, 'not-found', 'no such file');
    return reply
      .type(TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream')
      .header('content-length', (await stat(file.path)).size)
      .header('cache-control', cacheControlFor(file.relative))
      .header('content-security-policy', CONSOLE_CSP)
      .header('x-frame-options', 'DENY')
      .header('referrer-policy', 'same-origin')
      .header('x-content-type-options', 'nosniff')
      .send(createReadStream(file.path));
  });
};
