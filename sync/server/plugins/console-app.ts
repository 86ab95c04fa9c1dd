import { createReadStream } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { extname, relative, resolve, sep } from 'node:path';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { CONSOLE_API_PREFIX, CONSOLE_PATH } from '../../protocol/console/common.ts';
import { consoleContentSecurityPolicy } from '../console-csp.ts';
import { HttpError } from '../errors.ts';
import { resolveStaticPath } from './static.ts';

/** What the console's build holds (vite.console.config.ts: scripts, styles, the page; charts are SVG drawn in it). */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

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

/**
 * Serves the community console (the build in <KIOSK_DIR>/console) at /console. The console routes in the
 * browser with real paths, so any path under /console without a file extension gets its index.html; assets are
 * named by content and cached for good, the page is revalidated. /console/api belongs to the API: a path there
 * that no route took is a JSON 404, never the page. Which file a path names follows the kiosk's static rule
 * (static.ts: no traversal, no dotfiles, nothing outside the root after symlinks).
 */
export const consoleAppPlugin: FastifyPluginAsync<{ root: string }> = async (app, options) => {
  const root = await realpath(resolve(options.root));
  const headers = consoleHeaders();
  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? CONSOLE_PATH;
    if (path === CONSOLE_API_PREFIX || path.startsWith(`${CONSOLE_API_PREFIX}/`)) throw new HttpError(404, 'not-found', `no route ${request.method} ${path.slice(0, 200)}`);
    // The console's addresses are relative to /console/: the bare prefix gets the slash.
    if (path === CONSOLE_PATH) return reply.headers(headers).redirect(`${CONSOLE_PATH}/`, 308);
    const resolved = await resolveStaticPath(root, path.slice(CONSOLE_PATH.length));
    if (!resolved) throw new HttpError(404, 'not-found', 'no such file');
    const inRoot = relative(root, resolved.file).split(sep).join('/');
    return reply
      .headers(headers)
      .type(TYPES[extname(resolved.file).toLowerCase()] ?? 'application/octet-stream')
      .header('content-length', resolved.size)
      .header('cache-control', inRoot.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache')
      .send(createReadStream(resolved.file));
  };
  app.get(CONSOLE_PATH, serve);
  app.get(`${CONSOLE_PATH}/*`, serve);
};
