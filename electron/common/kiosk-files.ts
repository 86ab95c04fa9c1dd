/**
 * The one rule for which file of the kiosk's web build a URL path names, shared by everything that serves the
 * build: the shell's app:// handler (electron/main/app-protocol.ts) and the central server
 * (sync/server/plugins/static.ts). Pure: the filesystem (realpath, stat) and its separator come in as
 * parameters, so the rule is the same under the shell's Node and the server's, and is tested once.
 */

/**
 * A URL path as segments under the root, or null for anything that is not a plain relative path: `..` and `.`
 * (also percent-encoded), dotfiles, backslashes, NUL, drive letters and alternate data streams (`:`), encoded
 * slashes, empty segments, padding spaces, and any `%` left after one decoding (double encoding). The root
 * itself is index.html.
 */
export const kioskPathSegments = (pathname: string): string[] | null => {
  if (!pathname.startsWith('/')) return null;
  const raw = pathname.slice(1);
  if (raw === '') return ['index.html'];
  const segments: string[] = [];
  for (const part of raw.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(part);
    } catch {
      return null;
    }
    if (segment === '' || segment.startsWith('.') || /[/\\\0:%]/.test(segment) || segment.trim() !== segment) return null;
    segments.push(segment);
  }
  return segments;
};

/** True when `child` is `root` itself or inside it; both resolved (real) paths written with `separator`. */
export const isInside = (root: string, child: string, separator: string): boolean =>
  child === root || child.startsWith(root.endsWith(separator) ? root : root + separator);

export interface KioskFiles {
  realpath(path: string): Promise<string>;
  stat(path: string): Promise<{ isFile(): boolean }>;
}

export type KioskFile =
  /** `path`: the real path; `relative`: the same under the root, `/`-separated (what a URL or a send() takes). */
  | { found: true; path: string; relative: string }
  | { found: false; why: 'missing' | 'not a file' | 'outside root' };

/**
 * The file `segments` (from kioskPathSegments) names under `root`, a real path, once every symlink is followed:
 * a link that leads out of the root is refused like a path that does.
 */
export const findKioskFile = async (root: string, segments: readonly string[], files: KioskFiles, separator: string): Promise<KioskFile> => {
  let target: string;
  try {
    target = await files.realpath([root, ...segments].join(separator));
  } catch {
    return { found: false, why: 'missing' };
  }
  if (!isInside(root, target, separator)) return { found: false, why: 'outside root' };
  try {
    if (!(await files.stat(target)).isFile()) return { found: false, why: 'not a file' };
  } catch {
    return { found: false, why: 'missing' };
  }
  const relative = target.slice(root.length).split(separator).filter((part) => part !== '').join('/');
  return { found: true, path: target, relative };
};
