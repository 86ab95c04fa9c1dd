import fastifyStatic from '@fastify/static';
import { realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { ANY_CENTRE, contentSecurityPolicy, securityHeaders } from '../../../electron/common/csp.ts';
import { findKioskFile, kioskPathSegments } from '../../../electron/common/kiosk-files.ts';
import { HttpError } from '../errors.ts';

/** Vite names what it emits under assets/ by content hash: a changed file is a new URL, so these never go stale. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * What a cache may do with a file of the build. Everything outside assets/ keeps its name across releases
 * (index.html, sw.js, workbox-*.js, manifest.webmanifest, station-config.json, the icon): a browser or proxy
 * revalidates it on every use (ETag, 304), so a new release is never hidden behind an old index or worker.
 */
export const cacheControlFor = (relative: string): string => (relative.startsWith('assets/') ? IMMUTABLE : 'no-cache');

const nodeFiles = { realpath, stat };

/**
 * Serves the kiosk's web build (dist/renderer) so one process shows the kiosk and its server. Which file a path
 * names is the shell's rule too (electron/common/kiosk-files.ts: no traversal, no dotfiles, nothing outside the
 * root after following symlinks); a path without an extension that names no file gets index.html (the kiosk
 * routes in the browser). @fastify/static sends it: the build's .br or .gz copy when the browser accepts it
 * (sync/server/precompress.ts writes them at build time), ETag and Last-Modified for revalidation, HEAD, ranges.
 * Every answer carries the shell's CSP (any centre the config accepts, no framing) and its other security headers.
 */
export const staticPlugin: FastifyPluginAsync<{ root: string }> = async (app, options) => {
  const root = await realpath(resolve(options.root));
  const headers = securityHeaders(contentSecurityPolicy({ sources: ANY_CENTRE }));
  await app.register(fastifyStatic, { root, serve: false, preCompressed: true, cacheControl: false, index: false, dotfiles: 'deny' });

  app.get('/*', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path === '/api' || path.startsWith('/api/')) throw new HttpError(404, 'not-found', `no route ${request.method} ${path.slice(0, 200)}`);
    const segments = kioskPathSegments(path);
    if (!segments) throw new HttpError(404, 'not-found', 'no such file');
    let file = await findKioskFile(root, segments, nodeFiles, sep);
    if (!file.found && file.why !== 'outside root' && extname(segments.at(-1) ?? '') === '') file = await findKioskFile(root, ['index.html'], nodeFiles, sep);
    if (!file.found) throw new HttpError(404, 'not-found', 'no such file');
    return reply
      .headers(headers)
      .header('cache-control', cacheControlFor(file.relative))
      .header('vary', 'Accept-Encoding')
      .sendFile(file.relative);
  });
};
