import { loadMigrations, refuseNewerDatabase } from '../migrations.ts';
import type { Storage } from '../types.ts';
import type { PostgresConnection } from './connection.ts';

/** The database's life: migrations (under an advisory lock, so processes starting together migrate once), ping, close. */
export const postgresSchema = ({ pool, transaction }: PostgresConnection): Pick<Storage, 'migrate' | 'ping' | 'close'> => ({
  async migrate() {
    const migrations = await loadMigrations('postgres');
    return transaction(async (client) => {
      // Several server processes may start at once: one migrates, the others wait and find nothing to do.
      await client.query("SELECT pg_advisory_xact_lock(hashtext('yizhan-migrations'))");
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)');
      const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      refuseNewerDatabase(done, migrations);
      const applied: number[] = [];
      for (const migration of migrations) {
        if (done.has(migration.version)) continue;
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())', [migration.version, migration.name]);
        applied.push(migration.version);
      }
      return applied;
    });
  },

  async ping() {
    await pool.query('SELECT 1');
  },

  async close() {
    await pool.end();
  },
});
