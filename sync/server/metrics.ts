/**
 * A small Prometheus registry (text exposition format 0.0.4): counters, gauges and histograms with labels.
 * Label values come only from code (route patterns, status codes, outcomes), never from request data, so the
 * number of series stays bounded whatever a client sends.
 */
type Labels = Record<string, string | number>;

const escapeLabel = (value: string): string => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const renderLabels = (labels: Labels): string => {
  const entries = Object.entries(labels);
  return entries.length === 0 ? '' : `{${entries.map(([k, v]) => `${k}="${escapeLabel(String(v))}"`).join(',')}}`;
};
const keyOf = (labels: Labels): string => JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
const formatNumber = (n: number): string => (Number.isFinite(n) ? String(n) : n > 0 ? '+Inf' : n < 0 ? '-Inf' : 'NaN');

interface Metric {
  render(): string;
}

export class Counter implements Metric {
  readonly name: string;
  readonly help: string;
  private readonly values = new Map<string, { labels: Labels; value: number }>();
  constructor(name: string, help: string) {
    this.name = name;
    this.help = help;
  }
  inc(labels: Labels = {}, by = 1): void {
    const key = keyOf(labels);
    const entry = this.values.get(key);
    if (entry) entry.value += by;
    else this.values.set(key, { labels, value: by });
  }
  get(labels: Labels = {}): number {
    return this.values.get(keyOf(labels))?.value ?? 0;
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const { labels, value } of this.values.values()) lines.push(`${this.name}${renderLabels(labels)} ${formatNumber(value)}`);
    return lines.join('\n');
  }
}

/** A gauge read when scraped. */
export class Gauge implements Metric {
  readonly name: string;
  readonly help: string;
  private readonly read: () => number;
  constructor(name: string, help: string, read: () => number) {
    this.name = name;
    this.help = help;
    this.read = read;
  }
  render(): string {
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} gauge`, `${this.name} ${formatNumber(this.read())}`].join('\n');
  }
}

export class Histogram implements Metric {
  readonly name: string;
  readonly help: string;
  private readonly buckets: readonly number[];
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(name: string, help: string, buckets: readonly number[]) {
    this.name = name;
    this.help = help;
    this.buckets = [...buckets].sort((a, b) => a - b);
  }
  observe(labels: Labels, value: number): void {
    const key = keyOf(labels);
    let s = this.series.get(key);
    if (!s) {
      s = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, s);
    }
    for (let i = 0; i < this.buckets.length; i += 1) if (value <= this.buckets[i]!) s.counts[i]! += 1;
    s.sum += value;
    s.count += 1;
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const s of this.series.values()) {
      this.buckets.forEach((le, i) => lines.push(`${this.name}_bucket${renderLabels({ ...s.labels, le: formatNumber(le) })} ${s.counts[i]}`));
      lines.push(`${this.name}_bucket${renderLabels({ ...s.labels, le: '+Inf' })} ${s.count}`);
      lines.push(`${this.name}_sum${renderLabels(s.labels)} ${formatNumber(s.sum)}`);
      lines.push(`${this.name}_count${renderLabels(s.labels)} ${s.count}`);
    }
    return lines.join('\n');
  }
}

export class Registry {
  private readonly metrics: Metric[] = [];
  add<M extends Metric>(metric: M): M {
    this.metrics.push(metric);
    return metric;
  }
  render(): string {
    return `${this.metrics.map((m) => m.render()).join('\n')}\n`;
  }
}

/** The server's metrics, created once per server instance. */
export const createServerMetrics = () => {
  const registry = new Registry();
  const started = Date.now();
  return {
    registry,
    httpRequests: registry.add(new Counter('yizhan_http_requests_total', 'HTTP requests by route pattern, method and status code.')),
    httpDuration: registry.add(
      new Histogram('yizhan_http_request_duration_seconds', 'HTTP request duration by route pattern.', [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]),
    ),
    pushRecords: registry.add(new Counter('yizhan_push_records_total', 'Pushed outbox entries by outcome (stored, skipped, dead_letter, duplicate_or_gap).')),
    deadLetters: registry.add(new Counter('yizhan_dead_letters_total', 'Entries dead-lettered, by reason.')),
    pullChanges: registry.add(new Counter('yizhan_pull_changes_total', 'Changes sent in pulls.')),
    pullResets: registry.add(new Counter('yizhan_pull_resets_total', 'Pulls answered with reset (cursor behind the tombstone horizon or unknown).')),
    heartbeats: registry.add(new Counter('yizhan_heartbeats_total', 'Heartbeats received.')),
    enrolments: registry.add(new Counter('yizhan_enrolments_total', 'Enrolment attempts by outcome.')),
    authFailures: registry.add(new Counter('yizhan_auth_failures_total', 'Requests refused for a missing, malformed, unknown or revoked token.')),
    rateLimited: registry.add(new Counter('yizhan_rate_limited_total', 'Requests answered 429.')),
    purged: registry.add(new Counter('yizhan_retention_purged_total', 'Records whose personal fields were purged.')),
    uptime: registry.add(new Gauge('yizhan_uptime_seconds', 'Seconds since this server process started.', () => Math.round((Date.now() - started) / 1000))),
  };
};
export type ServerMetrics = ReturnType<typeof createServerMetrics>;
