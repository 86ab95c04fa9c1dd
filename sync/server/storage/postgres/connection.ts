import pg from 'pg';

/**
 * PostgreSQL, for a district that outgrows one machine: stateless server processes on one database.
 *
 * Change sequences and late commits: every transaction that writes centre data takes its change sequences with
 * `UPDATE counters … RETURNING` (nextChangeSeqs), which locks the counter row until the transaction ends. So a
 * second writer gets its seqs only after the first has committed (or rolled back, leaving no gap): seqs become
 * visible in the order they were handed out, and a reader's snapshot always holds a prefix of them. No change
 * can appear below a cursor a station already holds. The lock is taken last in each transaction, to hold it briefly.
 */
export interface PostgresOptions {
  connectionString: string;
  /** Connections in the pool (default 10). */
  max?: number;
}

export type Client = pg.PoolClient;
type Queryable = Pick<pg.Pool, 'query'> | Client;

export interface PostgresConnection {
  pool: pg.Pool;
  /** Runs fn in a transaction on one client; a serialization failure, a deadlock or a RetryTransaction runs it again (5 attempts). */
  transaction<T>(fn: (client: Client) => Promise<T>): Promise<T>;
}

const RETRYABLE = new Set(['40001', '40P01']);
const ATTEMPTS = 5;

/** Thrown inside a transaction whose snapshot a concurrent one made stale: it is rolled back and run again. */
export class RetryTransaction extends Error {
  override name = 'RetryTransaction';
}

const isRetryable = (error: unknown): boolean => error instanceof RetryTransaction || RETRYABLE.has((error as { code?: string }).code ?? '');

export const openPostgresConnection = (options: PostgresOptions): PostgresConnection => {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10 });
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});

  const transaction = async <T>(fn: (client: Client) => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt += 1) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        if (attempt < ATTEMPTS && isRetryable(error)) continue;
        throw error;
      } finally {
        client.release();
      }
    }
  };
  return { pool, transaction };
};

/** Hands out `count` consecutive change sequences and returns the first; holds the counter lock until commit. */
export const nextChangeSeqs = async (client: Queryable, count: number): Promise<number> => {
  const { rows } = await client.query<{ value: string }>("UPDATE counters SET value = value + $1 WHERE name = 'change_seq' RETURNING value", [count]);
  return Number(rows[0]!.value) - count + 1;
};

/** Puts (or tombstones, value null) one centre entry at a change sequence. */
export const upsertEntry = (client: Client, entry: { collection: string; scope: string; id: string; value: string | null; seq: number; at: Date }) =>
  client.query(
    `INSERT INTO centre_entries (collection, scope, id, value, deleted, seq, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (collection, scope, id) DO UPDATE SET value = excluded.value, deleted = excluded.deleted, seq = excluded.seq, updated_at = excluded.updated_at`,
    [entry.collection, entry.scope, entry.id, entry.value, entry.value === null, entry.seq, entry.at],
  );
