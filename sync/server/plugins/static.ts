import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { HttpError } from '../errors.ts';

/**
 * Serves the kiosk's web build (dist/renderer) so one process shows the kiosk and its server. Read-only, no
 * directory listings, no dotfiles, nothing outside the root (after decoding and after following symlinks).
 * A path without an extension that matches no file gets index.html (the kiosk routes in the browser).
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
};

export type Resolved = { file: string; size: number } | null;

/** Maps a request path to a file under root, or null. Throws HttpError 400 for paths that cannot be decoded. */
export const resolveStaticPath = async (root: string, urlPath: string): Promise<Resolved> => {
  const segments: string[] = [];
  for (const raw of urlPath.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      throw new HttpError(400, 'bad-request', 'malformed path');
    }
    // No parent or hidden segments, no separators smuggled in encoded, no NUL.
    if (segment.startsWith('.') || segment.includes('/') || segment.includes('\\') || segment.includes('\0')) return null;
    segments.push(segment);
  }
  const candidate = resolve(root, ...segments);
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  const found = async (path: string): Promise<Resolved> => {
    try {
      const real = await realpath(path);
      if (real !== root && !real.startsWith(root + sep)) return null;
      const info = await stat(real);
      if (info.isDirectory()) return found(join(real, 'index.html'));
      return info.isFile() ? { file: real, size: info.size } : null;
    } catch {
      return null;
    }
  };
  const file = await found(candidate);
  if (file) return file;
  const last = segments.at(-1) ?? '';
  return extname(last) === '' ? found(join(root, 'index.html')) : null;
};

const cacheControl = (file: string, root: string): string =>
  file.startsWith(join(root, 'assets') + sep) ? 'public, max-age=31536000, immutable' : 'no-cache';

export const staticPlugin: FastifyPluginAsync<{ root: string }> = async (app, options) => {
  const root = await realpath(resolve(options.root));
  app.get('/*', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path === '/api' || path.startsWith('/api/')) throw new HttpError(404, 'not-found', `no route ${request.method} ${path.slice(0, 200)}`);
    const resolved = await resolveStaticPath(root, path);
    if (!resolved) throw new HttpError(404, 'not-found', 'no such file');
    return reply
      .type(TYPES[extname(resolved.file).toLowerCase()] ?? 'application/octet-stream')
      .header('content-length', resolved.size)
      .header('cache-control', cacheControl(resolved.file, root))
      .header('x-content-type-options', 'nosniff')
      .send(createReadStream(resolved.file));
  });
};
