import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DISTRICT_SCOPE } from '../../protocol/centre.ts';
import type { RequestStatus } from '../../protocol/request-state.ts';
import type { AckDeadLetter, DeadLetterReason } from '../../protocol/wire.ts';
import { loadMigrations } from './migrations.ts';
import { centreEventRecord, type EntryRow, entryKey, json, parseJson, planPublish, statusValue, toChange } from './shared.ts';
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
 * The embedded engine: one SQLite file (WAL, synchronous=FULL so an acknowledged push survives a power cut).
 * better-sqlite3 is synchronous, so each method runs its whole transaction without yielding: no two requests can
 * interleave inside one, and BEGIN IMMEDIATE serializes writers across processes (the CLI beside the server).
 */
export interface SqliteOptions {
  /** A file path, or ':memory:'. The folder is created if missing. */
  path: string;
}

interface StationRow {
  id: string;
  name: string;
  token_hash: string | null;
  prev_token_hash: string | null;
  revoked_at: string | null;
  created_at: string;
  token_issued_at: string | null;
}

interface RecordRow {
  id: string;
  station_id: string;
  epoch: string;
  seq: number;
  kind: string;
  v: number;
  payload: string;
  received_at: string;
  personal_purged_at: string | null;
}

interface DeadLetterRow {
  station_id: string;
  epoch: string;
  seq: number;
  record_id: string | null;
  kind: string | null;
  reason: string;
  detail: string | null;
  payload: string | null;
  received_at: string;
}

interface HeartbeatRow {
  station_id: string;
  app_version: string;
  records_waiting: number;
  storage_used: number | null;
  storage_quota: number | null;
  last_error: string | null;
  clock_offset_ms: number | null;
  sent_at: string;
  received_at: string;
}

const toStation = (row: StationRow): Station => ({
  id: row.id,
  name: row.name,
  revokedAt: row.revoked_at ? new Date(row.revoked_at) : null,
  createdAt: new Date(row.created_at),
  enrolled: row.token_issued_at !== null,
});

const toHeartbeat = (row: HeartbeatRow): Heartbeat => ({
  stationId: row.station_id,
  appVersion: row.app_version,
  recordsWaiting: row.records_waiting,
  storageUsed: row.storage_used,
  storageQuota: row.storage_quota,
  lastError: row.last_error,
  clockOffsetMs: row.clock_offset_ms,
  sentAt: row.sent_at,
  receivedAt: new Date(row.received_at),
});

const toAck = (row: Pick<DeadLetterRow, 'seq' | 'record_id' | 'reason' | 'detail'>): AckDeadLetter => ({
  seq: row.seq,
  id: row.record_id,
  reason: row.reason as DeadLetterReason,
  detail: row.detail,
});

export const openSqliteStorage = (options: SqliteOptions): Storage => {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  const db = new Database(options.path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Compiling a statement costs more than running most of ours (11% of server CPU under the load bench): each
  // SQL text is prepared once per connection. No caller changes a statement's mode (pluck, raw, expand).
  const statements = new Map<string, Database.Statement>();
  const prepareOnce = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = prepareOnce(sql);
      statements.set(sql, statement);
    }
    return statement;
  }) as typeof db.prepare;

  /** Hands out `count` change sequences; callers are inside an IMMEDIATE transaction, so they are in commit order. */
  const nextChangeSeqs = (count: number): number => {
    const row = db.prepare<[number], { value: number }>("UPDATE counters SET value = value + ? WHERE name = 'change_seq' RETURNING value").get(count);
    return row!.value - count + 1;
  };
  const upsertEntry = () =>
    db.prepare<[string, string, string, string | null, number, number, string]>(
      `INSERT INTO centre_entries (collection, scope, id, value, deleted, seq, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (collection, scope, id) DO UPDATE SET value = excluded.value, deleted = excluded.deleted, seq = excluded.seq, updated_at = excluded.updated_at`,
    );
  const stationById = (id: string) => db.prepare<[string], StationRow>('SELECT * FROM stations WHERE id = ?').get(id);

  const storage: Storage = {
    engine: 'sqlite',

    async migrate() {
      const migrations = await loadMigrations('sqlite');
      const applied: number[] = [];
      db.transaction(() => {
        db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
        const done = new Set(db.prepare<[], { version: number }>('SELECT version FROM schema_migrations').all().map((r) => r.version));
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
      if (db.open) db.close();
    },

    async createStation({ id, name, now }) {
      try {
        db.prepare('INSERT INTO stations (id, name, created_at) VALUES (?, ?, ?)').run(id, name, now.toISOString());
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new StorageConflictError(`station ${id} exists`);
        throw error;
      }
      return toStation(stationById(id)!);
    },

    async getStation(id) {
      const row = stationById(id);
      return row ? toStation(row) : null;
    },

    async listStations() {
      return db.prepare<[], StationRow>('SELECT * FROM stations ORDER BY id').all().map(toStation);
    },

    async createEnrolmentCode({ stationId, codeHash, expiresAt, now }) {
      db.prepare('INSERT INTO enrolment_codes (code_hash, station_id, expires_at, created_at) VALUES (?, ?, ?, ?)').run(
        codeHash,
        stationId,
        expiresAt.toISOString(),
        now.toISOString(),
      );
    },

    async redeemEnrolmentCode({ codeHash, tokenHash, now }) {
      return db
        .transaction(() => {
          const at = now.toISOString();
          const code = db
            .prepare<[string, string], { station_id: string }>('SELECT station_id FROM enrolment_codes WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?')
            .get(codeHash, at);
          if (!code) return null;
          db.prepare('UPDATE enrolment_codes SET used_at = ? WHERE code_hash = ?').run(at, codeHash);
          db.prepare('UPDATE stations SET token_hash = ?, prev_token_hash = NULL, token_issued_at = ?, revoked_at = NULL WHERE id = ?').run(tokenHash, at, code.station_id);
          return toStation(stationById(code.station_id)!);
        })
        .immediate();
    },

    async authenticate(tokenHash) {
      const row = db
        .prepare<[string, string], StationRow>('SELECT * FROM stations WHERE (token_hash = ? OR prev_token_hash = ?) AND revoked_at IS NULL')
        .get(tokenHash, tokenHash);
      if (!row) return null;
      // The new token of a rotation is in use: the old one has served its purpose.
      if (row.token_hash === tokenHash && row.prev_token_hash !== null) {
        db.prepare('UPDATE stations SET prev_token_hash = NULL WHERE id = ? AND token_hash = ?').run(row.id, tokenHash);
      }
      return toStation(row);
    },

    async setToken({ stationId, tokenHash, previousHash, now }) {
      const result = db
        .prepare('UPDATE stations SET token_hash = ?, prev_token_hash = ?, token_issued_at = ? WHERE id = ? AND revoked_at IS NULL')
        .run(tokenHash, previousHash, now.toISOString(), stationId);
      return result.changes === 1;
    },

    async revokeStation({ stationId, now }) {
      return db
        .transaction(() => {
          const at = now.toISOString();
          const result = db.prepare('UPDATE stations SET revoked_at = ?, token_hash = NULL, prev_token_hash = NULL WHERE id = ?').run(at, stationId);
          db.prepare('UPDATE enrolment_codes SET expires_at = ? WHERE station_id = ? AND used_at IS NULL AND expires_at > ?').run(at, stationId, at);
          return result.changes === 1;
        })
        .immediate();
    },

    async applyPush(input, plan): Promise<PushResult> {
      const { stationId, epoch, now } = input;
      const at = now.toISOString();
      return db
        .transaction((): PushResult => {
          db.prepare('INSERT OR IGNORE INTO push_state (station_id, epoch, applied_seq, created_at, updated_at) VALUES (?, ?, 0, ?, ?)').run(stationId, epoch, at, at);
          const state = db
            .prepare<[string, string], { applied_seq: number }>('SELECT applied_seq FROM push_state WHERE station_id = ? AND epoch = ?')
            .get(stationId, epoch)!;
          const known = new Map(
            db
              .prepare<[string], { id: string; station_id: string }>('SELECT id, station_id FROM records WHERE id IN (SELECT value FROM json_each(?))')
              .all(JSON.stringify(input.recordIds))
              .map((r) => [r.id, r.station_id] as const),
          );
          const requests = new Map(
            db
              .prepare<[string], { id: string; station_id: string; status: RequestStatus | null }>(
                'SELECT id, station_id, status FROM requests WHERE id IN (SELECT value FROM json_each(?))',
              )
              .all(JSON.stringify(input.requestIds))
              .map((r) => [r.id, { stationId: r.station_id, status: r.status }] as const),
          );
          const deadLetters = new Map(
            db
              .prepare<[string, string, number, number], DeadLetterRow>(
                'SELECT seq, record_id, reason, detail FROM dead_letters WHERE station_id = ? AND epoch = ? AND seq BETWEEN ? AND ?',
              )
              .all(stationId, epoch, input.seqRange.min, input.seqRange.max)
              .map((r) => [r.seq, toAck(r)] as const),
          );

          const decided = plan({ appliedSeq: state.applied_seq, known, requests, deadLetters });
          if (decided.kind === 'diverged') return decided;

          const insertRecord = db.prepare('INSERT INTO records (id, station_id, epoch, seq, kind, v, at, payload, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
          for (const r of decided.records) insertRecord.run(r.id, stationId, epoch, r.seq, r.kind, r.v, r.at, json(r.payload), at);
          const insertDead = db.prepare(
            'INSERT OR IGNORE INTO dead_letters (station_id, epoch, seq, record_id, kind, reason, detail, payload, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
          );
          for (const d of decided.deadLetters) {
            insertDead.run(stationId, epoch, d.seq, d.recordId, d.kind, d.reason, d.detail, json(d.payload), at);
            deadLetters.set(d.seq, { seq: d.seq, id: d.recordId, reason: d.reason, detail: d.detail });
          }
          const insertRequest = db.prepare('INSERT OR IGNORE INTO requests (id, station_id, status, updated_at) VALUES (?, ?, NULL, ?)');
          for (const id of decided.newRequests) insertRequest.run(id, stationId, at);
          if (decided.statusChanges.length > 0) {
            const updateStatus = db.prepare('UPDATE requests SET status = ?, updated_at = ? WHERE id = ?');
            const upsert = upsertEntry();
            let seq = nextChangeSeqs(decided.statusChanges.length);
            for (const change of decided.statusChanges) {
              updateStatus.run(change.status, at, change.requestId);
              upsert.run('request-status', stationId, change.requestId, json(statusValue(change, stationId)), 0, seq, at);
              seq += 1;
            }
          }
          db.prepare('UPDATE push_state SET applied_seq = ?, updated_at = ? WHERE station_id = ? AND epoch = ?').run(decided.appliedSeq, at, stationId, epoch);
          const acks = [...deadLetters.values()].filter((d) => d.seq <= decided.appliedSeq).sort((a, b) => a.seq - b.seq);
          return { kind: 'applied', appliedSeq: decided.appliedSeq, deadLetters: acks, stored: decided.records.length };
        })
        .immediate();
    },

    async getRecord(id) {
      const row = db.prepare<[string], RecordRow>('SELECT * FROM records WHERE id = ?').get(id);
      return row ? toRecord(row) : null;
    },

    async listRecords(stationId) {
      return db.prepare<[string], RecordRow>('SELECT * FROM records WHERE station_id = ? ORDER BY epoch, seq').all(stationId).map(toRecord);
    },

    async listDeadLetters(stationId) {
      return db
        .prepare<[string], DeadLetterRow>('SELECT * FROM dead_letters WHERE station_id = ? ORDER BY epoch, seq')
        .all(stationId)
        .map(
          (row): StoredDeadLetter => ({
            ...toAck(row),
            stationId: row.station_id,
            epoch: row.epoch,
            kind: row.kind,
            payload: parseJson(row.payload),
            receivedAt: new Date(row.received_at),
          }),
        );
    },

    async getRequestStatus(requestId) {
      const row = db.prepare<[string], { station_id: string; status: RequestStatus | null }>('SELECT station_id, status FROM requests WHERE id = ?').get(requestId);
      return row ? { stationId: row.station_id, status: row.status } : null;
    },

    async purgePersonal({ before, now, strip, batchSize = 500 }) {
      const cutoff = before.toISOString();
      const at = now.toISOString();
      let records = 0;
      const select = db.prepare<[string, number], { id: string; payload: string }>(
        'SELECT id, payload FROM records WHERE personal_purged_at IS NULL AND received_at < ? ORDER BY received_at LIMIT ?',
      );
      const update = db.prepare('UPDATE records SET payload = ?, personal_purged_at = ? WHERE id = ?');
      for (;;) {
        const done = db.transaction(() => {
          const rows = select.all(cutoff, batchSize);
          for (const row of rows) update.run(JSON.stringify(strip(JSON.parse(row.payload))), at, row.id);
          return rows.length;
        })();
        records += done;
        if (done < batchSize) break;
      }
      const deadLetters = db.prepare('UPDATE dead_letters SET payload = NULL WHERE payload IS NOT NULL AND received_at < ?').run(cutoff).changes;
      return { records, deadLetters };
    },

    async publish({ scope, collections, now }) {
      const at = now.toISOString();
      return db
        .transaction(() => {
          const names = Object.keys(collections);
          const existing = new Map(
            db
              .prepare<[string, string], { collection: string; id: string; value: string | null; deleted: number }>(
                'SELECT collection, id, value, deleted FROM centre_entries WHERE scope = ? AND collection IN (SELECT value FROM json_each(?))',
              )
              .all(scope, JSON.stringify(names))
              .map((r) => [entryKey(r.collection, r.id), { value: r.value, deleted: r.deleted === 1 }] as const),
          );
          const { writes, put, deleted, unchanged } = planPublish(collections, existing);
          const clash =
            scope === DISTRICT_SCOPE
              ? db.prepare<[string, string], { scope: string }>("SELECT scope FROM centre_entries WHERE collection = ? AND id = ? AND scope <> '*' AND deleted = 0 LIMIT 1")
              : db.prepare<[string, string], { scope: string }>("SELECT scope FROM centre_entries WHERE collection = ? AND id = ? AND scope = '*' AND deleted = 0");
          for (const write of writes) {
            if (write.value === null) continue;
            const other = clash.get(write.collection, write.id);
            if (other) throw new StorageConflictError(`${write.collection}/${write.id} is already published in scope ${other.scope}`);
          }
          if (writes.length > 0) {
            const upsert = upsertEntry();
            let seq = nextChangeSeqs(writes.length);
            for (const write of writes) {
              upsert.run(write.collection, scope, write.id, write.value, write.value === null ? 1 : 0, seq, at);
              seq += 1;
            }
          }
          return { put, deleted, unchanged };
        })
        .immediate();
    },

    async appendCentreRequestEvent({ event, now, validate }): Promise<CentreEventResult> {
      const at = now.toISOString();
      return db
        .transaction((): CentreEventResult => {
          const request = db
            .prepare<[string], { station_id: string; status: RequestStatus | null }>('SELECT station_id, status FROM requests WHERE id = ?')
            .get(event.requestId);
          if (!request) return { ok: false, reason: 'unknown-request' };
          const result = validate(request.status);
          if (!result.ok) return { ok: false, reason: result.reason };
          db.prepare('UPDATE requests SET status = ?, updated_at = ? WHERE id = ?').run(result.status, at, event.requestId);
          const upsert = upsertEntry();
          const seq = nextChangeSeqs(2);
          upsert.run('request-events', request.station_id, event.id, json(centreEventRecord(event, request.station_id, now)), 0, seq, at);
          const status = statusValue({ requestId: event.requestId, status: result.status, event: event.type, at }, request.station_id);
          upsert.run('request-status', request.station_id, event.requestId, json(status), 0, seq + 1, at);
          return { ok: true, status: result.status, stationId: request.station_id, seq: seq + 1 };
        })
        .immediate();
    },

    async pull({ stationId, cursor, limit, fullRead = false }): Promise<PullPage> {
      return db.transaction((): PullPage => {
        const counters = new Map(db.prepare<[], { name: string; value: number }>('SELECT name, value FROM counters').all().map((r) => [r.name, r.value]));
        const max = counters.get('change_seq') ?? 0;
        const horizon = counters.get('tombstone_horizon') ?? 0;
        if (cursor > max || (!fullRead && cursor > 0 && cursor < horizon)) return { changes: [], cursor: 0, hasMore: true, reset: true };
        const rows = db
          .prepare<[string, number, number], Omit<EntryRow, 'deleted'> & { deleted: number }>(
            "SELECT collection, id, value, deleted, seq FROM centre_entries WHERE scope IN ('*', ?) AND seq > ? ORDER BY seq LIMIT ?",
          )
          .all(stationId, cursor, limit + 1);
        const page = rows.slice(0, limit).map((r) => toChange({ ...r, deleted: r.deleted === 1 }));
        const hasMore = rows.length > limit;
        // At the end of the feed the cursor moves to the newest change of any scope: everything up to it that
        // this station may see has been sent (same snapshot), and the cursor never lags behind the horizon.
        return { changes: page, cursor: hasMore ? rows[limit - 1]!.seq : max, hasMore, reset: false };
      })();
    },

    async purgeTombstones({ before }) {
      return db
        .transaction(() => {
          const cutoff = before.toISOString();
          const top = db.prepare<[string], { top: number | null; n: number }>('SELECT max(seq) AS top, count(*) AS n FROM centre_entries WHERE deleted = 1 AND updated_at < ?').get(cutoff)!;
          if (top.n > 0) {
            db.prepare('DELETE FROM centre_entries WHERE deleted = 1 AND updated_at < ?').run(cutoff);
            db.prepare("UPDATE counters SET value = max(value, ?) WHERE name = 'tombstone_horizon'").run(top.top);
          }
          const horizon = db.prepare<[], { value: number }>("SELECT value FROM counters WHERE name = 'tombstone_horizon'").get()!.value;
          return { purged: top.n, horizon };
        })
        .immediate();
    },

    async saveHeartbeat(h) {
      db.prepare(
        `INSERT INTO heartbeats (station_id, app_version, records_waiting, storage_used, storage_quota, last_error, clock_offset_ms, sent_at, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (station_id) DO UPDATE SET app_version = excluded.app_version, records_waiting = excluded.records_waiting,
           storage_used = excluded.storage_used, storage_quota = excluded.storage_quota, last_error = excluded.last_error,
           clock_offset_ms = excluded.clock_offset_ms, sent_at = excluded.sent_at, received_at = excluded.received_at`,
      ).run(h.stationId, h.appVersion, h.recordsWaiting, h.storageUsed, h.storageQuota, h.lastError, h.clockOffsetMs, h.sentAt, h.receivedAt.toISOString());
    },

    async getHeartbeat(stationId) {
      const row = db.prepare<[string], HeartbeatRow>('SELECT * FROM heartbeats WHERE station_id = ?').get(stationId);
      return row ? toHeartbeat(row) : null;
    },

    async listHeartbeats() {
      return db.prepare<[], HeartbeatRow>('SELECT * FROM heartbeats ORDER BY station_id').all().map(toHeartbeat);
    },
  };
  return storage;
};

const toRecord = (row: RecordRow): StoredRecord => ({
  id: row.id,
  stationId: row.station_id,
  epoch: row.epoch,
  seq: row.seq,
  kind: row.kind,
  v: row.v,
  payload: JSON.parse(row.payload) as unknown,
  receivedAt: new Date(row.received_at),
  personalPurgedAt: row.personal_purged_at ? new Date(row.personal_purged_at) : null,
});
