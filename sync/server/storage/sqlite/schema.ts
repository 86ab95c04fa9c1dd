import { loadMigrations, refuseNewerDatabase } from '../migrations.ts';
import type { Storage } from '../types.ts';
import type { SqliteConnection } from './connection.ts';

/** The database's life: migrations (in one IMMEDIATE transaction, so two processes cannot both apply one), ping, close. */
export const sqliteSchema = ({ db, volatile }: SqliteConnection): Pick<Storage, 'migrate' | 'ping' | 'close'> => ({
  async migrate() {
    const migrations = await loadMigrations('sqlite');
    const applied: number[] = [];
    db.transaction(() => {
      db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
      const done = new Set(db.prepare<[], { version: number }>('SELECT version FROM schema_migrations').all().map((r) => r.version));
      refuseNewerDatabase(done, migrations);
      for (const migration of migrations) {
        if (done.has(migration.version)) continue;
        db.exec(migration.sql);
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, new Date().toISOString());
        applied.push(migration.version);
      }
    }).immediate();
    return applied;
  },

  async ping() {
    db.prepare('SELECT 1').get();
  },

  async close() {
    if (volatile !== db && volatile.open) volatile.close();
    if (db.open) db.close();
  },
});
