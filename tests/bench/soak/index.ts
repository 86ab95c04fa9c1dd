import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { spawnServer } from '../../sync/support/server.ts';
import { type Bench, envInt } from '../support/bench.ts';
import { cpuThrottle, explained, kioskContext, watchErrors } from '../support/chromium.ts';
import { median, ms, percentile, textTable } from '../support/summary.ts';
import { flows, leave } from './flows.ts';
import { keepRealClock, type Sample, sample, timedTap } from './probe.ts';

/** Every how many sessions a resident walks away mid-flow (the idle reset clears up), or the kiosk sleeps first. */
const WALK_AWAY_EVERY = 7;
const ATTRACT_EVERY = 25;
/** Sessions in another language or in elderly mode, switched on home and cleared by the session's end. */
const ENGLISH_EVERY = 11;
const ELDERLY_EVERY = 13;

interface Row {
  after: string;
  sample: Sample;
  /** Home-tile taps timed in this block, ms from touch to the next screen painted. */
  taps: number[];
  /** Wall-clock seconds the block took, for a slowdown nobody timed. */
  seconds: number;
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const kbytes = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en')} KB`;

const renderTable = (rows: Row[]): string =>
  textTable(
    ['after', 'heap after GC', 'DOM nodes', 'listeners', 'tap p50', 'tap p95', 'storage (IndexedDB)', 'outbox rows / acked / written', 'records', 'block'],
    rows.map(({ after, sample: s, taps, seconds }) => [
      after,
      mb(s.heapBytes),
      String(s.nodes),
      String(s.listeners),
      taps.length ? ms(median(taps)) : '–',
      taps.length ? ms(percentile(taps, 95)) : '–',
      `${kbytes(s.storageBytes)} (${kbytes(s.indexedDbBytes)})`,
      `${s.outboxRows} / ${s.pushedSeq} / ${s.lastSeq}`,
      String(s.records),
      `${seconds.toFixed(0)} s`,
    ]),
    [1, 2, 3, 4, 5, 6, 7, 8, 9],
  );

const waitSynced = (page: Page, timeout = 120_000) => page.locator('[data-sync-phase]').filter({ hasText: '已同步' }).waitFor({ timeout });

/**
 * A resident walks away: nothing happens until the idle reset has put home back and ended the session (the demo
 * station's 60 s, 120 s in elderly mode, and some). Home alone is not enough: an elderly resident who tapped
 * 完成 is on home already, and only the reset turns elderly mode off.
 */
const walkAway = async (page: Page, elderly = false) => {
  await page.clock.fastForward(elderly ? '02:15' : '01:15');
  await page.getByRole('navigation').waitFor();
  await page.waitForFunction(() => document.documentElement.dataset.elderly !== 'true' && document.documentElement.lang === 'zh-CN');
};

/** The kiosk idles into its attract loop; the next resident's touch wakes it. */
const sleepAndWake = async (page: Page) => {
  await page.clock.fastForward('03:10');
  const attract = page.getByRole('dialog', { name: /点一下屏幕开始/ });
  await attract.waitFor();
  await page.touchscreen.tap(640, 120);
  await attract.waitFor({ state: 'detached' });
};

/**
 * The soak (issue 13): the kiosk in Chromium, served and synced by the real central server (demo mode, SQLite),
 * driven as residents drive it for BENCH_SOAK_SESSIONS sessions (default 1,000) rotating through every flow, some
 * walking away mid-flow, some after an attract loop, some in English or elderly mode; then BENCH_SOAK_IDLE_HOURS
 * (default 24) idle hours on the page's fake clock, in steps of a minute. Every 100 sessions and every
 * BENCH_SOAK_IDLE_SAMPLE_HOURS idle hours it prints the heap after GC, DOM nodes, listeners, the home-tile tap
 * latency and what the kiosk stores, so growth shows the day it starts. At BENCH_SOAK_CPU× CPU (default 1: it
 * measures growth, `tap` measures speed). Not in CI, and not in a bench run unless named: `npm run bench -- soak`.
 */
export const soak: Bench = {
  name: 'soak',
  onlyWhenNamed: true,
  async run({ browser, appDir, log }) {
    const sessions = envInt('BENCH_SOAK_SESSIONS', 1000);
    const idleHours = envInt('BENCH_SOAK_IDLE_HOURS', 24);
    const idleSampleHours = envInt('BENCH_SOAK_IDLE_SAMPLE_HOURS', 4);
    const cpu = envInt('BENCH_SOAK_CPU', 1);
    const dir = await mkdtemp(join(tmpdir(), 'yizhan-soak-'));
    const server = await spawnServer({ SQLITE_PATH: join(dir, 'yizhan.sqlite'), YIZHAN_DEMO: '1', KIOSK_DIR: appDir, RATE_LIMIT_MAX: '100000' });
    const context = await kioskContext(browser, 'block');
    const rows: Row[] = [];
    try {
      await context.addInitScript(keepRealClock);
      const page = await context.newPage();
      const errors = watchErrors(page);
      const cdp = await context.newCDPSession(page);
      await (await cpuThrottle(page))(cpu);
      await explained(errors, async () => {
        await page.clock.install();
        await page.goto(server.url);
        await page.getByRole('navigation').waitFor({ timeout: 60_000 });
        await waitSynced(page);
        let taps: number[] = [];
        let blockStarted = performance.now();
        const record = async (after: string) => {
          rows.push({ after, sample: await sample(page, cdp), taps, seconds: (performance.now() - blockStarted) / 1000 });
          taps = [];
          blockStarted = performance.now();
        };
        await record('start');

        for (let session = 1; session <= sessions; session++) {
          const index = (session - 1) % flows.length;
          const flow = flows[index]!;
          const english = session % ENGLISH_EVERY === 0;
          const elderly = !english && session % ELDERLY_EVERY === 0;
          if (session % ATTRACT_EVERY === 0) await sleepAndWake(page);
          if (english) await page.getByRole('button', { name: 'English' }).tap();
          if (elderly) await page.getByRole('button', { name: '长辈模式' }).tap();
          // Home's tiles are in the order of the flows; in English their names change, their places do not.
          taps.push(await timedTap(page, page.getByRole('navigation').getByRole('button').nth(index)));
          if (english || session % WALK_AWAY_EVERY === 0) await walkAway(page, elderly);
          else {
            await flow.steps(page);
            await leave(page, flow);
            // Elderly mode lasts the session: the idle reset ends it, as when the resident leaves.
            if (elderly) await walkAway(page, true);
          }
          if (session % 100 === 0) {
            await waitSynced(page);
            await record(`${session} sessions`);
            log(`soak: ${session}/${sessions} sessions`);
          }
        }
        if (sessions % 100 !== 0) await record(`${sessions} sessions`);

        for (let hour = 1; hour <= idleHours; hour++) {
          for (let minute = 0; minute < 60; minute++) await page.clock.runFor(60_000);
          if (hour % idleSampleHours === 0 || hour === idleHours) {
            await record(`+${hour} h idle`);
            log(`soak: ${hour}/${idleHours} idle hours`);
          }
        }
      });
      const pageErrors = [...new Set(errors())];
      const last = rows.at(-1)?.sample;
      return {
        rows: [],
        tables: [`Soak (issue 13): ${sessions} resident sessions then ${idleHours} idle hours, ${cpu}× CPU, synced with the real server (SQLite)\n\n${renderTable(rows)}`],
        notes: [
          `soak: tap = a home tile touched → its screen painted; storage = navigator.storage.estimate(); records = rows in the kiosk-born tables; ` +
            `every ${WALK_AWAY_EVERY}th resident walks away mid-flow, every ${ATTRACT_EVERY}th wakes the attract loop; ` +
            `at the end ${last ? last.lastSeq - last.pushedSeq : '?'} records wait to sync` +
            (pageErrors.length ? `; PAGE ERRORS: ${pageErrors.join(' | ')}` : '; no page errors'),
        ],
      };
    } finally {
      await context.close();
      await server.kill();
      await rm(dir, { recursive: true, force: true });
    }
  },
};
