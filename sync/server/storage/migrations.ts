import { readdir, readFile } from 'node:fs/promises';

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
