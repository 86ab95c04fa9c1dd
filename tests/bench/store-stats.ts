import type { BenchWindow } from './page/api.ts';
import { type Bench, envInt } from './support/bench.ts';
import { CPU_THROTTLE } from './support/chromium.ts';
import { openStorePage } from './support/store-page.ts';
import { aim, percentile, ratio, timingRow } from './support/summary.ts';

/** The last day of the seeded year: the end of a 31-day month, so "this month" is as large as it gets. */
const LAST_DAY = '2026-10-31';

/**
 * Today's and this month's statistics over one year of visits: visitStats (index ranges) against loading this
 * month's records with toArray() and counting in JavaScript. The year is inserted at 1× CPU, measured at 4×.
 */
export const storeStats: Bench = {
  name: 'stats',
  async run(ctx) {
    const total = envInt('BENCH_VISITS', 200_000);
    const rounds = envInt('BENCH_STATS_ROUNDS', 20);
    const store = await openStorePage(ctx);
    try {
      await store.setCpu(1);
      const seed = await store.page.evaluate(([n, day]) => (window as unknown as BenchWindow).bench.seedYear(n, day), [total, LAST_DAY] as const);
      ctx.log(`stats: ${seed.inserted} visits inserted in ${(seed.ms / 1000).toFixed(1)} s`);
      // Let IndexedDB's backend settle (LevelDB compacts after a bulk load) before timing reads.
      await store.page.waitForTimeout(3000);
      await store.setCpu(CPU_THROTTLE);
      const { samples, answers } = await store.page.evaluate(
        ([n, now]) => (window as unknown as BenchWindow).bench.stats(n, 2, now),
        [rounds, `${LAST_DAY}T15:00:00`] as const,
      );
      const wrong = Object.entries(answers)
        .filter(([, a]) => a.today !== seed.expected.today || a.month !== seed.expected.month)
        .map(([way, a]) => `${way} answered ${a.today}/${a.month}`);
      const target = (xs: number[]) => aim('≤ 50 ms', percentile(xs, 95), 50);
      const errors = store.errors();
      return {
        rows: [
          timingRow('stats', 'visitStats: today + month (home)', samples.visitStats, {
            ratio: ratio(samples.visitStats, samples.toArrayCount, 'toArray'),
            aim: target(samples.visitStats),
          }),
          timingRow('stats', 'visitStats: + month per purpose (all 7)', samples.visitStatsByPurpose, {
            ratio: ratio(samples.visitStatsByPurpose, samples.toArrayCount, 'toArray'),
            aim: target(samples.visitStatsByPurpose),
          }),
          timingRow('stats', "baseline: month's records toArray + count in JS", samples.toArrayCount),
        ],
        notes: [
          `stats: ${seed.inserted} visits over 365 days to ${LAST_DAY}, ${seed.expected.today} today and ${seed.expected.month} this month; ` +
            `bulk insert took ${(seed.ms / 1000).toFixed(1)} s at 1× CPU; a full GC before every sample; ` +
            (wrong.length ? `WRONG ANSWERS (expected ${seed.expected.today}/${seed.expected.month}): ${wrong.join(', ')}` : 'every way counted the same') +
            (errors.length ? `; PAGE ERRORS: ${[...new Set(errors)].join(' | ')}` : ''),
        ],
      };
    } finally {
      await store.context.close();
    }
  },
};
