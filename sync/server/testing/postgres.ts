import { execFile } from 'node:child_process';
import { chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: initdb in a temp folder, a free loopback port, trust
 * auth, stopped and removed afterwards. PostgreSQL refuses to run as root, so as root the binaries run as the
 * 'postgres' OS user (runuser) in a folder handed to it.
 */
export interface PgCluster {
  port: number;
  /** A connection URL for a database of this cluster. */
  url(database?: string): string;
  stop(): Promise<void>;
}

/** The folder holding initdb and pg_ctl: $PG_BIN, the newest /usr/lib/postgresql/<n>/bin, or PATH. */
export const findPgBin = async (): Promise<string | null> => {
  if (process.env.PG_BIN && existsSync(join(process.env.PG_BIN, 'initdb'))) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = (await readdir(base)).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(base, versions[0], 'bin');
  }
  try {
    const { stdout } = await run('sh', ['-c', 'command -v initdb']);
    const path = stdout.trim();
    return path ? path.slice(0, path.lastIndexOf('/')) : null;
  } catch {
    return null;
  }
};

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

const isRoot = () => process.getuid?.() === 0;

/**
 * `durable`: fsync, synchronous commits and full-page writes on, as in production (the load benches that say what
 * one PostgreSQL carries); otherwise off, for speed (the code under test does not depend on them).
 */
export const startPgCluster = async (bin: string, { durable = false }: { durable?: boolean } = {}): Promise<PgCluster> => {
  const dir = await mkdtemp(join(tmpdir(), 'yizhan-pg-'));
  const asPostgres = async (command: string, args: string[]) => {
    const file = join(bin, command);
    return isRoot() ? run('runuser', ['-u', 'postgres', '--', file, ...args]) : run(file, args);
  };
  if (isRoot()) {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    await chown(dir, uid, gid);
  }
  const data = join(dir, 'data');
  try {
    await asPostgres('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
    let port = 0;
    for (let attempt = 0; ; attempt += 1) {
      port = await freePort();
      const options = [
        `-p ${port}`,
        "-c listen_addresses='127.0.0.1'",
        `-k ${dir}`,
        durable ? '-c fsync=on -c synchronous_commit=on -c full_page_writes=on' : '-c fsync=off -c synchronous_commit=off -c full_page_writes=off',
        '-c max_connections=200',
      ].join(' ');
      try {
        await asPostgres('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', options, 'start']);
        break;
      } catch (error) {
        if (attempt >= 2) throw error;
      }
    }
    const cluster: PgCluster = {
      port,
      url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
      stop: async () => {
        await asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
        await rm(dir, { recursive: true, force: true });
      },
    };
    return cluster;
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
};

/** A fresh database on the cluster behind adminUrl; drop() removes it (closing what still holds it). */
export const createDatabase = async (adminUrl: string, name = `yz_${Math.random().toString(36).slice(2, 10)}`) => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
};
