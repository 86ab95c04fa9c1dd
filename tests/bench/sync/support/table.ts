import type { Bench, BenchContext, BenchResult } from '../../support/bench.ts';
import { median, percentile, sorted } from '../../support/summary.ts';

/**
 * One line of the sync table, printed under the kiosk benches' table by run-all. Numbers are printed, never
 * asserted. Throughput rows give the median over runs in `rate`; latency columns are per request (or batch).
 */
export interface SyncRow {
  bench: string;
  case: string;
  /** Samples behind the latency columns, e.g. "600 pushes" or "3 runs". */
  n: string;
  p50: string;
  p99: string;
  rate: string;
  /** This case against its peer or its bound, e.g. "×7.9 peer". */
  ratio: string;
  /** The aim from issue 3 and whether this run met it. */
  aim: string;
}

export interface SyncBenchResult extends BenchResult {
  syncRows: SyncRow[];
}

/** A bench of the sync table: returns no rows for the kiosk table, its own rows in syncRows. */
export interface SyncBench extends Bench {
  run(ctx: BenchContext): Promise<SyncBenchResult>;
}

export { median, percentile, sorted };

export const ms = (x: number): string => (Number.isNaN(x) ? '–' : x < 10 ? `${x.toFixed(2)} ms` : x < 1000 ? `${x.toFixed(1)} ms` : `${(x / 1000).toFixed(2)} s`);
export const int = (x: number): string => Math.round(x).toLocaleString('en');
export const perSecond = (count: number, elapsedMs: number): number => (count / elapsedMs) * 1000;
export const rate = (perS: number, unit = 'rec/s'): string => (Number.isFinite(perS) ? `${int(perS)} ${unit}` : '–');
export const factor = (x: number): string => (Number.isFinite(x) ? `×${x.toFixed(x < 10 ? 2 : 1)}` : '–');
/** "≥ 10× peer (met)" / "(not met)". */
export const aimAtLeast = (text: string, value: number, floor: number): string => `${text} (${value >= floor ? 'met' : 'not met'})`;
export const aimAtMost = (text: string, value: number, ceiling: number): string => `${text} (${value <= ceiling ? 'met' : 'not met'})`;

const width = (s: string): number => {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
};
const pad = (s: string, w: number, right = false): string => (right ? ' '.repeat(Math.max(0, w - width(s))) + s : s + ' '.repeat(Math.max(0, w - width(s))));

export const syncTable = (rows: readonly SyncRow[]): string => {
  const head: SyncRow = { bench: 'bench', case: 'case', n: 'n', p50: 'p50', p99: 'p99', rate: 'rate (median)', ratio: 'vs peer / bound', aim: 'aim (issue 3)' };
  const cols = ['bench', 'case', 'n', 'p50', 'p99', 'rate', 'ratio', 'aim'] as const;
  const numeric = new Set<string>(['n', 'p50', 'p99', 'rate']);
  const all = [head, ...rows];
  const widths = cols.map((c) => Math.max(...all.map((r) => width(r[c]))));
  const line = (r: SyncRow) => cols.map((c, i) => pad(r[c], widths[i] ?? 0, numeric.has(c) && r !== head)).join('  ').trimEnd();
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
};

/** Runs `task` with a deadline: a hung phase fails its bench instead of holding the machine. */
export const within = async <T>(label: string, limitMs: number, task: () => Promise<T>): Promise<T> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      task(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${label}: still running after ${Math.round(limitMs / 1000)} s`)), limitMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
};

/** The bench process's own CPU time (user + system), ms. */
export const selfCpuMs = (): number => {
  const cpu = process.cpuUsage();
  return (cpu.user + cpu.system) / 1000;
};
