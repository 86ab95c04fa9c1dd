import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { serverUrlSchema } from '../protocol/wire.ts';
import { configFromEnv, defaultConfig, metricsTokenSchema, originProblem, type ServerConfig } from './config.ts';

/**
 * One configuration for the server and the CLI: `yizhan.config.json`, found the same way whatever folder either
 * is started from, so a technician's `server:cli` reaches the database the server runs on:
 *
 *   1. the file `YIZHAN_CONFIG` names (it must exist), else
 *   2. `yizhan.config.json` in the server's own folder (beside package.json), if there is one, else
 *   3. no file: the defaults.
 *
 * Relative paths in the file are relative to the file; the database, release and other data paths it leaves out
 * default to `data/` beside it (beside the server's folder without a file), never to the current folder. The
 * environment overrides the file key by key (config.ts), its relative paths read from the current folder as
 * any command's would.
 */
export const CONFIG_FILE_NAME = 'yizhan.config.json';

/** The server's own folder: where package.json is, two folders above this file. */
export const APP_ROOT = fileURLToPath(new URL('../..', import.meta.url));

const int = (min: number, max: number) => z.number().int().min(min).max(max);

export const serverConfigFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    host: z.string().min(1).optional(),
    port: int(0, 65535).optional(),
    /** postgres://…: PostgreSQL; without it, SQLite at sqlitePath. */
    databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// URL').optional(),
    sqlitePath: z.string().min(1).optional(),
    kioskDir: z.string().min(1).optional(),
    releasesDir: z.string().min(1).optional(),
    publicUrl: serverUrlSchema.optional(),
    corsOrigins: z
      .array(z.string())
      .min(1)
      .superRefine((list, ctx) => {
        for (const entry of list) {
          const problem = originProblem(entry);
          if (problem) ctx.addIssue({ code: 'custom', message: `${JSON.stringify(entry)} ${problem}` });
        }
      })
      .optional(),
    bodyLimitBytes: int(1024, 64 * 1024 * 1024).optional(),
    rateLimit: z.strictObject({ max: int(1, 1_000_000), windowMs: int(1000, 3_600_000) }).optional(),
    enrolRateLimitMax: int(1, 10_000).optional(),
    authFailureRateLimitMax: int(1, 10_000).optional(),
    retentionDays: int(1, 36_500).optional(),
    tombstoneDays: int(1, 36_500).optional(),
    maintenanceIntervalMs: int(0, 86_400_000).optional(),
    demo: z.boolean().optional(),
    trustProxy: z.boolean().optional(),
    metricsToken: metricsTokenSchema.optional(),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  })
  .refine((file) => !(file.databaseUrl && file.sqlitePath), { message: 'name one database: databaseUrl or sqlitePath, not both' });
export type ServerConfigFile = z.infer<typeof serverConfigFileSchema>;

export interface LoadedServerConfig {
  config: ServerConfig;
  /** The file read, as an absolute path; null: none (defaults and the environment only). */
  file: string | null;
}

export interface ConfigSources {
  env: Record<string, string | undefined>;
  /** The server's folder (APP_ROOT unless a test says otherwise). */
  appRoot?: string;
  /** The current folder, for relative paths in the environment. */
  cwd?: string;
  readText?: (path: string) => string;
  exists?: (path: string) => boolean;
}

const describeIssue = (issue: z.core.$ZodIssue): string =>
  issue.code === 'unrecognized_keys' ? issue.keys.map((key) => `${key}: not a setting (a typo?)`).join('; ') : `${issue.path.join('.') || '(file)'}: ${issue.message}`;

/** Where the configuration file is, or null when there is none to read; refuses a YIZHAN_CONFIG that names nothing. */
export const findConfigFile = ({ env, appRoot = APP_ROOT, cwd = process.cwd(), exists = existsSync }: ConfigSources): string | null => {
  const named = env.YIZHAN_CONFIG?.trim();
  if (named) {
    const path = resolve(cwd, named);
    if (!exists(path)) throw new Error(`bad configuration: YIZHAN_CONFIG names ${path}, which does not exist`);
    return path;
  }
  const beside = resolve(appRoot, CONFIG_FILE_NAME);
  return exists(beside) ? beside : null;
};

/** The server's configuration: defaults, then the file, then the environment; every problem named at once. */
export const loadServerConfig = (sources: ConfigSources): LoadedServerConfig => {
  const { env, appRoot = APP_ROOT, cwd = process.cwd(), readText = (path) => readFileSync(path, 'utf8') } = sources;
  const file = findConfigFile(sources);
  const home = file ? dirname(file) : appRoot;
  let given: ServerConfigFile = {};
  if (file) {
    let json: unknown;
    try {
      json = JSON.parse(readText(file));
    } catch (error) {
      throw new Error(`bad configuration: ${file} is not JSON: ${(error as Error).message}`, { cause: error });
    }
    const parsed = serverConfigFileSchema.safeParse(json);
    if (!parsed.success) throw new Error(`bad configuration in ${file}: ${parsed.error.issues.map(describeIssue).join('; ')}`);
    given = parsed.data;
  }
  const fromHome = (path: string) => (isAbsolute(path) ? path : resolve(home, path));
  const base: ServerConfig = {
    host: given.host ?? defaultConfig.host,
    port: given.port ?? defaultConfig.port,
    databaseUrl: given.databaseUrl ?? defaultConfig.databaseUrl,
    sqlitePath: fromHome(given.sqlitePath ?? defaultConfig.sqlitePath),
    bodyLimitBytes: given.bodyLimitBytes ?? defaultConfig.bodyLimitBytes,
    rateLimit: given.rateLimit ?? defaultConfig.rateLimit,
    enrolRateLimit: { ...defaultConfig.enrolRateLimit, max: given.enrolRateLimitMax ?? defaultConfig.enrolRateLimit.max },
    authFailureRateLimit: { ...defaultConfig.authFailureRateLimit, max: given.authFailureRateLimitMax ?? defaultConfig.authFailureRateLimit.max },
    retentionDays: given.retentionDays ?? defaultConfig.retentionDays,
    tombstoneDays: given.tombstoneDays ?? defaultConfig.tombstoneDays,
    maintenanceIntervalMs: given.maintenanceIntervalMs ?? defaultConfig.maintenanceIntervalMs,
    kioskDir: given.kioskDir === undefined ? defaultConfig.kioskDir : fromHome(given.kioskDir),
    releasesDir: fromHome(given.releasesDir ?? defaultConfig.releasesDir),
    demo: given.demo ?? defaultConfig.demo,
    trustProxy: given.trustProxy ?? defaultConfig.trustProxy,
    corsOrigins: given.corsOrigins ? [...new Set(given.corsOrigins)] : defaultConfig.corsOrigins,
    metricsToken: given.metricsToken ?? defaultConfig.metricsToken,
    publicUrl: given.publicUrl ?? defaultConfig.publicUrl,
    logLevel: given.logLevel ?? defaultConfig.logLevel,
  };
  const config = configFromEnv(env, base);
  const fromCwd = (path: string) => (isAbsolute(path) ? path : resolve(cwd, path));
  return {
    file,
    config: {
      ...config,
      // A database URL from the environment wins over the file's SQLite path, and the reverse.
      databaseUrl: env.SQLITE_PATH && !env.DATABASE_URL ? null : config.databaseUrl,
      sqlitePath: env.SQLITE_PATH ? fromCwd(config.sqlitePath) : config.sqlitePath,
      kioskDir: env.KIOSK_DIR && config.kioskDir ? fromCwd(config.kioskDir) : config.kioskDir,
      releasesDir: env.RELEASES_DIR ? fromCwd(config.releasesDir) : config.releasesDir,
    },
  };
};

/** The database a configuration opens, in words for a technician (a PostgreSQL password left out). */
export const describeDatabase = (config: ServerConfig): string => {
  if (!config.databaseUrl) return `SQLite ${config.sqlitePath}`;
  try {
    const url = new URL(config.databaseUrl);
    if (url.password) url.password = '***';
    return `PostgreSQL ${url.toString()}`;
  } catch {
    return 'PostgreSQL (a URL that does not parse)';
  }
};
