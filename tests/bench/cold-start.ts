import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type Bench, envInt } from './support/bench.ts';
import { CPU_THROTTLE, cpuThrottle, explained, kioskContext, watchErrors } from './support/chromium.ts';
import { serve } from './support/serve.ts';
import { aim, median, percentile, ratio, type Row, timingRow } from './support/summary.ts';
import { offlineStationConfig } from '../support/offline-station.ts';

interface HomeTiming {
  /** performance.now() (from navigation start) when the home heading and a laid-out tile were in the DOM. */
  seen: number;
  /** The end of the frame that painted them: the home screen can take a tap from here on. */
  painted: number;
  fcp: number | null;
  controlled: boolean;
}

/**
 * Runs in every document before the app's scripts: watches the DOM for the home screen (a heading and a tile
 * in <main>, as a resident sees it) and records when the frame that shows it has been painted.
 */
const watchHome = () => {
  const w = window as unknown as { __benchHome?: Promise<unknown> };
  w.__benchHome = new Promise((resolve) => {
    const ready = () => {
      const tile = document.querySelector('main nav button');
      if (!tile || !document.querySelector('main h1')) return false;
      const box = tile.getBoundingClientRect();
      return box.width > 0 && box.height > 0;
    };
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      observer.disconnect();
      const seen = performance.now();
      // rAF runs just before the frame is painted; a message posted from it is handled just after.
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ seen, painted: performance.now(), controlled: Boolean(navigator.serviceWorker?.controller) });
        channel.port2.postMessage(null);
      });
    });
    observer.observe(document, { childList: true, subtree: true });
  });
};

const homeTiming = async (page: Page): Promise<HomeTiming> => {
  const home = await page.evaluate(() => {
    const w = window as unknown as { __benchHome?: Promise<Omit<HomeTiming, 'fcp'>> };
    if (!w.__benchHome) throw new Error('the home watcher did not run');
    return Promise.race([w.__benchHome, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no home screen after 30 s')), 30_000))]);
  });
  // Paint timing is reported after the frame is presented: ask for it once home is up, waiting a little for it.
  const fcp = await page.evaluate(
    () =>
      new Promise<number | null>((resolve) => {
        const observer = new PerformanceObserver((list) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (entry) {
            observer.disconnect();
            resolve(entry.startTime);
          }
        });
        observer.observe({ type: 'paint', buffered: true });
        setTimeout(() => {
          observer.disconnect();
          resolve(null);
        }, 2000);
      }),
  );
  return { ...home, fcp };
};

/** One start of each kind, in a new browser context: the first (empty storage) and, after a reload, a later one. */
const startTwice = async (browser: Browser, url: string): Promise<{ first: HomeTiming; later: HomeTiming; errors: string[] }> => {
  const context = await kioskContext(browser, 'allow');
  try {
    await context.addInitScript(watchHome);
    const page = await context.newPage();
    const pageErrors = watchErrors(page);
    await (await cpuThrottle(page))(CPU_THROTTLE);
    const [first, later] = await explained(pageErrors, async () => {
      await page.goto(url, { waitUntil: 'commit' });
      const cold = await homeTiming(page);
      // Let the first start finish what it does after home is up (seed, precache, persist request) before reloading.
      await page.evaluate(() =>
        Promise.race([navigator.serviceWorker?.ready, new Promise((resolve) => setTimeout(resolve, 15_000))]),
      );
      await page.waitForTimeout(300);
      await page.reload({ waitUntil: 'commit' });
      return [cold, await homeTiming(page)] as const;
    });
    return { first, later, errors: pageErrors() };
  } finally {
    await context.close();
  }
};

/**
 * The floor under any start of this home: the painted home of a first start, saved as a page with no script
 * (its stylesheet kept), so a start's time can be read against what the browser alone takes to
 * lay out and paint the same screen on this machine, in this run.
 */
const staticHome = async (browser: Browser, url: string, appDir: string): Promise<{ dir: string; remove(): void }> => {
  const context = await kioskContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('main nav button').first().waitFor();
    const html = await page.evaluate(() => {
      for (const element of document.querySelectorAll('script, link[rel="modulepreload"]')) element.remove();
      // The kiosk draws the icons' pictures after its first paint (ui/icons/Icon.tsx): so does the floor.
      for (const icon of document.querySelectorAll('img.icon')) icon.removeAttribute('src');
      return `<!doctype html>${document.documentElement.outerHTML}`;
    });
    const dir = mkdtempSync(join(tmpdir(), 'yizhan-bench-floor-'));
    cpSync(appDir, dir, { recursive: true });
    rmSync(join(dir, 'sw.js'), { force: true });
    writeFileSync(join(dir, 'index.html'), html);
    return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
  } finally {
    await context.close();
  }
};

/** One start of the static home in a new context: no script, so no service worker to wait for. */
const startStatic = async (browser: Browser, url: string): Promise<HomeTiming> => {
  const context = await kioskContext(browser);
  try {
    await context.addInitScript(watchHome);
    const page = await context.newPage();
    await (await cpuThrottle(page))(CPU_THROTTLE);
    await page.goto(url, { waitUntil: 'commit' });
    return await homeTiming(page);
  } finally {
    await context.close();
  }
};

interface Build {
  name: string;
  url: string;
  first: HomeTiming[];
  later: HomeTiming[];
}

/**
 * Cold start to an interactive home screen. Each run opens a new browser context (empty IndexedDB, HTTP cache
 * and service worker: the kiosk's very first start, which also seeds the demo data), then reloads it once the
 * service worker is ready (every later start: data in IndexedDB, app served from the precache).
 * BENCH_COLD_BASELINE=dir also measures another build of the app (say, main's, to compare a change against),
 * run for run alternating with this one, so both see the same machine; its rows carry the ratio.
 */
export const coldStart: Bench = {
  name: 'cold',
  async run({ browser, appUrl, appDir, log }) {
    const runs = envInt('BENCH_COLD_RUNS', 15);
    const baselineDir = process.env.BENCH_COLD_BASELINE;
    const baselineServer = baselineDir ? await serve(baselineDir, [offlineStationConfig()]) : null;
    const floorDir = await staticHome(browser, appUrl, appDir);
    const floorServer = await serve(floorDir.dir);
    const floor: HomeTiming[] = [];
    const builds: Build[] = [{ name: 'this build', url: appUrl, first: [], later: [] }];
    if (baselineServer) builds.push({ name: `baseline ${baselineDir}`, url: baselineServer.url, first: [], later: [] });
    const errors: string[] = [];
    try {
      // One run more than recorded: the first warms the OS file cache and Chromium's shared processes.
      for (let run = 0; run <= runs; run++) {
        const order = run % 2 ? [...builds].reverse() : builds;
        for (const build of order) {
          const { first, later, errors: seen } = await startTwice(browser, build.url);
          if (run > 0) {
            build.first.push(first);
            build.later.push(later);
          }
          errors.push(...seen);
        }
        const staticStart = await startStatic(browser, floorServer.url);
        if (run > 0) floor.push(staticStart);
        if (run > 0 && run % 5 === 0) log(`cold start: ${run}/${runs}`);
      }
    } finally {
      await baselineServer?.close();
      await floorServer.close();
      floorDir.remove();
    }
    const painted = (xs: HomeTiming[]) => xs.map((x) => x.painted);
    const fcp = (xs: HomeTiming[]) => xs.map((x) => x.fcp).filter((x): x is number => x !== null);
    const target = (xs: HomeTiming[]) => aim('≤ 1000 ms', percentile(painted(xs), 95), 1000);
    const [current, baseline] = builds as [Build, Build | undefined];
    const rows: Row[] = [];
    for (const build of builds) {
      const suffix = build === current ? '' : ` (${build.name})`;
      const against = (mine: HomeTiming[], theirs: HomeTiming[]) =>
        baseline && build === current ? ratio(painted(mine), painted(theirs), 'baseline') : '';
      rows.push(
        timingRow('cold start', `first start, empty storage → home painted${suffix}`, painted(build.first), {
          aim: target(build.first),
          ratio: against(build.first, baseline?.first ?? []),
        }),
        timingRow('cold start', `later start, warm reload → home painted${suffix}`, painted(build.later), {
          aim: target(build.later),
          ratio: against(build.later, baseline?.later ?? []),
        }),
      );
    }
    rows.push(timingRow('cold start', 'floor: the same home as a page with no script → painted', painted(floor)));
    rows[0] = { ...rows[0]!, ratio: [rows[0]!.ratio, ratio(painted(current.first), painted(floor), 'floor')].filter(Boolean).join('; ') };
    return {
      rows,
      notes: [
        `cold start: from navigation start, ${CPU_THROTTLE}× CPU; first contentful paint median ${Math.round(median(fcp(current.first)))} ms (first start), ` +
          `${Math.round(median(fcp(current.later)))} ms (later start); home DOM→painted adds ${Math.round(median(current.first.map((x) => x.painted - x.seen)))} ms; ` +
          `later starts served by the service worker: ${current.later.filter((x) => x.controlled).length}/${current.later.length}` +
          (baseline ? `; the baseline's runs alternate with this build's, in the same browser` : '') +
          (errors.length ? `; PAGE ERRORS: ${[...new Set(errors)].join(' | ')}` : ''),
      ],
    };
  },
};
