import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { coldStart } from './cold-start.ts';
import { consoleBench } from './console/index.ts';
import { jsSize } from './js-size.ts';
import { storeCommit } from './store-commit.ts';
import { storeStats } from './store-stats.ts';
import { syncBenches, type SyncRow, syncTable } from './sync/index.ts';
import type { Bench, BenchContext } from './support/bench.ts';
import { CPU_THROTTLE, launchChromium } from './support/chromium.ts';
import { appDist, buildApp, buildBenchPage, serve } from './support/serve.ts';
import { type Row, table } from './support/summary.ts';
import { soak } from './soak/index.ts';
import { tapToScreen } from './tap.ts';
import { queueScreen, volunteerSignIn } from './volunteer.ts';
import { offlineStationConfig } from '../support/offline-station.ts';

/**
 * Runs the benchmarks and prints one table (and one for the sync benches, sync/). Arguments pick benches by name
 * (js, cold, tap, commit, stats, volunteer, queue; sync: ingest, drain, load, purge; console; soak); none runs them all but
 * the console's and the soak. BENCH_DIST names the build to measure (default dist/renderer), BENCH_NO_BUILD=1 measures it as it is
 * instead of building it first, BENCH_JSON=file also writes the rows as JSON.
 */
const benches: Bench[] = [jsSize, coldStart, tapToScreen, storeCommit, storeStats, volunteerSignIn, queueScreen, ...syncBenches, consoleBench, soak];
const picked = process.argv.slice(2);
const unknown = picked.filter((name) => !benches.some((b) => b.name === name));
if (unknown.length) throw new Error(`unknown bench ${unknown.join(', ')}: pick from ${benches.map((b) => b.name).join(', ')}`);
const selected = picked.length ? benches.filter((b) => picked.includes(b.name)) : benches.filter((b) => !b.onlyWhenNamed);

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
const log = (message: string) => console.log(`[bench ${elapsed()}] ${message}`);
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
const loadAtStart = load();

// A bench that hangs must not hold the machine: the whole run stops itself (Playwright closes Chromium on exit).
const limitMinutes = Number(process.env.BENCH_TIMEOUT_MIN ?? (selected.includes(soak) ? 300 : 15));
setTimeout(() => {
  console.error(`bench: still running after ${limitMinutes} min, stopping`);
  process.exit(2);
}, limitMinutes * 60_000).unref();

// The sync and console benches start their own servers (and build their own page): the app build is only for the others.
const serverBenches: Bench[] = [...syncBenches, consoleBench];
const needsApp = selected.some((b) => !serverBenches.includes(b));
const appDir = appDist();
if (needsApp && process.env.BENCH_NO_BUILD !== '1') {
  log(`building the app into ${appDir}`);
  await buildApp(appDir);
}
const benchPage = needsApp ? await buildBenchPage() : null;
// A provisioned station whose centre is out of reach, as in the e2e suite: without a config it would show
// the first-run setup instead of the resident's screens.
const app = benchPage ? await serve(appDir, [offlineStationConfig()]) : null;
const storePage = benchPage ? await serve(benchPage.dir) : null;
const browser = await launchChromium();
log(`app ${app?.url ?? '(not needed)'}, store page ${storePage?.url ?? '(not needed)'}, Chromium ${browser.version()}, CPU throttling ${CPU_THROTTLE}×`);

const rows: Row[] = [];
const syncRows: SyncRow[] = [];
const tables: string[] = [];
const notes: string[] = [];
try {
  const ctx: BenchContext = { browser, appUrl: app?.url ?? '', appDir, pageUrl: storePage?.url ?? '', log };
  for (const bench of selected) {
    log(`${bench.name} …`);
    try {
      const result = await bench.run(ctx);
      rows.push(...result.rows);
      syncRows.push(...((result as { syncRows?: SyncRow[] }).syncRows ?? []));
      tables.push(...(result.tables ?? []));
      notes.push(...result.notes);
    } catch (error) {
      // One broken bench (the app changed under it) still leaves the others' numbers.
      process.exitCode = 1;
      notes.push(`${bench.name}: FAILED, no numbers: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      console.error(error);
    }
  }
} finally {
  await browser.close();
  await Promise.all([app?.close(), storePage?.close()]);
  benchPage?.remove();
}

if (needsApp) console.log(`\nYizhan benchmarks: ${appDir}, Chromium, ${CPU_THROTTLE}× CPU throttling unless a case says 1×; aims judged at p95`);
else console.log('');
// Other work on this shared machine moves every number: say how busy it was.
console.log(`load average (1, 5, 15 min): ${loadAtStart} at start, ${load()} at the end, on ${availableParallelism()} cores\n`);
if (rows.length || (!syncRows.length && !tables.length)) console.log(table(rows));
if (syncRows.length) console.log(`${rows.length ? '\n' : ''}Sync (issue 3): servers in their own process on 127.0.0.1, clients in this one; Chromium at the CPU rate its case says\n\n${syncTable(syncRows)}`);
for (const text of tables) console.log(`\n${text}`);
console.log(`\n${notes.map((n) => `- ${n}`).join('\n')}\n`);
log('done');
if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, `${JSON.stringify({ at: new Date().toISOString(), appDir, cpuThrottle: CPU_THROTTLE, loadAverage: { start: loadAtStart, end: load() }, rows, syncRows, notes }, null, 2)}\n`);
