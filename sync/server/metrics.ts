import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The server's Prometheus metrics (prom-client), in a registry of their own per server instance. Label values
 * come only from code (route patterns, status codes, outcomes), never from request data, so the number of
 * series stays bounded whatever a client sends. Each process counts its own requests: with several processes
 * behind a load balancer, Prometheus scrapes each one and sums (docs/scaling.md).
 */
let processRegistry: Registry | undefined;

/**
 * The process's CPU, memory, event-loop lag and GC, under prom-client's standard names. They belong to the
 * process, not to a server instance: collected once, whichever server (tests build many in one process) asks.
 */
const processMetrics = (): Registry => {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
};

export const createServerMetrics = () => {
  const registry = new Registry();
  const started = Date.now();
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) => new Counter<L>({ name, help, labelNames, registers: [registry] });
  return {
    registry,
    /** The Prometheus text exposition of this server and its process, and its content type. */
    render: () => Registry.merge([processMetrics(), registry]).metrics(),
    contentType: registry.contentType,
    httpRequests: counter('yizhan_http_requests_total', 'HTTP requests by route pattern, method and status code.', ['route', 'method', 'status']),
    httpDuration: new Histogram({
      name: 'yizhan_http_request_duration_seconds',
      help: 'HTTP request duration by route pattern.',
      labelNames: ['route'] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    pushRecords: counter('yizhan_push_records_total', 'Pushed outbox entries by outcome (stored, skipped, dead_letter, duplicate_or_gap).', ['outcome']),
    deadLetters: counter('yizhan_dead_letters_total', 'Entries dead-lettered, by reason.', ['reason']),
    pullChanges: counter('yizhan_pull_changes_total', 'Changes sent in pulls.'),
    pullResets: counter('yizhan_pull_resets_total', 'Pulls answered with reset (cursor behind the tombstone horizon or unknown).'),
    heartbeats: counter('yizhan_heartbeats_total', 'Heartbeats received.'),
    enrolments: counter('yizhan_enrolments_total', 'Enrolment attempts by outcome.', ['outcome']),
    authFailures: counter('yizhan_auth_failures_total', 'Requests refused for a missing, malformed, unknown or revoked token.', ['reason']),
    rateLimited: counter('yizhan_rate_limited_total', 'Requests answered 429.'),
    purged: counter('yizhan_retention_purged_total', 'Records whose personal fields were purged.'),
    uptime: new Gauge({
      name: 'yizhan_uptime_seconds',
      help: 'Seconds since this server process started.',
      registers: [registry],
      collect() {
        this.set(Math.round((Date.now() - started) / 1000));
      },
    }),
  };
};
export type ServerMetrics = ReturnType<typeof createServerMetrics>;

/** A counter's value for these labels (all of its series summed when none are given): for tests and logs. */
export const counterValue = async (counter: Counter, labels: Record<string, string | number> = {}): Promise<number> => {
  const { values } = await counter.get();
  return values.filter((v) => Object.entries(labels).every(([k, want]) => String(v.labels[k]) === String(want))).reduce((sum, v) => sum + v.value, 0);
};
