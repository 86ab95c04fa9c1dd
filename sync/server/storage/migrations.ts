import { readdir, readFile } from 'node:fs/promises';
import { DatabaseTooNewError } from './types.ts';

/** A numbered SQL migration: migrations/<engine>/NNN_name.sql, applied in order, recorded in schema_migrations. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const loadMigrations = async (engine: 'sqlite' | 'postgres'): Promise<Migration[]> => {
  const dir = new URL(`./migrations/${engine}/`, import.meta.url);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = /^(\d{3})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!match) throw new Error(`migration file name ${file} is not NNN_name.sql`);
    migrations.push({ version: Number(match[1]), name: match[2]!, sql: await readFile(new URL(file, dir), 'utf8') });
  }
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations must be numbered 1, 2, 3 … without gaps: found ${m.version} at ${i + 1}`);
  });
  return migrations;
};

/**
 * A database that holds a migration this code does not have was migrated by a newer server (the deploy was
 * rolled back): its tables may not be the ones this code writes, so it must not start on it.
 */
export const refuseNewerDatabase = (applied: ReadonlySet<number>, migrations: readonly Migration[]): void => {
  const newest = Math.max(0, ...applied);
  const known = migrations.at(-1)?.version ?? 0;
  if (newest > known) throw new DatabaseTooNewError(newest, known);
};
