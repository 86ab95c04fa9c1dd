import { ONLINE_WINDOW_SECONDS } from '../../../protocol/console/stations.ts';
import { heartbeatSentMs } from '../shared.ts';
import type { Storage } from '../types.ts';
import type { PostgresConnection } from './connection.ts';
import { type HeartbeatRow, toHeartbeat } from './rows.ts';

/** The latest heartbeat of each station. */
export const postgresHeartbeats = ({ pool }: PostgresConnection): Pick<Storage, 'saveHeartbeat' | 'getHeartbeat' | 'listHeartbeats'> => ({
  async saveHeartbeat(h) {
    await pool.query(
      `INSERT INTO heartbeats (station_id, app_version, records_waiting, storage_used, storage_quota, storage_growth_per_day, dead_letters, last_error, clock_offset_ms, sent_at, sent_ms, received_at, online_since)
       VALUES ($1, $2, $3, $4, $5, $11, $13, $6, $7, $8, $12, $9, $9)
       ON CONFLICT (station_id) DO UPDATE SET app_version = excluded.app_version, records_waiting = excluded.records_waiting,
         storage_used = excluded.storage_used, storage_quota = excluded.storage_quota,
         storage_growth_per_day = excluded.storage_growth_per_day, dead_letters = excluded.dead_letters, last_error = excluded.last_error,
         clock_offset_ms = excluded.clock_offset_ms, sent_at = excluded.sent_at, sent_ms = excluded.sent_ms, received_at = excluded.received_at,
         -- Online since: kept while beats come within the online window, restarted after a silence.
         online_since = CASE WHEN heartbeats.online_since IS NULL OR excluded.received_at - heartbeats.received_at > $10 * interval '1 second'
           THEN excluded.received_at ELSE heartbeats.online_since END
       WHERE excluded.sent_ms IS NULL OR heartbeats.sent_ms IS NULL OR excluded.sent_ms > heartbeats.sent_ms`,
      [h.stationId, h.appVersion, h.recordsWaiting, h.storageUsed, h.storageQuota, h.lastError, h.clockOffsetMs, h.sentAt, h.receivedAt, ONLINE_WINDOW_SECONDS, h.storageGrowthPerDay, heartbeatSentMs(h), h.deadLetters],
    );
  },

  async getHeartbeat(stationId) {
    const { rows } = await pool.query<HeartbeatRow>('SELECT * FROM heartbeats WHERE station_id = $1', [stationId]);
    return rows[0] ? toHeartbeat(rows[0]) : null;
  },

  async listHeartbeats() {
    return (await pool.query<HeartbeatRow>('SELECT * FROM heartbeats ORDER BY station_id')).rows.map(toHeartbeat);
  },
});
