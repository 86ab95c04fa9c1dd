/** One line of the printed table. Numbers are printed, never asserted: a bench run cannot fail on a timing. */
export interface Row {
  bench: string;
  case: string;
  n: number | string;
  median: string;
  p95: string;
  /** e.g. "×2.10 / ×2.35 raw strict": this case over its baseline, median over median and p95 over p95. */
  ratio: string;
  /** The aim from the issue, with whether this run met it. */
  aim: string;
}

export const sorted = (xs: readonly number[]): number[] => [...xs].sort((a, b) => a - b);

/** Nearest-rank percentile (p in 0..100): the smallest sample with at least p % of the samples at or below it. */
export const percentile = (xs: readonly number[], p: number): number => {
  if (xs.length === 0) return Number.NaN;
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN;
};

export const median = (xs: readonly number[]): number => {
  if (xs.length === 0) return Number.NaN;
  const s = sorted(xs);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

export const ms = (x: number): string => (Number.isNaN(x) ? '–' : x < 10 ? `${x.toFixed(1)} ms` : x < 100 ? `${x.toFixed(1)} ms` : `${Math.round(x)} ms`);
export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const factor = (x: number): string => (Number.isFinite(x) ? `×${x.toFixed(x < 10 ? 2 : 1)}` : '–');
/** The ratio column: this case over its baseline, at the median and at p95. */
export const ratio = (samples: readonly number[], baseline: readonly number[], name: string): string =>
  `${factor(median(samples) / median(baseline))} / ${factor(percentile(samples, 95) / percentile(baseline, 95))} ${name}`;

/** "≤ 100 ms (met)" / "(not met)": the aim and how this run compares, as information only. */
export const aim = (text: string, value: number, limit: number): string => `${text} (${value <= limit ? 'met' : 'not met'})`;

/** A row of timings: median and p95 of the samples, plus an optional ratio and aim. */
export const timingRow = (
  bench: string,
  label: string,
  samples: readonly number[],
  extra: { ratio?: string; aim?: string } = {},
): Row => ({
  bench,
  case: label,
  n: samples.length,
  median: ms(median(samples)),
  p95: ms(percentile(samples, 95)),
  ratio: extra.ratio ?? '',
  aim: extra.aim ?? '',
});

const width = (s: string): number => {
  // CJK and other wide characters take two columns in a terminal.
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
};
const pad = (s: string, w: number, right = false): string => (right ? ' '.repeat(w - width(s)) + s : s + ' '.repeat(w - width(s)));

/** A plain text table: a header, a rule, the rows; the columns named in `right` are right-aligned. */
export const textTable = (head: readonly string[], rows: readonly (readonly string[])[], right: readonly number[] = []): string => {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => width(r[i] ?? ''))));
  const line = (r: readonly string[], isHead: boolean) =>
    widths.map((w, i) => pad(r[i] ?? '', w, !isHead && right.includes(i))).join('  ').trimEnd();
  return [line(head, true), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map((r) => line(r, false))].join('\n');
};

export const table = (rows: readonly Row[]): string => {
  const cols = ['bench', 'case', 'n', 'median', 'p95', 'ratio', 'aim'] as const;
  const head = ['bench', 'case', 'n', 'median', 'p95', 'vs baseline (median / p95)', 'aim (issue 2)'];
  return textTable(head, rows.map((r) => cols.map((c) => String(r[c]))), [2, 3, 4]);
};
