import type { TestProject } from 'vitest/node';
import { findPgBin, startPgCluster } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The admin URL of the test cluster, or null where PostgreSQL is not installed (never under CI). */
    pgUrl: string | null;
  }
}

/** One PostgreSQL cluster for the whole server suite; each test file makes its own database on it. */
export default async function setup(project: TestProject) {
  const bin = await findPgBin();
  if (!bin) {
    if (process.env.CI) throw new Error('PostgreSQL binaries (initdb, pg_ctl) not found: install postgresql (apt-get install postgresql) or set PG_BIN. The PostgreSQL suite is not skipped in CI.');
    console.warn('[server tests] PostgreSQL not found: PostgreSQL tests are skipped (set PG_BIN or install postgresql).');
    project.provide('pgUrl', null);
    return;
  }
  const cluster = await startPgCluster(bin);
  project.provide('pgUrl', cluster.url());
  return async () => {
    await cluster.stop();
  };
}
