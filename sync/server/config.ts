import { z } from 'zod';
import { serverUrlSchema } from '../protocol/wire.ts';
import { PUSH_BODY_LIMIT_BYTES } from '../protocol/limits.ts';

/** Everything the server can be told, with the defaults a single-machine district gets. */
export interface ServerConfig {
  host: string;
  port: number;
  /** postgres://… selects PostgreSQL; otherwise SQLite at sqlitePath. */
  databaseUrl: string | null;
  sqlitePath: string;
  /** Largest request body accepted, in bytes (413 above it). Kiosks size their pushes for the protocol's limit. */
  bodyLimitBytes: number;
  /** Requests per station (per IP before a station is known) in each window; 429 with Retry-After above it. */
  rateLimit: { max: number; windowMs: number };
  /** Enrolment attempts per IP in each window (codes are short enough to guess at, slowly). */
  enrolRateLimit: { max: number; windowMs: number };
  /**
   * Requests refused for their token, per IP in each window; above it they get 429. Counted apart from the
   * stations' own limits: a good token from the same address (a district's NAT) is not held back.
   */
  authFailureRateLimit: { max: number; windowMs: number };
  /** The district's retention: personal fields of records received longer ago are purged. */
  retentionDays: number;
  /** Tombstones older than this are dropped; stations whose cursor is older are told to reset. */
  tombstoneDays: number;
  /** How often retention and tombstone purges run while the server is up (0: never, e.g. in tests). */
  maintenanceIntervalMs: number;
  /** Serve the kiosk's web build from this folder (e.g. dist/renderer); null: do not. */
  kioskDir: string | null;
  /**
   * The release channel's folder (releases/store.ts): what `release-publish` writes and /updates serves. Every
   * server process of a district reads the same one.
   */
  releasesDir: string;
  /** Bootstrap demo data and a demo station on an empty database. */
  demo: boolean;
  /** Behind a load balancer: take the client address from X-Forwarded-For. */
  trustProxy: boolean;
  /**
   * Origins whose pages may call /api cross-origin (CORS): the Electron kiosk's renderer runs at app://kiosk.
   * Exact origins only, never `*` (the API takes bearer tokens). The PWA served by this server is same-origin.
   */
  corsOrigins: string[];
  /**
   * The bearer token GET /metrics asks for; without one, /metrics is off (its counters tell an outsider which
   * stations exist and how busy they are).
   */
  metricsToken: string | null;
  /**
   * The centre's address as tablets reach it (https://…): what `provision` and `enrol-code` put into setup links
   * unless told another. Null: they ask for --server.
   */
  publicUrl: string | null;
  logLevel: string;
}

export const defaultConfig: ServerConfig = {
  host: '127.0.0.1',
  port: 8787,
  databaseUrl: null,
  sqlitePath: './data/yizhan.sqlite',
  bodyLimitBytes: PUSH_BODY_LIMIT_BYTES,
  rateLimit: { max: 300, windowMs: 60_000 },
  enrolRateLimit: { max: 10, windowMs: 60_000 },
  authFailureRateLimit: { max: 20, windowMs: 60_000 },
  retentionDays: 180,
  tombstoneDays: 90,
  maintenanceIntervalMs: 60 * 60_000,
  kioskDir: null,
  releasesDir: './data/releases',
  demo: false,
  trustProxy: false,
  corsOrigins: ['app://kiosk'],
  metricsToken: null,
  publicUrl: null,
  logLevel: 'info',
};

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const flag = z.enum(['1', '0', 'true', 'false', 'yes', 'no']).transform((v) => v === '1' || v === 'true' || v === 'yes');

// scheme://host[:port] as a browser serialises it in the Origin header: lower case, no path, no trailing slash.
const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/;

/** Why `entry` is not an origin a browser could send (null: it is one). */
export const originProblem = (entry: string): string | null => {
  if (entry === '*' || entry === 'null') return 'is not allowed: name each origin (the API takes bearer tokens)';
  const match = ORIGIN.exec(entry);
  if (!match) return 'is not an origin (scheme://host[:port] in lower case, no path)';
  const port = match[1];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535 || port.startsWith('0'))) return 'has a bad port';
  if (entry.startsWith('http://') || entry.startsWith('https://')) {
    // Browsers leave out the default port (https://x:443 arrives as https://x) and canonicalise the host.
    let sent: string;
    try {
      sent = new URL(entry).origin;
    } catch {
      return 'is not an origin (scheme://host[:port] in lower case, no path)';
    }
    if (sent !== entry) return `arrives as ${sent}: write that`;
  }
  return null;
};

export const metricsTokenSchema = z.string().regex(/^[\x21-\x7e]{24,}$/, 'METRICS_TOKEN must be at least 24 printable characters, no spaces');

/** A comma-separated list of origins, each checked. */
const origins = z.string().transform((raw, ctx) => {
  const list = raw.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  if (list.length === 0) ctx.addIssue({ code: 'custom', message: 'name at least one origin' });
  for (const entry of list) {
    const problem = originProblem(entry);
    if (problem) ctx.addIssue({ code: 'custom', message: `${JSON.stringify(entry)} ${problem}` });
  }
  return [...new Set(list)];
});

const envSchema = z.object({
  HOST: z.string().min(1).optional(),
  PORT: int(0, 65535).optional(),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL').optional(),
  SQLITE_PATH: z.string().min(1).optional(),
  BODY_LIMIT_BYTES: int(1024, 64 * 1024 * 1024).optional(),
  RATE_LIMIT_MAX: int(1, 1_000_000).optional(),
  RATE_LIMIT_WINDOW_MS: int(1000, 3_600_000).optional(),
  ENROL_RATE_LIMIT_MAX: int(1, 10_000).optional(),
  AUTH_FAILURE_RATE_LIMIT_MAX: int(1, 100_000).optional(),
  RETENTION_DAYS: int(1, 36_500).optional(),
  TOMBSTONE_DAYS: int(1, 36_500).optional(),
  MAINTENANCE_INTERVAL_MS: int(0, 86_400_000).optional(),
  KIOSK_DIR: z.string().min(1).optional(),
  RELEASES_DIR: z.string().min(1).optional(),
  YIZHAN_DEMO: flag.optional(),
  TRUST_PROXY: flag.optional(),
  CORS_ORIGINS: origins.optional(),
  METRICS_TOKEN: metricsTokenSchema.optional(),
  PUBLIC_URL: serverUrlSchema.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
});

/**
 * Reads the configuration from the environment over `base` (the defaults, or what the config file says:
 * config-file.ts); throws with every problem listed when something is wrong.
 */
export const configFromEnv = (env: Record<string, string | undefined>, base: ServerConfig = defaultConfig): ServerConfig => {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new Error(`bad configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const fromEnv = parsed.data;
  return {
    host: fromEnv.HOST ?? base.host,
    port: fromEnv.PORT ?? base.port,
    databaseUrl: fromEnv.DATABASE_URL ?? base.databaseUrl,
    sqlitePath: fromEnv.SQLITE_PATH ?? base.sqlitePath,
    bodyLimitBytes: fromEnv.BODY_LIMIT_BYTES ?? base.bodyLimitBytes,
    rateLimit: { max: fromEnv.RATE_LIMIT_MAX ?? base.rateLimit.max, windowMs: fromEnv.RATE_LIMIT_WINDOW_MS ?? base.rateLimit.windowMs },
    enrolRateLimit: { max: fromEnv.ENROL_RATE_LIMIT_MAX ?? base.enrolRateLimit.max, windowMs: base.enrolRateLimit.windowMs },
    authFailureRateLimit: { max: fromEnv.AUTH_FAILURE_RATE_LIMIT_MAX ?? base.authFailureRateLimit.max, windowMs: base.authFailureRateLimit.windowMs },
    retentionDays: fromEnv.RETENTION_DAYS ?? base.retentionDays,
    tombstoneDays: fromEnv.TOMBSTONE_DAYS ?? base.tombstoneDays,
    maintenanceIntervalMs: fromEnv.MAINTENANCE_INTERVAL_MS ?? base.maintenanceIntervalMs,
    kioskDir: fromEnv.KIOSK_DIR ?? base.kioskDir,
    releasesDir: fromEnv.RELEASES_DIR ?? base.releasesDir,
    demo: fromEnv.YIZHAN_DEMO ?? base.demo,
    trustProxy: fromEnv.TRUST_PROXY ?? base.trustProxy,
    corsOrigins: fromEnv.CORS_ORIGINS ?? base.corsOrigins,
    metricsToken: fromEnv.METRICS_TOKEN ?? base.metricsToken,
    publicUrl: fromEnv.PUBLIC_URL ?? base.publicUrl,
    logLevel: fromEnv.LOG_LEVEL ?? base.logLevel,
  };
};

/**
 * The address a person on this machine types to reach the server: a wildcard bind (all interfaces) is not an
 * address a browser can open, so it becomes loopback; an IPv6 literal gets its brackets.
 */
export const localUrl = (host: string, port: number, path = '/'): string => {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}${path}`;
};
