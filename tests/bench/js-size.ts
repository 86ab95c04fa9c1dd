import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Bench } from './support/bench.ts';
import { aim, kb, type Row } from './support/summary.ts';

const gzip = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length;

/** The module scripts and modulepreload links of index.html, as paths inside the build. */
export const htmlScripts = (html: string): { entries: string[]; preloads: string[] } => {
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`).exec(tag)?.[1];
  const clean = (href: string) => normalize(href.replace(/^\.?\//, ''));
  const entries = [...html.matchAll(/<script\b[^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => /\btype\s*=\s*["']module["']/.test(tag))
    .map((tag) => attr(tag, 'src'))
    .filter((src): src is string => Boolean(src))
    .map(clean);
  const preloads = [...html.matchAll(/<link\b[^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => /\brel\s*=\s*["']modulepreload["']/.test(tag))
    .map((tag) => attr(tag, 'href'))
    .filter((href): href is string => Boolean(href))
    .map(clean);
  return { entries, preloads };
};

/**
 * The static imports of a built chunk (`import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"`);
 * dynamic `import("./x.js")` is left out: it loads on first use, not at start.
 */
export const staticImports = (code: string): string[] =>
  [...code.matchAll(/(?:^|[;}\s])(?:import\s*(?:[\w$*{}\s,]+?\s*from\s*)?|export\s*(?:\*|\{[^}]*\})\s*from\s*)["'](\.{1,2}\/[^"']+)["']/g)].map(
    (m) => m[1] ?? '',
  );

/** Every chunk the entry needs before it runs: the entry and the closure of its static imports. */
export const initialChunks = (dir: string, entries: readonly string[]): string[] => {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of staticImports(readFileSync(join(dir, file), 'utf8'))) visit(normalize(join(dirname(file), spec)));
  };
  entries.forEach(visit);
  return [...seen];
};

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));

/** JavaScript shipped: gzip (level 9, node:zlib) of what a first start must load, and of everything. */
export const jsSize: Bench = {
  name: 'js',
  async run({ appDir }) {
    const { entries, preloads } = htmlScripts(readFileSync(join(appDir, 'index.html'), 'utf8'));
    const initial = initialChunks(appDir, entries);
    const files = filesUnder(appDir);
    const isWorker = (f: string) => /^(sw|workbox-[\w-]+)\.js$/.test(f);
    const pageJs = files.filter((f) => f.endsWith('.js') && !isWorker(f));
    const workerJs = files.filter(isWorker);
    const css = files.filter((f) => f.endsWith('.css'));
    const initialCss = [...readFileSync(join(appDir, 'index.html'), 'utf8').matchAll(/<link\b[^>]*rel=["']stylesheet["'][^>]*href=["']\.?\/?([^"']+)["']/g)].map((m) => normalize(m[1] ?? ''));
    const sum = (list: readonly string[], size: (f: string) => number) => list.reduce((s, f) => s + size(join(appDir, f)), 0);
    const raw = (file: string) => readFileSync(file).length;
    const initialGzip = sum(initial, gzip);
    const size = (label: string, list: readonly string[], extra: Partial<Row> = {}): Row => ({
      bench: 'JS shipped',
      case: label,
      n: `${list.length} files`,
      median: kb(sum(list, gzip)),
      p95: '',
      ratio: '',
      aim: '',
      ...extra,
    });
    const preloadSet = new Set([...entries, ...preloads]);
    const agree = initial.length === preloadSet.size && initial.every((f) => preloadSet.has(f));
    return {
      rows: [
        size('initial JS (entry + static imports), gzip', initial, { aim: aim('≤ 150 KB gzip', initialGzip / 1024, 150) }),
        size('all page JS (lazy screens too), gzip', pageJs),
        size('service worker JS, gzip', workerJs),
      ],
      notes: [
        `JS shipped: initial ${kb(sum(initial, raw))} before gzip (${initial.map((f) => `${f.replace(/^assets\//, '')} ${kb(gzip(join(appDir, f)))}`).join(', ')}); ` +
          `initial CSS ${kb(sum(initialCss, gzip))} gzip, all CSS ${kb(sum(css, gzip))}; ` +
          (agree ? 'index.html preloads exactly these chunks' : `index.html preloads differ: ${[...preloadSet].join(', ')}`),
      ],
    };
  },
};
