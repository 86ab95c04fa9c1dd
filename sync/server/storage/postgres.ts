import pg from 'pg';
import { DISTRICT_SCOPE } from '../../protocol/centre.ts';
import type { RequestStatus } from '../../protocol/request-state.ts';
import type { AckDeadLetter, DeadLetterReason } from '../../protocol/wire.ts';
import { loadMigrations } from './migrations.ts';
import { centreEventRecord, entryKey, json, parseJson, planPublish, statusValue, toChange } from './shared.ts';
import {
  type CentreEventResult,
  type Heartbeat,
  type PullPage,
  type PushResult,
  type Station,
  type Storage,
  StorageConflictError,
  type StoredDeadLetter,
  type StoredRecord,
} from './types.ts';

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

type Client = pg.PoolClient;
type Queryable = Pick<pg.Pool, 'query'> | Client;

const RETRYABLE = new Set(['40001', '40P01']);

/** Hands out `count` consecutive change sequences and returns the first; holds the counter lock until commit. */
export const nextChangeSeqs = async (client: Queryable, count: number): Promise<number> => {
  const { rows } = await client.query<{ value: string }>("UPDATE counters SET value = value + $1 WHERE name = 'change_seq' RETURNING value", [count]);
  return Number(rows[0]!.value) - count + 1;
};

interface StationRow {
  id: string;
  name: string;
  token_hash: string | null;
  prev_token_hash: string | null;
  revoked_at: Date | null;
  created_at: Date;
  token_issued_at: Date | null;
}

const toStation = (row: StationRow): Station => ({
  id: row.id,
  name: row.name,
  revokedAt: row.revoked_at,
  createdAt: row.created_at,
  enrolled: row.token_issued_at !== null,
});

const toAck = (row: { seq: string | number; record_id: string | null; reason: string; detail: string | null }): AckDeadLetter => ({
  seq: Number(row.seq),
  id: row.record_id,
  reason: row.reason as DeadLetterReason,
  detail: row.detail,
});

const num = (value: string | number | null): number | null => (value === null ? null : Number(value));

export const openPostgresStorage = (options: PostgresOptions): Storage => {
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
        if (attempt < 5 && RETRYABLE.has((error as { code?: string }).code ?? '')) continue;
        throw error;
      } finally {
        client.release();
      }
    }
  };

  const upsertEntry = (client: Client, e: { collection: string; scope: string; id: string; value: string | null; seq: number; at: Date }) =>
    client.query(
      `INSERT INTO centre_entries (collection, scope, id, value, deleted, seq, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (collection, scope, id) DO UPDATE SET value = excluded.value, deleted = excluded.deleted, seq = excluded.seq, updated_at = excluded.updated_at`,
      [e.collection, e.scope, e.id, e.value, e.value === null, e.seq, e.at],
    );

  const storage: Storage = {
    engine: 'postgres',

    async migrate() {
      const migrations = await loadMigrations('postgres');
      return transaction(async (client) => {
        // Several server processes may start at once: one migrates, the others wait and find nothing to do.
        await client.query("SELECT pg_advisory_xact_lock(hashtext('yizhan-migrations'))");
        await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)');
        const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
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

    async createStation({ id, name, now }) {
      try {
        const { rows } = await pool.query<StationRow>('INSERT INTO stations (id, name, created_at) VALUES ($1, $2, $3) RETURNING *', [id, name, now]);
        return toStation(rows[0]!);
      } catch (error) {
        if ((error as { code?: string }).code === '23505') throw new StorageConflictError(`station ${id} exists`);
        throw error;
      }
    },

    async getStation(id) {
      const { rows } = await pool.query<StationRow>('SELECT * FROM stations WHERE id = $1', [id]);
      return rows[0] ? toStation(rows[0]) : null;
    },

    async listStations() {
      return (await pool.query<StationRow>('SELECT * FROM stations ORDER BY id')).rows.map(toStation);
    },

    async createEnrolmentCode({ stationId, codeHash, expiresAt, now }) {
      await pool.query('INSERT INTO enrolment_codes (code_hash, station_id, expires_at, created_at) VALUES ($1, $2, $3, $4)', [codeHash, stationId, expiresAt, now]);
    },

    async redeemEnrolmentCode({ codeHash, tokenHash, now }) {
      return transaction(async (client) => {
        // The UPDATE … WHERE used_at IS NULL is the one-time check: of two concurrent redeems, one finds no row.
        const { rows } = await client.query<{ station_id: string }>(
          'UPDATE enrolment_codes SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING station_id',
          [codeHash, now],
        );
        if (!rows[0]) return null;
        const station = await client.query<StationRow>(
          'UPDATE stations SET token_hash = $1, prev_token_hash = NULL, token_issued_at = $2, revoked_at = NULL WHERE id = $3 RETURNING *',
          [tokenHash, now, rows[0].station_id],
        );
        return toStation(station.rows[0]!);
      });
    },

    async authenticate(tokenHash) {
      const { rows } = await pool.query<StationRow>('SELECT * FROM stations WHERE (token_hash = $1 OR prev_token_hash = $1) AND revoked_at IS NULL', [tokenHash]);
      const row = rows[0];
      if (!row) return null;
      if (row.token_hash === tokenHash && row.prev_token_hash !== null) {
        await pool.query('UPDATE stations SET prev_token_hash = NULL WHERE id = $1 AND token_hash = $2', [row.id, tokenHash]);
      }
      return toStation(row);
    },

    async setToken({ stationId, tokenHash, previousHash, now }) {
      const result = await pool.query(
        'UPDATE stations SET token_hash = $1, prev_token_hash = $2, token_issued_at = $3 WHERE id = $4 AND revoked_at IS NULL',
        [tokenHash, previousHash, now, stationId],
      );
      return result.rowCount === 1;
    },

    async revokeStation({ stationId, now }) {
      return transaction(async (client) => {
        const result = await client.query('UPDATE stations SET revoked_at = $1, token_hash = NULL, prev_token_hash = NULL WHERE id = $2', [now, stationId]);
        await client.query('UPDATE enrolment_codes SET expires_at = $1 WHERE station_id = $2 AND used_at IS NULL AND expires_at > $1', [now, stationId]);
        return result.rowCount === 1;
      });
    },

    async applyPush(input, plan): Promise<PushResult> {
      const { stationId, epoch, now } = input;
      return transaction(async (client): Promise<PushResult> => {
        await client.query(
          'INSERT INTO push_state (station_id, epoch, applied_seq, created_at, updated_at) VALUES ($1, $2, 0, $3, $3) ON CONFLICT DO NOTHING',
          [stationId, epoch, now],
        );
        // Locks this (station, epoch): a retried push racing its original waits here and then finds it applied.
        const state = await client.query<{ applied_seq: string }>('SELECT applied_seq FROM push_state WHERE station_id = $1 AND epoch = $2 FOR UPDATE', [stationId, epoch]);
        const known = await client.query<{ id: string; station_id: string }>('SELECT id, station_id FROM records WHERE id = ANY($1::text[])', [input.recordIds]);
        const requests = await client.query<{ id: string; station_id: string; status: RequestStatus | null }>(
          'SELECT id, station_id, status FROM requests WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE',
          [input.requestIds],
        );
        const dead = await client.query<{ seq: string; record_id: string | null; reason: string; detail: string | null }>(
          'SELECT seq, record_id, reason, detail FROM dead_letters WHERE station_id = $1 AND epoch = $2 AND seq BETWEEN $3 AND $4',
          [stationId, epoch, input.seqRange.min, input.seqRange.max],
        );
        const deadLetters = new Map(dead.rows.map((r) => [Number(r.seq), toAck(r)] as const));

        const decided = plan({
          appliedSeq: Number(state.rows[0]!.applied_seq),
          known: new Map(known.rows.map((r) => [r.id, r.station_id] as const)),
          requests: new Map(requests.rows.map((r) => [r.id, { stationId: r.station_id, status: r.status }] as const)),
          deadLetters,
        });
        if (decided.kind === 'diverged') return decided;

        const { records } = decided;
        if (records.length > 0) {
          // One statement for the whole batch. ON CONFLICT: another epoch of this station may race us with the same id.
          await client.query(
            `INSERT INTO records (id, station_id, epoch, seq, kind, v, at, payload, received_at)
             SELECT u.id, $1, $2, u.seq, u.kind, u.v, u.at, u.payload, $3
             FROM unnest($4::text[], $5::bigint[], $6::text[], $7::int[], $8::text[], $9::text[]) AS u (id, seq, kind, v, at, payload)
             ON CONFLICT (id) DO NOTHING`,
            [
              stationId,
              epoch,
              now,
              records.map((r) => r.id),
              records.map((r) => r.seq),
              records.map((r) => r.kind),
              records.map((r) => r.v),
              records.map((r) => r.at),
              records.map((r) => json(r.payload)),
            ],
          );
        }
        const dl = decided.deadLetters;
        if (dl.length > 0) {
          await client.query(
            `INSERT INTO dead_letters (station_id, epoch, seq, record_id, kind, reason, detail, payload, received_at)
             SELECT $1, $2, u.seq, u.record_id, u.kind, u.reason, u.detail, u.payload, $3
             FROM unnest($4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[]) AS u (seq, record_id, kind, reason, detail, payload)
             ON CONFLICT DO NOTHING`,
            [
              stationId,
              epoch,
              now,
              dl.map((d) => d.seq),
              dl.map((d) => d.recordId),
              dl.map((d) => d.kind),
              dl.map((d) => d.reason),
              dl.map((d) => d.detail),
              dl.map((d) => json(d.payload)),
            ],
          );
          for (const d of dl) deadLetters.set(d.seq, { seq: d.seq, id: d.recordId, reason: d.reason, detail: d.detail });
        }
        if (decided.newRequests.length > 0) {
          await client.query(
            'INSERT INTO requests (id, station_id, status, updated_at) SELECT u.id, $1, NULL, $2 FROM unnest($3::text[]) AS u (id) ON CONFLICT DO NOTHING',
            [stationId, now, decided.newRequests],
          );
        }
        await client.query('UPDATE push_state SET applied_seq = $1, updated_at = $2 WHERE station_id = $3 AND epoch = $4', [decided.appliedSeq, now, stationId, epoch]);
        if (decided.statusChanges.length > 0) {
          for (const change of decided.statusChanges) {
            await client.query('UPDATE requests SET status = $1, updated_at = $2 WHERE id = $3', [change.status, now, change.requestId]);
          }
          let seq = await nextChangeSeqs(client, decided.statusChanges.length);
          for (const change of decided.statusChanges) {
            await upsertEntry(client, { collection: 'request-status', scope: stationId, id: change.requestId, value: json(statusValue(change, stationId)), seq, at: now });
            seq += 1;
          }
        }
        const acks = [...deadLetters.values()].filter((d) => d.seq <= decided.appliedSeq).sort((a, b) => a.seq - b.seq);
        return { kind: 'applied', appliedSeq: decided.appliedSeq, deadLetters: acks, stored: records.length };
      });
    },

    async getRecord(id) {
      const { rows } = await pool.query<RecordRow>('SELECT * FROM records WHERE id = $1', [id]);
      return rows[0] ? toRecord(rows[0]) : null;
    },

    async listRecords(stationId) {
      return (await pool.query<RecordRow>('SELECT * FROM records WHERE station_id = $1 ORDER BY epoch, seq', [stationId])).rows.map(toRecord);
    },

    async listDeadLetters(stationId) {
      const { rows } = await pool.query<DeadLetterRow>('SELECT * FROM dead_letters WHERE station_id = $1 ORDER BY epoch, seq', [stationId]);
      return rows.map(
        (row): StoredDeadLetter => ({
          ...toAck(row),
          stationId: row.station_id,
          epoch: row.epoch,
          kind: row.kind,
          payload: parseJson(row.payload),
          receivedAt: row.received_at,
        }),
      );
    },

    async getRequestStatus(requestId) {
      const { rows } = await pool.query<{ station_id: string; status: RequestStatus | null }>('SELECT station_id, status FROM requests WHERE id = $1', [requestId]);
      return rows[0] ? { stationId: rows[0].station_id, status: rows[0].status } : null;
    },

    async purgePersonal({ before, now, strip, batchSize = 500 }) {
      let records = 0;
      for (;;) {
        const done = await transaction(async (client) => {
          const { rows } = await client.query<{ id: string; payload: string }>(
            'SELECT id, payload FROM records WHERE personal_purged_at IS NULL AND received_at < $1 ORDER BY received_at LIMIT $2 FOR UPDATE SKIP LOCKED',
            [before, batchSize],
          );
          if (rows.length > 0) {
            await client.query(
              'UPDATE records r SET payload = u.payload, personal_purged_at = $1 FROM unnest($2::text[], $3::text[]) AS u (id, payload) WHERE r.id = u.id',
              [now, rows.map((r) => r.id), rows.map((r) => JSON.stringify(strip(JSON.parse(r.payload))))],
            );
          }
          return rows.length;
        });
        records += done;
        if (done < batchSize) break;
      }
      const dead = await pool.query('UPDATE dead_letters SET payload = NULL WHERE payload IS NOT NULL AND received_at < $1', [before]);
      return { records, deadLetters: dead.rowCount ?? 0 };
    },

    async publish({ scope, collections, now }) {
      return transaction(async (client) => {
        // Publishes are rare: take the change-seq lock first, so the diff and the scope check below see every
        // earlier publish and no later one can slip in between.
        await client.query("SELECT value FROM counters WHERE name = 'change_seq' FOR UPDATE");
        const names = Object.keys(collections);
        const { rows } = await client.query<{ collection: string; id: string; value: string | null; deleted: boolean }>(
          'SELECT collection, id, value, deleted FROM centre_entries WHERE scope = $1 AND collection = ANY($2::text[])',
          [scope, names],
        );
        const existing = new Map(rows.map((r) => [entryKey(r.collection, r.id), { value: r.value, deleted: r.deleted }] as const));
        const { writes, put, deleted, unchanged } = planPublish(collections, existing);
        const puts = writes.filter((w) => w.value !== null);
        if (puts.length > 0) {
          const clash = await client.query<{ collection: string; id: string; scope: string }>(
            `SELECT e.collection, e.id, e.scope FROM centre_entries e
             JOIN unnest($1::text[], $2::text[]) AS u (collection, id) ON e.collection = u.collection AND e.id = u.id
             WHERE NOT e.deleted AND ${scope === DISTRICT_SCOPE ? "e.scope <> '*'" : "e.scope = '*'"} LIMIT 1`,
            [puts.map((w) => w.collection), puts.map((w) => w.id)],
          );
          const other = clash.rows[0];
          if (other) throw new StorageConflictError(`${other.collection}/${other.id} is already published in scope ${other.scope}`);
        }
        if (writes.length > 0) {
          const first = await nextChangeSeqs(client, writes.length);
          await client.query(
            `INSERT INTO centre_entries (collection, scope, id, value, deleted, seq, updated_at)
             SELECT u.collection, $1, u.id, u.value, u.value IS NULL, u.seq, $2
             FROM unnest($3::text[], $4::text[], $5::text[], $6::bigint[]) AS u (collection, id, value, seq)
             ON CONFLICT (collection, scope, id) DO UPDATE SET value = excluded.value, deleted = excluded.deleted, seq = excluded.seq, updated_at = excluded.updated_at`,
            [scope, now, writes.map((w) => w.collection), writes.map((w) => w.id), writes.map((w) => w.value), writes.map((_, i) => first + i)],
          );
        }
        return { put, deleted, unchanged };
      });
    },

    async appendCentreRequestEvent({ event, now, validate }): Promise<CentreEventResult> {
      return transaction(async (client): Promise<CentreEventResult> => {
        const { rows } = await client.query<{ station_id: string; status: RequestStatus | null }>('SELECT station_id, status FROM requests WHERE id = $1 FOR UPDATE', [
          event.requestId,
        ]);
        const request = rows[0];
        if (!request) return { ok: false, reason: 'unknown-request' };
        const result = validate(request.status);
        if (!result.ok) return { ok: false, reason: result.reason };
        await client.query('UPDATE requests SET status = $1, updated_at = $2 WHERE id = $3', [result.status, now, event.requestId]);
        const seq = await nextChangeSeqs(client, 2);
        await upsertEntry(client, { collection: 'request-events', scope: request.station_id, id: event.id, value: json(centreEventRecord(event, request.station_id, now)), seq, at: now });
        const status = statusValue({ requestId: event.requestId, status: result.status, event: event.type, at: now.toISOString() }, request.station_id);
        await upsertEntry(client, { collection: 'request-status', scope: request.station_id, id: event.requestId, value: json(status), seq: seq + 1, at: now });
        return { ok: true, status: result.status, stationId: request.station_id, seq: seq + 1 };
      });
    },

    async pull({ stationId, cursor, limit, fullRead = false }): Promise<PullPage> {
      // One statement, one snapshot: the counters and the page are read at the same instant.
      const { rows } = await pool.query<{ max_seq: string; horizon: string; collection: string | null; id: string | null; value: string | null; deleted: boolean | null; seq: string | null }>(
        `SELECT m.max_seq, m.horizon, e.collection, e.id, e.value, e.deleted, e.seq
         FROM (SELECT max(value) FILTER (WHERE name = 'change_seq') AS max_seq, max(value) FILTER (WHERE name = 'tombstone_horizon') AS horizon FROM counters) m
         LEFT JOIN LATERAL (
           SELECT collection, id, value, deleted, seq FROM centre_entries
           WHERE scope IN ('*', $1) AND seq > $2 ORDER BY seq LIMIT $3
         ) e ON true
         ORDER BY e.seq`,
        [stationId, cursor, limit + 1],
      );
      const max = Number(rows[0]?.max_seq ?? 0);
      const horizon = Number(rows[0]?.horizon ?? 0);
      if (cursor > max || (!fullRead && cursor > 0 && cursor < horizon)) return { changes: [], cursor: 0, hasMore: true, reset: true };
      const entries = rows.filter((r) => r.seq !== null);
      const page = entries.slice(0, limit).map((r) => toChange({ collection: r.collection!, id: r.id!, value: r.value, deleted: r.deleted!, seq: Number(r.seq) }));
      const hasMore = entries.length > limit;
      // At the end of the feed the cursor moves to the newest change of any scope (the counter and the page are
      // one snapshot, so nothing at or below it is still to come), and so never lags behind the horizon.
      return { changes: page, cursor: hasMore ? Number(page.at(-1)!.seq) : max, hasMore, reset: false };
    },

    async purgeTombstones({ before }) {
      return transaction(async (client) => {
        const { rows } = await client.query<{ top: string | null; n: number }>(
          'WITH gone AS (DELETE FROM centre_entries WHERE deleted AND updated_at < $1 RETURNING seq) SELECT max(seq) AS top, count(*)::int AS n FROM gone',
          [before],
        );
        const top = rows[0]!;
        if (top.n > 0) await client.query("UPDATE counters SET value = greatest(value, $1) WHERE name = 'tombstone_horizon'", [top.top]);
        const horizon = await client.query<{ value: string }>("SELECT value FROM counters WHERE name = 'tombstone_horizon'");
        return { purged: top.n, horizon: Number(horizon.rows[0]!.value) };
      });
    },

    async saveHeartbeat(h) {
      await pool.query(
        `INSERT INTO heartbeats (station_id, app_version, records_waiting, storage_used, storage_quota, last_error, clock_offset_ms, sent_at, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (station_id) DO UPDATE SET app_version = excluded.app_version, records_waiting = excluded.records_waiting,
           storage_used = excluded.storage_used, storage_quota = excluded.storage_quota, last_error = excluded.last_error,
           clock_offset_ms = excluded.clock_offset_ms, sent_at = excluded.sent_at, received_at = excluded.received_at`,
        [h.stationId, h.appVersion, h.recordsWaiting, h.storageUsed, h.storageQuota, h.lastError, h.clockOffsetMs, h.sentAt, h.receivedAt],
      );
    },

    async getHeartbeat(stationId) {
      const { rows } = await pool.query<HeartbeatRow>('SELECT * FROM heartbeats WHERE station_id = $1', [stationId]);
      return rows[0] ? toHeartbeat(rows[0]) : null;
    },

    async listHeartbeats() {
      return (await pool.query<HeartbeatRow>('SELECT * FROM heartbeats ORDER BY station_id')).rows.map(toHeartbeat);
    },
  };
  return storage;
};

interface RecordRow {
  id: string;
  station_id: string;
  epoch: string;
  seq: string;
  kind: string;
  v: number;
  payload: string;
  received_at: Date;
  personal_purged_at: Date | null;
}

interface DeadLetterRow {
  station_id: string;
  epoch: string;
  seq: string;
  record_id: string | null;
  kind: string | null;
  reason: string;
  detail: string | null;
  payload: string | null;
  received_at: Date;
}

interface HeartbeatRow {
  station_id: string;
  app_version: string;
  records_waiting: string;
  storage_used: string | null;
  storage_quota: string | null;
  last_error: string | null;
  clock_offset_ms: string | null;
  sent_at: string;
  received_at: Date;
}

const toRecord = (row: RecordRow): StoredRecord => ({
  id: row.id,
  stationId: row.station_id,
  epoch: row.epoch,
  seq: Number(row.seq),
  kind: row.kind,
  v: row.v,
  payload: JSON.parse(row.payload) as unknown,
  receivedAt: row.received_at,
  personalPurgedAt: row.personal_purged_at,
});

const toHeartbeat = (row: HeartbeatRow): Heartbeat => ({
  stationId: row.station_id,
  appVersion: row.app_version,
  recordsWaiting: Number(row.records_waiting),
  storageUsed: num(row.storage_used),
  storageQuota: num(row.storage_quota),
  lastError: row.last_error,
  clockOffsetMs: num(row.clock_offset_ms),
  sentAt: row.sent_at,
  receivedAt: row.received_at,
});
