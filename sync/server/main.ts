import { dirname } from 'node:path';
import pino from 'pino';
import { buildServer } from './app.ts';
import { describeDatabase, loadServerConfig } from './config-file.ts';
import { localUrl } from './config.ts';
import { bootstrapDemo, demoBanner } from './demo.ts';
import { openStorage } from './storage/open.ts';

/**
 * The server process: configuration from yizhan.config.json and the environment (config-file.ts, README.md), migrations, optional
 * demo bootstrap, then listen. SIGTERM or SIGINT: stop accepting, finish what is in flight (new requests get
 * 503), close the database, exit 0; a second signal, or 10 s, forces exit 1.
 */
const { config, file: configFile } = loadServerConfig({ env: process.env });
const logger = pino({ level: config.logLevel, base: { service: 'yizhan-server' }, redact: ['req.headers.authorization'] });
logger.info({ configFile, database: describeDatabase(config) }, configFile ? `configuration from ${configFile}` : 'no configuration file: defaults and the environment');
const storage = openStorage(config);

const applied = await storage.migrate().catch(async (error: unknown) => {
  // A database this code cannot run on (one a newer server migrated, say): say why and do not start.
  logger.fatal({ err: error }, `not starting: ${error instanceof Error ? error.message : String(error)}`);
  await storage.close();
  process.exit(1);
});
logger.info({ storage: storage.engine, migrations: applied }, applied.length ? 'database migrated' : 'database up to date');
// The demo's member QR code is written beside the SQLite file (./data by default).
const demo = config.demo
  ? await bootstrapDemo(storage, { logger, now: new Date(), dataDir: dirname(config.sqlitePath), consoleUrl: localUrl(config.host, config.port, '/console/') })
  : null;

const { app } = await buildServer({ storage, config, logger });

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) {
    logger.warn({ signal }, 'second signal: exiting now');
    process.exit(1);
  }
  stopping = true;
  logger.info({ signal }, 'shutting down');
  setTimeout(() => {
    logger.error('shutdown took longer than 10 s: exiting');
    process.exit(1);
  }, 10_000).unref();
  try {
    await app.close();
    await storage.close();
    logger.info('stopped');
    process.exit(0);
  } catch (error) {
    logger.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
};
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('unhandledRejection', (error) => {
  logger.fatal({ err: error }, 'unhandled rejection');
  process.exit(1);
});

const url = await app.listen({ host: config.host, port: config.port });
// For a person at a terminal (npm start); a process manager or a test reads the JSON log lines alone.
if (demo && process.stdout.isTTY) process.stdout.write(demoBanner({ url, stations: demo.stations, database: storage.engine === 'sqlite' ? config.sqlitePath : 'PostgreSQL', volunteers: demo.volunteers, console: demo.console }));
