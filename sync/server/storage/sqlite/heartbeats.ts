import { ONLINE_WINDOW_SECONDS } from '../../../protocol/console/stations.ts';
import { heartbeatSentMs } from '../shared.ts';
import type { Storage } from '../types.ts';
import type { SqliteConnection } from './connection.ts';
import { type HeartbeatRow, toHeartbeat } from './rows.ts';

/** The latest heartbeat of each station. */
export const sqliteHeartbeats = ({ db }: SqliteConnection): Pick<Storage, 'saveHeartbeat' | 'getHeartbeat' | 'listHeartbeats'> => ({
  async saveHeartbeat(h) {
    db.prepare(
      `INSERT INTO heartbeats (station_id, app_version, records_waiting, storage_used, storage_quota, storage_growth_per_day, dead_letters, last_error, clock_offset_ms, sent_at, sent_ms, received_at, online_since)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (station_id) DO UPDATE SET app_version = excluded.app_version, records_waiting = excluded.records_waiting,
         storage_used = excluded.storage_used, storage_quota = excluded.storage_quota,
         storage_growth_per_day = excluded.storage_growth_per_day, dead_letters = excluded.dead_letters, last_error = excluded.last_error,
         clock_offset_ms = excluded.clock_offset_ms, sent_at = excluded.sent_at, sent_ms = excluded.sent_ms, received_at = excluded.received_at,
         -- Online since: kept while beats come within the online window, restarted after a silence.
         online_since = CASE WHEN heartbeats.online_since IS NULL OR julianday(excluded.received_at) - julianday(heartbeats.received_at) > ? / 86400.0
           THEN excluded.received_at ELSE heartbeats.online_since END
       WHERE excluded.sent_ms IS NULL OR heartbeats.sent_ms IS NULL OR excluded.sent_ms > heartbeats.sent_ms`,
    ).run(h.stationId, h.appVersion, h.recordsWaiting, h.storageUsed, h.storageQuota, h.storageGrowthPerDay, h.deadLetters, h.lastError, h.clockOffsetMs, h.sentAt, heartbeatSentMs(h), h.receivedAt.toISOString(), h.receivedAt.toISOString(), ONLINE_WINDOW_SECONDS);
  },

  async getHeartbeat(stationId) {
    const row = db.prepare<[string], HeartbeatRow>('SELECT * FROM heartbeats WHERE station_id = ?').get(stationId);
    return row ? toHeartbeat(row) : null;
  },

  async listHeartbeats() {
    return db.prepare<[], HeartbeatRow>('SELECT * FROM heartbeats ORDER BY station_id').all().map(toHeartbeat);
  },
});
