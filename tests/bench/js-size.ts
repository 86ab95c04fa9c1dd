import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Bench } from './support/bench.ts';
import { aim, kb, type Row } from './support/summary.ts';

const gzip = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length;

/**
 * The module scripts and modulepreload links of index.html, as paths inside the build. `base` is the build's
 * base path: the kiosk's is relative ('./'), the console's absolute ('/console/'). The kiosk's module script is its
 * boot (first-paint/boot.ts), which names the app's entry (data-app) and its chunks (data-preload), loaded just
 * after the first paint, beside a classic script (the gate): a start loads those too.
 */
export const htmlScripts = (html: string, base = './'): { entries: string[]; preloads: string[] } => {
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`).exec(tag)?.[1];
  const clean = (href: string) => normalize(href.startsWith(base) ? href.slice(base.length) : href.replace(/^\.?\//, ''));
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
  const modules = scripts.filter((tag) => /\btype\s*=\s*["']module["']/.test(tag));
  // The kiosk's gate (first-paint/gate.ts) is a classic script, run as the page is parsed: loaded at start too.
  const entries = scripts
    .flatMap((tag) => [attr(tag, 'src'), attr(tag, 'data-app')])
    .filter((src): src is string => Boolean(src))
    .map(clean);
  const bootPreloads = modules.flatMap((tag) => (attr(tag, 'data-preload') ?? '').split(' ').filter(Boolean));
  const preloads = [...html.matchAll(/<link\b[^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => /\brel\s*=\s*["']modulepreload["']/.test(tag))
    .map((tag) => attr(tag, 'href'))
    .filter((href): href is string => Boolean(href))
    .concat(bootPreloads)
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

/** The community console is built into the kiosk's build folder (vite.console.config.ts), under console/. */
const CONSOLE_DIR = 'console';

const sizeOf = (appDir: string, base: string, skip: (file: string) => boolean) => {
  const html = readFileSync(join(appDir, 'index.html'), 'utf8');
  const { entries, preloads } = htmlScripts(html, base);
  const initial = initialChunks(appDir, entries);
  const files = filesUnder(appDir).filter((f) => !skip(f));
  const isWorker = (f: string) => /^(sw|workbox-[\w-]+)\.js$/.test(f);
  const preloadSet = new Set([...entries, ...preloads]);
  return {
    initial,
    pageJs: files.filter((f) => f.endsWith('.js') && !isWorker(f)),
    workerJs: files.filter(isWorker),
    css: files.filter((f) => f.endsWith('.css')),
    initialCss: [...html.matchAll(/<link\b[^>]*rel=["']stylesheet["'][^>]*href=["']([^"']+)["']/g)].map((m) => normalize((m[1] ?? '').startsWith(base) ? (m[1] ?? '').slice(base.length) : (m[1] ?? '').replace(/^\.?\//, ''))),
    agree: initial.length === preloadSet.size && initial.every((f) => preloadSet.has(f)),
    preloads: [...preloadSet],
  };
};

/** JavaScript shipped: gzip (level 9, node:zlib) of what a first start must load, and of everything; the kiosk's and the console's. */
export const jsSize: Bench = {
  name: 'js',
  async run({ appDir }) {
    const kiosk = sizeOf(appDir, './', (f) => f.startsWith(`${CONSOLE_DIR}/`));
    const sum = (dir: string, list: readonly string[], size: (f: string) => number) => list.reduce((s, f) => s + size(join(dir, f)), 0);
    const raw = (file: string) => readFileSync(file).length;
    const initialGzip = sum(appDir, kiosk.initial, gzip);
    const size = (dir: string, label: string, list: readonly string[], extra: Partial<Row> = {}): Row => ({
      bench: 'JS shipped',
      case: label,
      n: `${list.length} files`,
      median: kb(sum(dir, list, gzip)),
      p95: '',
      ratio: '',
      aim: '',
      ...extra,
    });
    const rows = [
      size(appDir, 'initial JS (entry + static imports), gzip', kiosk.initial, { aim: aim('≤ 150 KB gzip', initialGzip / 1024, 150) }),
      size(appDir, 'all page JS (lazy screens too), gzip', kiosk.pageJs),
      size(appDir, 'service worker JS, gzip', kiosk.workerJs),
    ];
    const notes = [
      `JS shipped: initial ${kb(sum(appDir, kiosk.initial, raw))} before gzip (${kiosk.initial.map((f) => `${f.replace(/^assets\//, '')} ${kb(gzip(join(appDir, f)))}`).join(', ')}); ` +
        `initial CSS ${kb(sum(appDir, kiosk.initialCss, gzip))} gzip, all CSS ${kb(sum(appDir, kiosk.css, gzip))}; ` +
        (kiosk.agree ? 'index.html preloads exactly these chunks' : `index.html preloads differ: ${kiosk.preloads.join(', ')}`),
    ];
    const consoleDir = join(appDir, CONSOLE_DIR);
    if (existsSync(join(consoleDir, 'index.html'))) {
      const staff = sizeOf(consoleDir, `/${CONSOLE_DIR}/`, () => false);
      // ECharts is a chunk of its own (vite.console.config.ts), loaded when a report is first opened.
      const charts = staff.pageJs.filter((f) => /^assets\/echarts-[\w-]+\.js$/.test(f));
      rows.push(
        size(consoleDir, 'console: initial JS (sign-in, shell), gzip', staff.initial),
        size(consoleDir, 'console: all page JS, gzip', staff.pageJs),
        size(consoleDir, 'console: the ECharts chunk (reports only), gzip', charts),
      );
      notes.push(
        `console JS: initial ${kb(sum(consoleDir, staff.initial, raw))} before gzip (${staff.initial.map((f) => `${f.replace(/^assets\//, '')} ${kb(gzip(join(consoleDir, f)))}`).join(', ')}); ` +
          `initial CSS ${kb(sum(consoleDir, staff.initialCss, gzip))} gzip; ` +
          (staff.agree ? 'console/index.html preloads exactly these chunks' : `console/index.html preloads differ: ${staff.preloads.join(', ')}`),
      );
    } else {
      notes.push(`console: no build under ${consoleDir}`);
    }
    return { rows, notes };
  },
};
