import type { ServerConfig } from '../config.ts';
import { openPostgresStorage } from './postgres/index.ts';
import { openSqliteStorage } from './sqlite/index.ts';
import type { Storage } from './types.ts';

/** PostgreSQL when DATABASE_URL is set, else the embedded SQLite file. */
export const openStorage = (config: Pick<ServerConfig, 'databaseUrl' | 'sqlitePath'>): Storage =>
  config.databaseUrl ? openPostgresStorage({ connectionString: config.databaseUrl }) : openSqliteStorage({ path: config.sqlitePath });
