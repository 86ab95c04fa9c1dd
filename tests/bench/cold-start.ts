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
  /** The end of the frame that painted them. */
  painted: number;
  /**
   * The end of the first frame in which the app's own home was up: a tap is answered from here on. A first start
   * paints home from index.html before the app runs (first-paint/gate.ts); a tap on that is held until now.
   * Null for the floor's page, which has no app.
   */
  live: number | null;
  fcp: number | null;
  controlled: boolean;
}

/**
 * Runs in every document before the app's scripts: watches the DOM for the home screen (a heading and a tile
 * in <main>, as a resident sees it) and records when the frame that shows it has been painted, then when the
 * frame that shows the app's own home (React's, which answers a tap) has.
 */
const watchHome = () => {
  const w = window as unknown as { __benchHome?: Promise<unknown>; __benchLive?: Promise<number> };
  const afterFrame = (then: (at: number) => void) =>
    // rAF runs just before the frame is painted; a message posted from it is handled just after.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => then(performance.now());
      channel.port2.postMessage(null);
    });
  const when = (ready: () => boolean) =>
    new Promise<number>((resolve) => {
      const check = () => {
        if (!ready()) return false;
        observer.disconnect();
        resolve(performance.now());
        return true;
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
      check();
    });
  const tile = () => {
    const element = document.querySelector('main nav button');
    if (!element || !document.querySelector('main h1')) return null;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 ? element : null;
  };
  const seen = when(() => tile() !== null);
  w.__benchHome = seen.then(
    (at) => new Promise((resolve) => afterFrame((painted) => resolve({ seen: at, painted, controlled: Boolean(navigator.serviceWorker?.controller) }))),
  );
  // React keeps its props on the elements it made: the snapshot's tiles have none.
  const live = () => Object.keys(tile() ?? {}).some((key) => key.startsWith('__reactProps'));
  w.__benchLive = seen.then(() => when(live)).then(() => new Promise<number>((resolve) => afterFrame(resolve)));
};

const homeTiming = async (page: Page, app = true): Promise<HomeTiming> => {
  const home = await page.evaluate(async (app) => {
    const w = window as unknown as { __benchHome?: Promise<Omit<HomeTiming, 'fcp' | 'live'>>; __benchLive?: Promise<number> };
    if (!w.__benchHome || !w.__benchLive) throw new Error('the home watcher did not run');
    const within = <T,>(promise: Promise<T>, what: string) =>
      Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} after 30 s`)), 30_000))]);
    const painted = await within(w.__benchHome, 'no home screen');
    return { ...painted, live: app ? await within(w.__benchLive, 'no live home screen') : null };
  }, app);
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
    return await homeTiming(page, false);
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
    const live = (xs: HomeTiming[]) => xs.map((x) => x.live ?? Number.NaN);
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
        timingRow('cold start', `first start → the app's home takes a tap${suffix}`, live(build.first), {
          ratio: baseline && build === current ? ratio(live(build.first), live(baseline.first), 'baseline') : '',
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
