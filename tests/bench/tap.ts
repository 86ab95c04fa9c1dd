import type { Locator, Page } from 'playwright-core';
import { type Bench, envInt } from './support/bench.ts';
import { CPU_THROTTLE, cpuThrottle, explained, kioskContext, watchErrors } from './support/chromium.ts';
import { aim, median, ms, percentile, type Row, timingRow } from './support/summary.ts';

type Target = 'checkin' | 'home';

interface TapTiming {
  /** The pointerdown's own timestamp: when the finger touched, on the page's clock. */
  touched: number;
  /** When the page's main thread got to handle that pointerdown. */
  handled: number;
  /** When the frame showing the target screen had been painted. */
  painted: number;
}

/**
 * Arms a one-shot measurement in the page: the next pointerdown starts it; it ends after the frame that first
 * shows the target (check-in: its first choice; home: its tiles, with check-in gone). The result is left in
 * window.__benchTap for the caller to await, so nothing polls the throttled main thread.
 */
const arm = (target: Target) => {
  const shown =
    target === 'checkin'
      ? () => document.querySelector('main [role="radio"]') !== null
      : () => document.querySelector('main nav button') !== null && document.querySelector('main [role="radio"]') === null;
  const w = window as unknown as { __benchTap?: Promise<unknown> };
  w.__benchTap = new Promise((resolve, reject) => {
    let touched = -1;
    let handled = -1;
    const observer = new MutationObserver(() => {
      if (touched < 0 || !shown()) return;
      observer.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ touched, handled, painted: performance.now() });
        channel.port2.postMessage(null);
      });
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`no ${target} screen 15 s after the tap`));
    }, 15_000);
    document.addEventListener(
      'pointerdown',
      (e) => {
        // The event's timestamp is when the input arrived; fall back to now if a driver left it empty.
        handled = performance.now();
        touched = e.timeStamp > 0 && e.timeStamp <= handled ? e.timeStamp : handled;
      },
      { capture: true, once: true },
    );
    observer.observe(document.body, { childList: true, subtree: true });
  });
};

const tapAndMeasure = async (page: Page, button: Locator, target: Target): Promise<TapTiming> => {
  const box = await button.boundingBox();
  if (!box) throw new Error(`nothing to tap for ${target}`);
  await page.evaluate(arm, target);
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  return page.evaluate(() => (window as unknown as { __benchTap: Promise<TapTiming> }).__benchTap);
};

/**
 * Tap to next screen, as a resident does it: touch the check-in tile on home until check-in's first choice is
 * painted, then touch check-in's home button until home is painted again; one context, repeated.
 */
export const tapToScreen: Bench = {
  name: 'tap',
  async run({ browser, appUrl, log }) {
    const taps = envInt('BENCH_TAPS', 40);
    const context = await kioskContext(browser, 'block');
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await (await cpuThrottle(page))(CPU_THROTTLE);
      const { first, firstBack, forth, back } = await explained(errors, async () => {
        await page.goto(appUrl);
        const main = page.getByRole('main');
        const tile = main.getByRole('navigation').getByRole('button', { name: /^签到/ });
        const home = main.getByRole('button', { name: '首页', exact: true });
        await tile.waitFor();
        await page.waitForTimeout(1000);
        const first = await tapAndMeasure(page, tile, 'checkin');
        const firstBack = await tapAndMeasure(page, home, 'home');
        const forth: TapTiming[] = [];
        const back: TapTiming[] = [];
        for (let i = 0; i < taps; i++) {
          await page.waitForTimeout(150);
          forth.push(await tapAndMeasure(page, tile, 'checkin'));
          await page.waitForTimeout(150);
          back.push(await tapAndMeasure(page, home, 'home'));
          if ((i + 1) % 20 === 0) log(`tap: ${i + 1}/${taps}`);
        }
        return { first, firstBack, forth, back };
      });
      const span = (xs: TapTiming[]) => xs.map((x) => x.painted - x.touched);
      const target = (xs: TapTiming[]) => aim('p95 ≤ 100 ms', percentile(span(xs), 95), 100);
      const rows: Row[] = [
        timingRow('tap', 'home → check-in, first choice painted', span(forth), { aim: target(forth) }),
        timingRow('tap', 'check-in → home, tiles painted', span(back), { aim: target(back) }),
        { bench: 'tap', case: 'first home → check-in (loads its chunk)', n: 1, median: ms(first.painted - first.touched), p95: '', ratio: '', aim: '' },
      ];
      const waited = [...forth, ...back].map((x) => x.handled - x.touched);
      const pageErrors = errors();
      return {
        rows,
        notes: [
          `tap: from the pointerdown's timestamp to the end of the painted frame, touch input through CDP, ${CPU_THROTTLE}× CPU; ` +
            `input to pointerdown handler median ${ms(median(waited))}; first way back home ${ms(firstBack.painted - firstBack.touched)}` +
            (pageErrors.length ? `; PAGE ERRORS: ${[...new Set(pageErrors)].join(' | ')}` : ''),
        ],
      };
    } finally {
      await context.close();
    }
  },
};
